import { Low } from 'lowdb';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION, describeZodError, type LogEntry, type Rejection } from '../core/index.ts';
import { storedOpProblem } from '../core/stored-op.ts';

const ISO_INSTANT = z.iso.datetime();
import { DurableJsonFile } from './durable-json-file.ts';
import { Journal, type JournalLine } from './log-journal.ts';

export type StoredRejection = Omit<Rejection, 'ok'>;

/** One file of the log: a run of consecutive entries, plus the rejections answered while it was the tail. */
export interface SegmentData {
  v: number;
  first: number;
  entries: LogEntry[];
  rejected: Record<string, StoredRejection>;
}

/**
 * The journal is sealed into a segment file once it holds at least this many entries: all of them,
 * whole group commits, so a segment holds this many or a little more.
 */
export const SEGMENT_ENTRIES = 256;
/**
 * Answers to rejected operations stored per segment (in the journal, then sealed with it). Beyond
 * that a rejection is still answered, and remembered in memory (the hub's duplicate window), but a
 * retry after a restart is checked again like a new operation: a flood of refused operations costs
 * the disk a bounded amount and never slows a commit.
 */
export const REJECTIONS_PER_SEGMENT = 1000;
/** The journal: the entries after the last sealed segment, one appended line per group commit. */
export const JOURNAL_FILE = 'tail.jsonl';
/**
 * Entries kept in memory for "everything after seq N" (between this many and twice as many); older ones
 * are only on disk. As many as the hub answers in pages before it sends a snapshot instead (SNAPSHOT_AFTER):
 * a device away for a few seconds of a surge (2,000 operations a second), or behind on a node slowed by one, catches up from here.
 */
export const RECENT_ENTRIES = 10_000;

const NAME = /^seg-(\d{12})\.json$/;

/** Enough structure to start from; the operations are checked again when replayed. */
const SegmentShape = z.object({
  v: z.number(),
  first: z.number().int(),
  entries: z.array(z.object({ seq: z.number().int(), at: z.string(), op: z.object({ id: z.string(), type: z.string() }) })),
  rejected: z.record(z.string(), z.object({ code: z.string(), reason: z.string() })),
});

/** Why a stored entry is not one the hub could have written, or null. */
function entryProblem(e: LogEntry): string | null {
  if (!ISO_INSTANT.safeParse(e.at).success) return `the entry at seq ${e.seq} has no valid acceptance time ("${e.at}")`;
  const problem = storedOpProblem(e.op);
  if (problem) return `the entry at seq ${e.seq} (operation ${e.op.id}, ${e.op.type}) is not a valid operation: ${problem}`;
  return null;
}

/** Checks every entry against the op schemas: a damaged entry is named here, not met as a crash halfway through replay. */
function describeSegmentShape(data: unknown): string | null {
  const r = SegmentShape.safeParse(data);
  if (!r.success) return `not a GateCare log segment: ${describeZodError(r.error)}`;
  // The shape above drops the payload it does not describe: check the entries as stored.
  for (const e of (data as SegmentData).entries) {
    const problem = entryProblem(e);
    if (problem) return problem;
  }
  return null;
}

function segmentName(first: number): string {
  return `seg-${String(first).padStart(12, '0')}.json`;
}

/** What the log holds, read once at startup. */
export interface LogContents {
  lastSeq: number;
  /** Every accepted operation id with its seq, and every rejected one with its answer. */
  accepted: Array<[opId: string, seq: number]>;
  rejected: Array<[opId: string, answer: StoredRejection]>;
  /** Entries with a seq above `after` (the checkpoint), for replay. */
  entriesAfter(after: number): LogEntry[];
}

/**
 * The operation log as a folder of files: sealed segments of SEGMENT_ENTRIES entries (lowdb JSON,
 * written once) and the journal of entries after them (appended per group commit, see Journal).
 * A commit costs the size of its batch, with a thousand or a million operations stored.
 */
export class SegmentedLog {
  /** Entries in the journal (written or not), and the answers stored with them. */
  private tailEntries: LogEntry[];
  private tailRejected: Record<string, StoredRejection>;
  private tailFirst: number;
  /** Appended since the last commit. */
  private pending: JournalLine = { e: [], r: {} };
  private recent: LogEntry[] = [];

  private constructor(
    readonly dir: string,
    private readonly journal: Journal,
    tail: { first: number; entries: LogEntry[]; rejected: Record<string, StoredRejection> },
    recent: LogEntry[],
  ) {
    this.tailFirst = tail.first;
    this.tailEntries = tail.entries;
    this.tailRejected = tail.rejected;
    this.recent = recent;
  }

