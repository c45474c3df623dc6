import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { refusedStart, removeDir, startTestHub, tempDataDir } from '../helpers/hub.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';
import type { LogEntry } from '../../core/index.ts';

const LOG = 'log';

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

async function segmentFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, LOG)))
    .filter((n) => /^seg-\d+\.json$/.test(n))
    .sort()
    .map((n) => join(dir, LOG, n));
}

/** A hub that took two requests and shut down cleanly (so a checkpoint holding them was written). */
async function hubWithTwoRequests(): Promise<{ dir: string; ids: string[] }> {
  const dir = await tempDataDir();
  const running = await startTestHub(dir);
  const ids: string[] = [];
  for (const surname of ['Moreau', 'Okafor']) {
    const body = createRequest({ surname });
    const ack = await running.hub.submit(op(KIOSK, body), { kind: 'system' });
    expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
    if (body.type === 'request.create') ids.push(body.payload.requestId);
  }
  await running.close();
  return { dir, ids };
}

/** Edits the stored log entry that created request `id`. */
async function editCreateEntry(dir: string, id: string, change: (e: LogEntry) => void): Promise<{ file: string; seq: number }> {
  for (const file of await segmentFiles(dir)) {
    const seg = await readJson<{ entries: LogEntry[] }>(file);
    const entry = seg.entries.find((e) => e.op.type === 'request.create' && e.op.payload.requestId === id);
    if (!entry) continue;
    change(entry);
    await writeFile(file, JSON.stringify(seg));
    return { file, seq: entry.seq };
  }
  throw new Error(`no log entry creates request ${id}`);
}

describe('checkpoint and log entries are checked at start-up', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) await removeDir(d);
  });

  it('a checkpoint whose requests were emptied is not trusted: the requests come back from the log', async () => {
    const { dir, ids } = await hubWithTwoRequests();
    dirs.push(dir);
    const file = join(dir, LOG, 'checkpoint.json');
    const checkpoint = await readJson<{ state: { seq: number; requests: Record<string, unknown> } }>(file);
    expect(Object.keys(checkpoint.state.requests)).toEqual(expect.arrayContaining(ids));
    checkpoint.state.requests = {};
    await writeFile(file, JSON.stringify(checkpoint));

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const running = await startTestHub(dir);
    try {
      expect(Object.keys(running.hub.current.requests)).toEqual(expect.arrayContaining(ids));
      expect(running.hub.current.requests[ids[1]!]!.surname).toBe('Okafor');
      expect(errors.mock.calls.flat().join('\n')).toMatch(/checkpoint\.json is not trusted .*rebuilding the state from the log/);
    } finally {
      await running.close();
    }
  });

  it('a malformed log entry stops the start with an error naming the file and the seq', async () => {
    const { dir, ids } = await hubWithTwoRequests();
    dirs.push(dir);
    const { file, seq } = await editCreateEntry(dir, ids[0]!, (e) => {
      delete (e.op as { payload?: unknown }).payload;
    });
    const error = await refusedStart(dir);
    const message = error.message;
    expect(message).toContain(file);
    expect(message).toContain(`seq ${seq}`);
    expect(message).toContain('request.create');
    expect(message).not.toMatch(/Cannot read properties/);
    // Left as it was, for whoever repairs it.
    expect((await readJson<{ entries: LogEntry[] }>(file)).entries.find((e) => e.seq === seq)!.op).not.toHaveProperty('payload');
  });

  it('a purged entry (surname and note blanked) still reads back', async () => {
    const { dir, ids } = await hubWithTwoRequests();
    dirs.push(dir);
    await editCreateEntry(dir, ids[0]!, (e) => {
      if (e.op.type === 'request.create') Object.assign(e.op.payload, { surname: '', note: '' });
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const running = await startTestHub(dir);
    try {
      expect(running.hub.current.requests[ids[0]!]).toBeDefined();
      expect(running.hub.current.requests[ids[1]!]!.surname).toBe('Okafor');
    } finally {
      await running.close();
    }
  });
});

describe('a data directory with a log but no hub file', () => {
  it('refuses to start, says what is missing and what to do, and changes nothing', async () => {
    const { dir } = await hubWithTwoRequests();
    try {
      await rm(join(dir, 'gatecare.json'));
      const before = await segmentFiles(dir);
      const contents = await Promise.all(before.map((f) => readFile(f, 'utf8')));
      const error = await refusedStart(dir);
      expect(error.message).toMatch(/gatecare\.json is missing but .*log holds an operation log/);
      expect(error.message).toMatch(/Restore .*gatecare\.json from a backup/);
      await expect(readFile(join(dir, 'gatecare.json'))).rejects.toThrow(/ENOENT/);
      expect(await Promise.all(before.map((f) => readFile(f, 'utf8')))).toEqual(contents);
    } finally {
      await removeDir(dir);
    }
  });
});
