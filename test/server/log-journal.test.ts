import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendFile, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { LOG_DIR } from '../../server/store.ts';
import type { Identity } from '../../server/hub.ts';
import { JOURNAL_FILE, REJECTIONS_PER_SEGMENT, SEGMENT_ENTRIES } from '../../server/log-segments.ts';
import type { Ack, Op } from '../../core/index.ts';
import { openHub, seededHub, useTempDirs } from '../helpers/store-hub.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';

const KIOSK_ID: Identity = { kind: 'kiosk', device: KIOSK.id, gate: 'K32' };
const AGENT: Identity = { kind: 'staff', id: 'A101' };

/** A claim of a request nobody created: always refused. */
function hopelessClaim(): Op {
  return op(AMIRA, { type: 'request.claim', payload: { requestId: uuidv7() } });
}

/** The seqs in each segment file (in file order) and in the journal. */
async function storedLog(dir: string): Promise<{ segments: number[][]; journal: number[] }> {
  const logDir = join(dir, LOG_DIR);
  const names = (await readdir(logDir)).filter((n) => /^seg-\d{12}\.json$/.test(n)).sort();
  const segments: number[][] = [];
  for (const n of names) {
    const seg = JSON.parse(await readFile(join(logDir, n), 'utf8')) as { entries: Array<{ seq: number }> };
    segments.push(seg.entries.map((e) => e.seq));
  }
  const text = await readFile(join(logDir, JOURNAL_FILE), 'utf8').catch(() => '');
  const journal = text
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => (JSON.parse(l) as { e: Array<{ seq: number }> }).e.map((e) => e.seq));
  return { segments, journal };
}