  static async open(dir: string): Promise<{ log: SegmentedLog; contents: LogContents }> {
    await mkdir(dir, { recursive: true });
    const names = (await readdir(dir)).filter((n) => NAME.test(n)).sort();
    const segments: SegmentData[] = [];
    let expected = 1;
    for (const name of names) {
      const db = SegmentedLog.low(dir, Number(NAME.exec(name)![1]));
      await db.read();
      const seg = db.data;
      if (seg.v !== SCHEMA_VERSION) throw new Error(`${join(dir, name)} has schema version ${seg.v}; this hub reads ${SCHEMA_VERSION}`);
      for (const e of seg.entries) {
        if (e.seq !== expected) {
          throw new Error(`${join(dir, name)}: the log jumps from seq ${expected - 1} to ${e.seq}; a segment file is missing or damaged`);
        }
        expected++;
      }
      segments.push(seg);
    }
    const sealedUpTo = expected - 1;
    const journalFile = join(dir, JOURNAL_FILE);
    const journal = new Journal(
      journalFile,
      entryProblem,
      `Restore a backup to ${journalFile}: the operations in it are stored nowhere else, and later ones build on them.`,
    );
    const { lines, tornTail } = await journal.read();
    if (tornTail) console.error(`GateCare: ${journalFile} ${tornTail}`);
    const tail: { first: number; entries: LogEntry[]; rejected: Record<string, StoredRejection> } = {
      first: sealedUpTo + 1,
      entries: [],
      rejected: {},
    };
    for (const line of lines) {
      for (const e of line.e) {
        // Sealed into a segment by a run that stopped before it could empty the journal.
        if (e.seq <= sealedUpTo) continue;
        if (e.seq !== expected) {
          throw new Error(`${journalFile}: the log jumps from seq ${expected - 1} to ${e.seq}; a segment file is missing or damaged`);
        }
        expected++;
        tail.entries.push(e);
      }
      Object.assign(tail.rejected, line.r);
    }
    const lastSeq = expected - 1;
    const all = [...segments, { v: SCHEMA_VERSION, first: tail.first, entries: tail.entries, rejected: tail.rejected }];
    const contents: LogContents = {
      lastSeq,
      accepted: all.flatMap((s) => s.entries.map((e): [string, number] => [e.op.id, e.seq])),
      rejected: all.flatMap((s) => Object.entries(s.rejected)),
      entriesAfter: (after) =>
        all.flatMap((s) => (s.entries.length && s.entries[s.entries.length - 1]!.seq > after ? s.entries.filter((e) => e.seq > after) : [])),
    };
    const recent = all.slice(-Math.ceil(RECENT_ENTRIES / SEGMENT_ENTRIES) - 1).flatMap((s) => s.entries);
    return { log: new SegmentedLog(dir, journal, tail, recent.slice(-RECENT_ENTRIES)), contents };
  }

  /** Every entry on disk, oldest first: reads all segments, so for tests and tools, not the hot path. */
  async readAll(): Promise<LogEntry[]> {
    const names = (await readdir(this.dir)).filter((n) => NAME.test(n)).sort();
    const out: LogEntry[] = [];
    let upTo = 0;
    for (const name of names) {
      const db = SegmentedLog.low(this.dir, Number(NAME.exec(name)![1]));
      await db.read();
      out.push(...db.data.entries);
      upTo = db.data.entries[db.data.entries.length - 1]?.seq ?? upTo;
    }
    const unwritten = new Set(this.pending.e);
    out.push(...this.tailEntries.filter((e) => e.seq > upTo && !unwritten.has(e)));
    return out;
  }

  private static low(dir: string, first: number): Low<SegmentData> {
    const fresh: SegmentData = { v: SCHEMA_VERSION, first, entries: [], rejected: {} };
    const file = join(dir, segmentName(first));
    const advice = `Restore a backup to ${file}: the operations in it are stored nowhere else, and the later segments build on them.`;
    return new Low<SegmentData>(new DurableJsonFile<SegmentData>(file, describeSegmentShape, advice), fresh);
  }

  /** Adds an accepted entry; it is on disk after the next commit(). */
  append(entry: LogEntry): void {
    this.tailEntries.push(entry);
    this.pending.e.push(entry);
    this.recent.push(entry);
    if (this.recent.length > 2 * RECENT_ENTRIES) this.recent = this.recent.slice(-RECENT_ENTRIES);
  }

  /**
   * Remembers a rejection so a retry after a restart gets the same answer; written with the next
   * commit's line, at most REJECTIONS_PER_SEGMENT per segment (see there).
   */
  reject(opId: string, answer: StoredRejection): void {
    if (Object.keys(this.pending.r).length + this.storedRejections >= REJECTIONS_PER_SEGMENT) return;
    this.pending.r[opId] = answer;
  }

  private storedRejections = 0;

