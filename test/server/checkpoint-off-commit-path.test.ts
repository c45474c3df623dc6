import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Store, LOG_DIR } from '../../server/store.ts';
import { Hub, type Identity } from '../../server/hub.ts';
import { Checkpoint, CHECKPOINT_FILE } from '../../server/checkpoint.ts';
import { jsonSlices } from '../../server/sliced-json.ts';
import { demoOps } from '../../server/demo-airport.ts';
import { openHub, seed, seededHub, useTempDirs } from '../helpers/store-hub.ts';
import { useCheckpointHold } from '../helpers/checkpoint-hold.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';
import { emptyState, replay, type HubState } from '../../core/index.ts';

const KIOSK_ID: Identity = { kind: 'kiosk', device: KIOSK.id, gate: 'K32' };

describe('the checkpoint is written beside the commits, not in their way', () => {
  const dirs = useTempDirs();
  const checkpoint = useCheckpointHold();

  it('in slices that together are exactly the state as JSON', () => {
    const requests: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++) requests[`r${i}`] = { id: `r${i}`, note: 'x'.repeat(i % 50), gone: undefined, n: i };
    const state = { v: 1, seq: 3000, requests, skipped: undefined, small: { a: 1 }, list: [1, 'two', null] };
    const slices = [...jsonSlices(state, 0)];
    expect(slices.length).toBeGreaterThan(100);
    expect(slices.join('')).toBe(JSON.stringify(state));
  });

  it('acknowledges new operations while a checkpoint is half-written, and that checkpoint holds the state as of its seq', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir, { checkpointEvery: 5 });
    await hub.flush();
    // Hold the next checkpoint after its first slice, as a long one would be between slices.
    const { reached, release } = checkpoint.hold();
    const first = Array.from({ length: 5 }, (_, i) => op(KIOSK, createRequest({ surname: `First${i}` })));
    expect((await Promise.all(first.map((o) => hub.submit(o, KIOSK_ID)))).every((a) => a.ok)).toBe(true);
    await reached;
    const seqAtCheckpoint = hub.durableSeq;

    const later = await hub.submit(op(KIOSK, createRequest({ surname: 'DuringCheckpoint' })), KIOSK_ID);
    expect(later).toMatchObject({ ok: true, seq: seqAtCheckpoint + 1 });

    release();
    await hub.close();
    const written = JSON.parse(await readFile(join(dir, LOG_DIR, CHECKPOINT_FILE), 'utf8')) as { state: { seq: number } };
    expect(written.state.seq).toBe(hub.seq);
    // The checkpoint that was held still became a whole file, and a restart reads what close() wrote.
    const again = await openHub(dir);
    expect(again.seq).toBe(seqAtCheckpoint + 1);
    expect(Object.values(again.current.requests).some((r) => r.surname === 'DuringCheckpoint')).toBe(true);
  });

  it('holds the state as of its seq although requests in it are claimed and added while it is written', async () => {
    const dir = await dirs.make();
    const store = await Store.open(dir);
    // The first checkpoint comes once the 300 requests below are written.
    const hub = new Hub(store, undefined, { checkpointEvery: demoOps(new Date()).length + 300 });
    await seed(hub);
    // A slice per record, held after the first: nearly every request is still to be written when the claims below land.
    checkpoint.slice(0);
    const { reached, release } = checkpoint.hold();
    const creates = Array.from({ length: 300 }, (_, i) => op(KIOSK, createRequest({ surname: `Early${i}` })));
    expect((await Promise.all(creates.map((o) => hub.submit(o, KIOSK_ID)))).every((a) => a.ok)).toBe(true);
    await reached;

    const ids = creates.map((o) => (o.type === 'request.create' ? o.payload.requestId : ''));
    const claims = ids.map((requestId) => op(AMIRA, { type: 'request.claim', payload: { requestId } }));
    const later = Array.from({ length: 20 }, (_, i) => op(KIOSK, createRequest({ surname: `Later${i}` })));
    const acks = await Promise.all([
      ...claims.map((o) => hub.submit(o, { kind: 'staff', id: 'A101' })),
      ...later.map((o) => hub.submit(o, KIOSK_ID)),
    ]);
    expect(acks.every((a) => a.ok)).toBe(true);

    Checkpoint.betweenSlices = null;
    release();
    await store.checkpointWriting;
    const written = JSON.parse(await readFile(join(dir, LOG_DIR, CHECKPOINT_FILE), 'utf8')) as { state: HubState };
    const log = await store.readLog();
    const expected = replay(
      emptyState(),
      log.filter((e) => e.seq <= written.state.seq),
    ).state;
    expect(written.state.seq).toBeLessThan(hub.durableSeq);
    expect(written.state.requests).toEqual(JSON.parse(JSON.stringify(expected.requests)));
    expect(written.state.vouchers).toEqual(JSON.parse(JSON.stringify(expected.vouchers)));
    // What the claims and later requests changed is in the live state, not in the checkpoint.
    expect(Object.values(written.state.requests).every((r) => r.status === 'received' && r.surname.startsWith('Early'))).toBe(true);
    expect(Object.values(hub.durableState.requests).filter((r) => r.status === 'claimed')).toHaveLength(300);
    // Its digest matches, so a restart trusts it.
    expect((await Checkpoint.open(join(dir, LOG_DIR))).state?.seq).toBe(written.state.seq);
    await hub.close();
  });
});