describe('the log journal: one appended line per commit', () => {
  const dirs = useTempDirs();
  afterEach(() => vi.restoreAllMocks());

  it('a line is the JSON of its entries and answers: it reads back exactly what was accepted, names and notes with quotes, backslashes and non-Latin text included', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir);
    await hub.flush();
    const tricky = op(KIOSK, createRequest({ surname: 'Ō"Brien \\ 王', note: 'line\nbreak, "quoted", ✈ \u2028' }));
    const refused = hopelessClaim();
    const [accepted] = await Promise.all([hub.submit(tricky, KIOSK_ID), hub.submit(refused, AGENT)]);
    expect(accepted).toMatchObject({ ok: true });
    await hub.flush();
    const lines = (await readFile(join(dir, LOG_DIR, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean);
    const last = JSON.parse(lines[lines.length - 1]!) as { e: Array<{ op: Op }>; r: Record<string, unknown> };
    expect(last.e.map((e) => e.op)).toEqual([tricky]);
    expect(last.r[refused.id]).toMatchObject({ code: 'not_found' });
    expect(lines[lines.length - 1]).toBe(JSON.stringify(last));
    await hub.close();
  });

  it('a flood of refused operations does not make later commits write more, and their answers are stored bounded', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir);
    await hub.flush();
    const journal = join(dir, LOG_DIR, JOURNAL_FILE);
    const refused = Array.from({ length: REJECTIONS_PER_SEGMENT + 500 }, hopelessClaim);
    for (const o of refused) expect(await hub.submit(o, AGENT)).toMatchObject({ ok: false, code: 'not_found' });
    // The answers ride along with the next commit, once.
    expect(await hub.submit(op(KIOSK, createRequest()), KIOSK_ID)).toMatchObject({ ok: true });
    const before = (await stat(journal)).size;
    const one = await hub.submit(op(KIOSK, createRequest()), KIOSK_ID);
    expect(one).toMatchObject({ ok: true });
    // One more commit appends one line of about one entry, not the segment with every rejection again.
    expect((await stat(journal)).size - before).toBeLessThan(2000);

    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    const stored = lines.reduce((n, l) => n + Object.keys((JSON.parse(l) as { r: object }).r).length, 0);
    expect(stored).toBe(REJECTIONS_PER_SEGMENT);

    // After a restart a retry of a stored refusal gets the same answer.
    const again = await openHub(dir);
    expect(await again.submit(refused[0]!, AGENT)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('seals the journal into segments of at least 256 entries, whole commits, and keeps every entry across a restart', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir);
    for (let i = 0; i < 3; i++) {
      const acks = await Promise.all(Array.from({ length: 150 }, () => hub.submit(op(KIOSK, createRequest()), KIOSK_ID)));
      expect(acks.every((a) => a.ok)).toBe(true);
    }
    const seq = hub.seq;
    const { segments, journal } = await storedLog(dir);
    expect(segments.length).toBeGreaterThan(0);
    for (const s of segments) expect(s.length).toBeGreaterThanOrEqual(SEGMENT_ENTRIES);
    expect(journal.length).toBeLessThan(SEGMENT_ENTRIES);
    expect([...segments.flat(), ...journal]).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    const reopened = await openHub(dir);
    expect(reopened.seq).toBe(seq);
    expect(Object.keys(reopened.current.requests)).toHaveLength(450);
  });

  it('after a commit larger than a segment, the next commit appends one line to an empty journal', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir);
    await hub.flush();
    const burst = await Promise.all(Array.from({ length: 2 * SEGMENT_ENTRIES + 50 }, () => hub.submit(op(KIOSK, createRequest()), KIOSK_ID)));
    expect(burst.every((a) => a.ok)).toBe(true);
    // The burst went to the disk as one or two group commits, sealed whole: nothing of it is left in the journal.
    expect((await storedLog(dir)).journal).toEqual([]);
    const ack = await hub.submit(op(KIOSK, createRequest()), KIOSK_ID);
    expect(ack).toMatchObject({ ok: true });
    const text = await readFile(join(dir, LOG_DIR, JOURNAL_FILE), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect((await storedLog(dir)).journal).toEqual([hub.seq]);
    const reopened = await openHub(dir);
    expect(reopened.seq).toBe(hub.seq);
  });

  it('a write cut short by a crash is set aside at start, naming the seq range and ids it carried; nothing acknowledged is lost', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir);
    const ack = await hub.submit(op(KIOSK, createRequest({ surname: 'Kept' })), KIOSK_ID);
    expect(ack).toMatchObject({ ok: true });
    const seq = hub.seq;
    // What a power cut in the middle of the next commit's append leaves: part of its line.
    const lost = [op(KIOSK, createRequest()), op(KIOSK, createRequest())];
    const at = new Date().toISOString();
    const line = JSON.stringify({ e: lost.map((o, i) => ({ seq: seq + 1 + i, at, op: o })), r: {} });
    const journal = join(dir, LOG_DIR, JOURNAL_FILE);
    await appendFile(journal, line.slice(0, line.length - 40));

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reopened = await openHub(dir);
    const said = errors.mock.calls.flat().join('\n');
    expect(said).toContain(journal);
    expect(said).toMatch(new RegExp(`operations seq ${seq + 1}–${seq + 2} \\(ids ${lost[0]!.id}, ${lost[1]!.id}`));
    expect(said).toMatch(/none of them was acknowledged/);
    const copy = /kept at (\S+)\)/.exec(said)?.[1];
    expect(copy).toBeDefined();
    expect(await readFile(copy!, 'utf8')).toContain(line.slice(0, line.length - 40));

    expect(reopened.seq).toBe(seq);
    expect(Object.values(reopened.current.requests).some((r) => r.surname === 'Kept')).toBe(true);
    // The journal goes on from the last whole line: a new operation takes the seq the torn one had, and survives a restart.
    const next = await reopened.submit(op(KIOSK, createRequest({ surname: 'After' })), KIOSK_ID);
    expect(next).toMatchObject({ ok: true, seq: seq + 1 });
    const third = await openHub(dir);
    expect(third.seq).toBe(seq + 1);
    expect(Object.values(third.current.requests).some((r) => r.surname === 'After')).toBe(true);
  });

  it('a damaged line before the last stops the start, naming the file and the line, and keeps it as it was', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir);
    await hub.submit(op(KIOSK, createRequest()), KIOSK_ID);
    await hub.submit(op(KIOSK, createRequest()), KIOSK_ID);
    const journal = join(dir, LOG_DIR, JOURNAL_FILE);
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[0] = lines[0]!.replace('"seq":', '"seq":"x');
    await writeFile(journal, lines.join('\n'));
    const damaged = await readFile(journal, 'utf8');
    const error = await openHub(dir).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(journal);
    expect(error?.message).toMatch(/line 1: /);
    expect(error?.message).toMatch(/Restore a backup/);
    expect(await readFile(journal, 'utf8')).toBe(damaged);
  });
});

