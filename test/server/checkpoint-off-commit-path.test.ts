import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOG_DIR } from '../../server/store.ts';
import type { Identity } from '../../server/hub.ts';
import { Checkpoint, CHECKPOINT_FILE } from '../../server/checkpoint.ts';
import { jsonSlices } from '../../server/sliced-json.ts';
import { openHub, seededHub, useTempDirs } from '../helpers/store-hub.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

const KIOSK_ID: Identity = { kind: 'kiosk', device: KIOSK.id, gate: 'K32' };

describe('the checkpoint is written beside the commits, not in their way', () => {
  const dirs = useTempDirs();
  afterEach(() => {
    Checkpoint.betweenSlices = null;
  });

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
    let started!: () => void;
    const reached = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    Checkpoint.betweenSlices = () => {
      started();
      return held;
    };
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
});
