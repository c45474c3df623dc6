import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, stat, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOG_DIR, DATA_FILE } from '../../server/store.ts';
import { PULL_PAGE, SNAPSHOT_AFTER, type Hub, type Identity } from '../../server/hub.ts';
import { CHECKPOINT_FILE } from '../../server/checkpoint.ts';
import { SEGMENT_ENTRIES } from '../../server/log-segments.ts';
import { demoOps } from '../../server/demo-airport.ts';
import type { Op, Viewer } from '../../core/index.ts';
import { removeDir, tempDataDir } from '../helpers/hub.ts';
import { openHub, seed } from '../helpers/store-hub.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';

const AGENT = { kind: 'staff', id: 'A101' } as const;
const KIOSK_ID: Identity = { kind: 'kiosk', device: KIOSK.id, gate: 'K32' };

/** n requests through their whole life, acknowledged one commit at a time or in bursts. */
async function evening(hub: Hub, n: number): Promise<string[]> {
  const ids: string[] = [];
  const submitted: Array<Promise<unknown>> = [];
  for (let i = 0; i < n; i++) {
    const body = createRequest({ surname: `Guest${i}` });
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    ids.push(id);
    submitted.push(hub.submit(op(KIOSK, body), KIOSK_ID));
    if (i % 2 === 0) submitted.push(hub.submit(op(AMIRA, { type: 'request.claim', payload: { requestId: id } }), AGENT));
    if (i % 10 === 0) await Promise.all(submitted.splice(0));
  }
  await Promise.all(submitted);
  return ids;
}

describe('segmented log with checkpoints', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDataDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('keeps every acknowledged operation across restarts, in small segment files', async () => {
    let hub = await openHub(dir);
    await seed(hub);
    const ids = await evening(hub, 400);
    const seq = hub.seq;
    const state = hub.current;
    const expected = JSON.stringify(state.requests);
    // No close(): as after a crash, only what was acknowledged is on disk, and no fresh checkpoint.
    hub = await openHub(dir);
    expect(hub.seq).toBe(seq);
    expect(JSON.stringify(hub.current.requests)).toBe(expected);
    expect(Object.keys(hub.current.requests)).toHaveLength(ids.length);
    // Small files: segments of at least SEGMENT_ENTRIES entries (whole commits), the rest in the journal.
    const segments = (await readdir(join(dir, LOG_DIR))).filter((n) => n.startsWith('seg-'));
    expect(segments.length).toBeGreaterThanOrEqual(1);
    expect(segments.length).toBeLessThanOrEqual(Math.floor(seq / SEGMENT_ENTRIES));
    // A retried operation still gets its original answer after the restart.
    const again = await hub.submit(op(KIOSK, createRequest({ requestId: ids[0]! })), KIOSK_ID);
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('only rewrites the newest segment when more operations are written', async () => {
    const hub = await openHub(dir);
    await seed(hub);
    await evening(hub, 300);
    const files = (await readdir(join(dir, LOG_DIR))).sort();
    // A file written again is a new file (temp + rename) or new bytes; mtimes alone can tie within a clock tick.
    const look = () =>
      Promise.all(
        files.map(async (f) => {
          const path = join(dir, LOG_DIR, f);
          const { ino, mtimeMs } = await stat(path);
          return { ino, mtimeMs, text: await readFile(path, 'utf8') };
        }),
      );
    const before = await look();
    await evening(hub, 5);
    const after = await look();
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.text).not.toBe(before.at(-1)!.text);
  });

  it('restarts from the checkpoint plus the operations after it, and from the log alone if the checkpoint is damaged', async () => {
    let hub = await openHub(dir);
    await seed(hub);
    await evening(hub, 50);
    await hub.close(); // writes a checkpoint
    const cp = JSON.parse(await readFile(join(dir, LOG_DIR, CHECKPOINT_FILE), 'utf8')) as { state: { seq: number } };
    expect(cp.state.seq).toBe(hub.seq);
    hub = await openHub(dir);
    const ids = await evening(hub, 30);
    const seq = hub.seq;
    const expected = JSON.stringify(hub.current);
    hub = await openHub(dir);
    expect(hub.seq).toBe(seq);
    expect(JSON.stringify(hub.current)).toBe(expected);

    await writeFile(join(dir, LOG_DIR, CHECKPOINT_FILE), '{"v":1,"state":{"seq":'); // torn by hand
    hub = await openHub(dir);
    expect(hub.seq).toBe(seq);
    expect(hub.current.requests[ids[29]!]?.surname).toBe('Guest29');
  });

  it('answers a device far behind with a snapshot, one a few pages behind with a page of entries, and a close one with the entries', async () => {
    const hub = await openHub(dir);
    await seed(hub);
    // Each evening step is a request and every other one a claim: past SNAPSHOT_AFTER operations in all.
    await evening(hub, Math.ceil(SNAPSHOT_AFTER / 1.5) + 10);
    const requests = Object.keys(hub.current.requests).length;
    const viewer: Viewer = { kind: 'staff', id: 'A101', role: 'agent', gates: ['K32'] };
    expect(hub.pull(hub.seq - 10, viewer)).toMatchObject({ kind: 'entries', upTo: hub.seq });
    const paged = hub.pull(hub.seq - 3 * PULL_PAGE, viewer);
    expect(paged).toMatchObject({ kind: 'entries', upTo: hub.seq - 2 * PULL_PAGE, more: true });
    if (paged.kind === 'entries') expect(paged.entries).toHaveLength(PULL_PAGE);
    const far = hub.pull(hub.seq - SNAPSHOT_AFTER - 1, viewer);
    expect(far.kind).toBe('snapshot');
    if (far.kind === 'snapshot') expect(Object.keys(far.state.requests)).toHaveLength(requests);
  });

  it('moves a hub written as one file (log inside gatecare.json) to segments without losing anything', async () => {
    const at = new Date().toISOString();
    const ops: Op[] = demoOps(new Date());
    const log = ops.map((o, i) => ({ seq: i + 1, at, op: o }));
    const refused = op(KIOSK, createRequest());
    const legacy = {
      v: 1,
      secret: 'a'.repeat(64),
      credentials: {},
      log,
      rejected: { [refused.id]: { code: 'conflict', reason: 'ticket number already in use' } },
    };
    await writeFile(join(dir, DATA_FILE), JSON.stringify(legacy));
    const hub = await openHub(dir);
    expect(hub.seq).toBe(ops.length);
    expect(Object.keys(hub.current.gates)).toHaveLength(20);
    const meta = JSON.parse(await readFile(join(dir, DATA_FILE), 'utf8')) as Record<string, unknown>;
    expect(meta).toEqual({ v: 1, secret: 'a'.repeat(64), credentials: {} });
    expect(await hub.submit(refused, KIOSK_ID)).toMatchObject({
      ok: false,
      reason: 'ticket number already in use',
    });
  });
});