describe('a checkpoint ahead of the log', () => {
  const dirs = useTempDirs();

  it('stops the start naming the seq range and the requests the missing log files held, and changes nothing', async () => {
    const dir = await dirs.make();
    const first = await seededHub(dir);
    await first.close();
    const sealedUpTo = first.seq;
    const second = await openHub(dir);
    const ids: string[] = [];
    for (const surname of ['Moreau', 'Okafor']) {
      const body = createRequest({ surname });
      if (body.type === 'request.create') ids.push(body.payload.requestId);
      expect(await second.submit(op(KIOSK, body), KIOSK_ID)).toMatchObject({ ok: true });
    }
    const tickets = ids.map((id) => second.current.requests[id]!.ticket);
    await second.close(); // checkpoint at the last seq; the two requests sealed into their own segment
    const lost = join(dir, LOG_DIR, `seg-${String(sealedUpTo + 1).padStart(12, '0')}.json`);
    await rm(lost);
    const files = await readdir(join(dir, LOG_DIR));

    const error = await openHub(dir).then(
      () => null,
      (e: unknown) => e as Error,
    );
    const message = error?.message ?? '';
    expect(message).toMatch(new RegExp(`operations seq ${sealedUpTo + 1}–${sealedUpTo + 2} were acknowledged`));
    for (const [i, t] of tickets.entries()) expect(message).toContain(`ticket ${t} (request ${ids[i]}: received at seq ${sealedUpTo + 1 + i})`);
    expect(message).toMatch(/restore the missing log files from a backup \(the segment starting at seq \d+/);
    expect(await readdir(join(dir, LOG_DIR))).toEqual(files);
  });
});

describe('duplicates: the original answer within the window, checked again beyond it', () => {
  const dirs = useTempDirs();

  it('a retry within the window gets the original answer, even after a restart; the memory holds at most the window', async () => {
    const dir = await dirs.make();
    const hub = await seededHub(dir, { seenLimit: 50 });
    const created = op(KIOSK, createRequest());
    const first = await hub.submit(created, KIOSK_ID);
    expect(first).toMatchObject({ ok: true });
    const seq = hub.seq;
    // Someone else's operations in between, fewer than the window.
    const others = await Promise.all(Array.from({ length: 30 }, () => hub.submit(op(KIOSK, createRequest()), KIOSK_ID)));
    expect(others.every((a) => a.ok)).toBe(true);
    expect(await hub.submit(created, KIOSK_ID)).toEqual(first);
    expect(hub.seq).toBe(seq + 30);
    expect(await (await openHub(dir, { seenLimit: 50 })).submit(created, KIOSK_ID)).toEqual(first);

    // Beyond the window the operation is checked again, and the reducer refuses to apply it twice.
    await Promise.all(Array.from({ length: 60 }, () => hub.submit(op(KIOSK, createRequest()), KIOSK_ID)));
    const late: Ack = await hub.submit(created, KIOSK_ID);
    expect(late).toMatchObject({ ok: false, code: 'conflict' });
    expect(hub.seq).toBe(seq + 90);
  });
});
