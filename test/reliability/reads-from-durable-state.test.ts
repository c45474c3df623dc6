import { describe, expect, it } from 'vitest';
import { EVENTS, type HubState, type TicketLookup } from '../../core/index.ts';
import { useDiskFaults } from '../helpers/disk-faults.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { type TestDevice } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';

function lookup(d: TestDevice, query: unknown): Promise<TicketLookup> {
  return d.socket.timeout(5000).emitWithAck(EVENTS.ticketLookup, query) as Promise<TicketLookup>;
}

async function snapshot(url: string, token: string): Promise<{ seq: number; state: HubState }> {
  const res = await fetch(`${url}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { seq: number; state: HubState };
}

/**
 * What a device reads must be what a crash cannot take back: an operation the hub holds in memory
 * but could not yet write is in neither the snapshot nor a ticket lookup, and is once it is on disk.
 */
describe('reads answer from the durable state', () => {
  const env = useTestHub({ perTest: true, options: { shutdownMs: 300 } });
  const disk = useDiskFaults();

  it('/api/snapshot and ticket.lookup leave out an operation not yet written, and show it once written', async () => {
    const { kiosk, me } = await env.enrolledKiosk('K32');
    const token = await env.token('A101');
    const body = createRequest({ surname: 'Moreau' });
    if (body.type !== 'request.create') throw new Error('createRequest makes a request.create');
    const requestId = body.payload.requestId;

    // Every write fails, so the operation is taken but stays in memory only.
    disk.fail('EIO');
    const pending = op(me, body);
    expect(await kiosk.submit(pending)).toMatchObject({ ok: false, code: 'storage' });
    const inMemory = env.hub.hub.current.requests[requestId];
    expect(inMemory, 'the hub holds the operation in memory, waiting to write it').toBeDefined();
    const ticket = inMemory!.ticket;

    const before = await snapshot(env.hub.url, token);
    expect(before.seq).toBeLessThan(env.hub.hub.seq);
    expect(before.state.requests[requestId]).toBeUndefined();
    expect(await lookup(kiosk, { ticket })).toEqual({ v: 1, ok: true, tickets: [] });

    disk.heal();
    // The hub's own retry writes it: wait for that signal, then both reads show it.
    await expect.poll(() => env.hub.hub.durableSeq, { timeout: 10_000 }).toBe(env.hub.hub.seq);
    const after = await snapshot(env.hub.url, token);
    expect(after.state.requests[requestId]?.ticket).toBe(ticket);
    const found = await lookup(kiosk, { ticket });
    expect(found.ok && found.tickets.map((t) => t.ticket)).toEqual([ticket]);
  });
});
