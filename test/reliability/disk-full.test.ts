import { describe, expect, it } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useDiskFaults } from '../helpers/disk-faults.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { createRequest, op } from '../helpers/ops.ts';

describe('a full disk: nothing false acknowledged, every device answered, recovery when space frees, a bounded stop', () => {
  const env = useTestHub({ perTest: true, options: { shutdownMs: 300 } });
  const disk = useDiskFaults();
  /** The disk as a full one answers: every write fails with ENOSPC. */
  const diskFull = () => disk.fail('ENOSPC');

  it('refuses with storage (naming the file), answers the waiting operation, and resumes once a write succeeds', async () => {
    const { kiosk, me } = await env.enrolledKiosk('K32');
    const durable = env.hub.hub.durableSeq;
    diskFull();
    const waiting = op(me, createRequest());
    const first = await kiosk.submit(waiting);
    expect(first).toMatchObject({
      ok: false,
      code: 'storage',
      // The log is appended to its journal (log/tail.jsonl); sealing a segment writes log/seg-<seq>.json.
      reason: expect.stringMatching(/cannot write to its disk \(writing .*log\/(tail\.jsonl|seg-\d+\.json) failed: ENOSPC/),
    });
    // Nothing more is taken into memory while the disk fails.
    const seq = env.hub.hub.seq;
    expect(await kiosk.submit(op(me, createRequest()))).toMatchObject({ ok: false, code: 'storage' });
    expect(env.hub.hub.seq).toBe(seq);
    expect(env.hub.hub.durableSeq).toBe(durable);
    expect((await readdir(join(env.dir, 'log'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    disk.heal();
    // The waiting operation is written by the hub's retry; its device's resend gets the real answer.
    let again = await kiosk.submit(waiting);
    for (let i = 0; i < 100 && !again.ok; i++) {
      await new Promise((r) => setTimeout(r, 50));
      again = await kiosk.submit(waiting);
    }
    expect(again).toMatchObject({ ok: true, seq });
    expect(await kiosk.submit(op(me, createRequest()))).toMatchObject({ ok: true, seq: seq + 1 });
    expect(env.hub.hub.storageProblem).toBeNull();
  });

  it('stops within its bound while the disk is still full, and a restart clears temp files and keeps every acknowledged operation', async () => {
    const { kiosk, me } = await env.enrolledKiosk('K33');
    const kept = await kiosk.submit(op(me, createRequest({ gate: 'K33' })));
    expect(kept).toMatchObject({ ok: true });
    diskFull();
    expect(await kiosk.submit(op(me, createRequest({ gate: 'K33' })))).toMatchObject({ ok: false, code: 'storage' });
    await writeFile(join(env.dir, 'log', '.seg-000000000001.json.4242.7.tmp'), '{"partial');
    await env.stop();
    disk.heal();
    await env.start();
    expect((await readdir(join(env.dir, 'log'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(kept.ok && env.hub.hub.seq).toBe(kept.ok ? kept.seq : -1);
  });
});