  /** Entries with after < seq <= upTo, or null when they are no longer kept in memory. */
  between(after: number, upTo: number): LogEntry[] | null {
    if (upTo <= after) return [];
    const first = this.recent[0]?.seq;
    if (first === undefined || after + 1 < first) return null;
    return this.recent.slice(after + 1 - first, upTo + 1 - first);
  }

  /**
   * Rewrites, durably, every stored entry `change` alters (personal data a purge blanked), in every
   * segment, the journal and in memory. Call between commits: the hub does it in its write loop.
   */
  async rewrite(change: (e: LogEntry) => LogEntry): Promise<number> {
    const names = (await readdir(this.dir)).filter((n) => NAME.test(n)).sort();
    let written = 0;
    for (const name of names) {
      const db = SegmentedLog.low(this.dir, Number(NAME.exec(name)![1]));
      await db.read();
      let touched = false;
      db.data.entries = db.data.entries.map((e) => {
        const next = change(e);
        if (next !== e) touched = true;
        return next;
      });
      if (touched) {
        await db.write();
        written++;
      }
    }
    let touched = false;
    const changed = new Map<LogEntry, LogEntry>();
    this.tailEntries = this.tailEntries.map((e) => {
      const next = change(e);
      if (next !== e) {
        touched = true;
        changed.set(e, next);
      }
      return next;
    });
    this.pending.e = this.pending.e.map((e) => changed.get(e) ?? e);
    if (touched) {
      const unwritten = new Set(this.pending.e);
      await this.journal.replace([{ e: this.tailEntries.filter((e) => !unwritten.has(e)), r: this.tailRejected }]);
      written++;
    }
    this.recent = this.recent.map(change);
    return written;
  }

  /**
   * commit(), done now when it is one journal line and nothing more (see Journal.appendNow): true once
   * written, false with nothing written when it must go the usual way (the journal not open yet, a slow
   * disk lately, or a seal due after this line). Throws like commit() when the write fails.
   */
  commitNow(): boolean {
    const line = this.pending;
    if (!line.e.length && !Object.keys(line.r).length) return true;
    if (this.tailEntries.length >= SEGMENT_ENTRIES) return false;
    this.pending = { e: [], r: {} };
    let written: boolean;
    try {
      written = this.journal.appendNow(line);
    } catch (e) {
      this.pending = { e: [...line.e, ...this.pending.e], r: { ...line.r, ...this.pending.r } };
      throw e;
    }
    if (!written) {
      this.pending = line;
      return false;
    }
    Object.assign(this.tailRejected, line.r);
    this.storedRejections += Object.keys(line.r).length;
    return true;
  }

  /** Durably appends what was added since the last commit as one journal line; seals the journal when full. */
  async commit(): Promise<void> {
    const line = this.pending;
    if (!line.e.length && !Object.keys(line.r).length) return;
    this.pending = { e: [], r: {} };
    try {
      await this.journal.append(line);
    } catch (e) {
      // Appends during the failed write go after it, in the same order.
      this.pending = { e: [...line.e, ...this.pending.e], r: { ...line.r, ...this.pending.r } };
      throw e;
    }
    Object.assign(this.tailRejected, line.r);
    this.storedRejections += Object.keys(line.r).length;
    if (this.tailEntries.length - this.pending.e.length >= SEGMENT_ENTRIES) await this.seal();
  }

  /**
   * Writes every entry of the journal (whole group commits, so at least SEGMENT_ENTRIES once it is
   * full) and the stored answers as a segment, then empties the journal in place. Appended but not
   * yet written entries stay in memory for the next commit. A crash in between leaves both holding
   * those entries: open() skips them in the journal. Sealing whole lines keeps this one segment write
   * and one truncation, whatever the batch sizes (sealing exactly 256 made the journal be rewritten
   * with the rest, and a batch larger than a segment made every later commit rewrite a growing journal).
   */
  private async seal(): Promise<void> {
    const count = this.tailEntries.length - this.pending.e.length;
    if (count <= 0) return;
    const sealed = this.tailEntries.slice(0, count);
    const db = SegmentedLog.low(this.dir, this.tailFirst);
    db.data = { v: SCHEMA_VERSION, first: this.tailFirst, entries: sealed, rejected: this.tailRejected };
    await db.write();
    await this.journal.clear();
    this.tailEntries = this.tailEntries.slice(count);
    this.tailFirst = sealed[sealed.length - 1]!.seq + 1;
    this.tailRejected = {};
    this.storedRejections = 0;
  }

  /** After a clean stop: the journal becomes a segment, so the data directory holds only whole files. */
  async close(): Promise<void> {
    if (!this.pending.e.length) await this.seal();
    await this.journal.close();
  }
}
