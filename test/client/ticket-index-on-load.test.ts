import { describe, expect, it } from 'vitest';
import { ticketsIndexed } from '../../core/plain.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { useSyncTablets } from '../helpers/sync-tablets.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

/**
 * A new request's ticket is checked against every ticket the device holds (core/ticket-index.ts). A device that takes
 * its requests whole, here its stored state after a reload, indexes them while loading: built at the first push
 * instead, the pass over a duty manager's 10,000 tickets held that push's task.
 */
describe('sync client: the tickets of a state taken whole are indexed as it loads', () => {
  const env = useTestHub({ perTest: true });
  const tablets = useSyncTablets(env);

  async function kioskAsks(surname: string): Promise<string> {
    const body = createRequest({ surname });
    expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    return body.type === 'request.create' ? body.payload.requestId : '';
  }

  it('a reloaded tablet holds its stored tickets indexed before any push, and the next request gets the hub’s ticket', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await kioskAsks(`Before${i}`));
    const storage = new MemorySyncStorage();
    const first = await tablets.tablet('A101', { storage });
    await waitFor(() => ids.every((id) => first.getSnapshot().state.requests[id]), 'the twenty requests on the tablet');
    await first.settled();
    first.stop();

    // The reload: the state comes back from storage as a new map, before the socket has said anything.
    const reloaded = await tablets.tablet('A101', { storage });
    const held = reloaded.getSnapshot().state.requests;
    expect(Object.keys(held)).toHaveLength(20);
    expect(ticketsIndexed(held)).toBe(true);

    const next = await kioskAsks('After');
    await waitFor(() => reloaded.getSnapshot().state.requests[next], 'the new request on the reloaded tablet');
    expect(reloaded.getSnapshot().state.requests[next]!.ticket).toBe(env.hub.hub.current.requests[next]!.ticket);
  });
});
