import { describe, expect, it } from 'vitest';
import type { HubState } from '../../core/index.ts';
import type { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage, type Rejected } from '../../client/sync-storage.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { useSyncTablets } from '../helpers/sync-tablets.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

/** The device's storage, recording what the sync client asks of it. */
class RecordingStorage extends MemorySyncStorage {
  saves = 0;
  stored: { seq: number; state: HubState } | null = null;
  /** For each operation settled as accepted: the confirmed state stored at that moment. */
  settledWith = new Map<string, HubState | null>();

  override async saveConfirmed(seq: number, state: HubState): Promise<void> {
    this.saves++;
    // A copy, as storage must take one (the client goes on writing into its maps in place).
    this.stored = { seq, state: structuredClone(state) };
    await super.saveConfirmed(seq, state);
  }
  override async settleOp(id: string, rejection: Rejected | null): Promise<void> {
    if (!rejection) this.settledWith.set(id, this.stored?.state ?? null);
    await super.settleOp(id, rejection);
  }
}

/** A surge must not copy the whole state to storage per message; nothing done on the device may be lost. */
describe('sync client: the confirmed state is saved coalesced, the outbox at once', () => {
  const env = useTestHub({ perTest: true });
  const tablets = useSyncTablets(env);
  const agent = (storage: RecordingStorage, saveEveryMs: number): Promise<SyncClient> => tablets.tablet('A101', { storage, saveEveryMs });

  async function kioskAsks(): Promise<string> {
    const body = createRequest();
    expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    return body.type === 'request.create' ? body.payload.requestId : '';
  }

  it('forty pushes cost one save, not forty; settled() writes the latest state', async () => {
    const storage = new RecordingStorage();
    const amira = await agent(storage, 60_000);
    await waitFor(() => amira.getSnapshot().connected && storage.saves === 1, 'amira online, first state saved');

    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await kioskAsks());
    await waitFor(() => ids.every((id) => amira.getSnapshot().state.requests[id]), 'all forty requests on the tablet');
    expect(storage.saves).toBe(1);
    expect(Object.keys(storage.stored!.state.requests)).not.toContain(ids[39]);

    await amira.settled();
    expect(storage.saves).toBe(2);
    expect(storage.stored!.seq).toBe(amira.getSnapshot().seq);
    for (const id of ids) expect(storage.stored!.state.requests[id]).toBeDefined();
  });

  it('an accepted operation leaves the stored outbox only once a saved state holds it, so a reload still shows it', async () => {
    const requestId = await kioskAsks();
    const storage = new RecordingStorage();
    const amira = await agent(storage, 60_000);
    await waitFor(() => amira.getSnapshot().connected && amira.getSnapshot().state.requests[requestId], 'amira online with the request');

    const claim = await amira.submit({ type: 'request.claim', payload: { requestId } });
    expect((await storage.loadOutbox()).map((o) => o.id)).toEqual([claim.id]);
    await waitFor(() => storage.settledWith.has(claim.id), 'the claim settled in storage', 10_000);
    expect(storage.settledWith.get(claim.id)?.requests[requestId]).toMatchObject({ status: 'claimed', claimedBy: 'A101' });
    expect(await storage.loadOutbox()).toEqual([]);

    // What a reload finds: the claim, from the saved state alone.
    amira.stop();
    const reloaded = await tablets.tablet('A101', { url: 'http://127.0.0.1:9', auth: {}, storage, reconnectionDelayMs: 60_000 });
    expect(reloaded.getSnapshot().state.requests[requestId]).toMatchObject({ status: 'claimed', claimedBy: 'A101' });
  });
});
