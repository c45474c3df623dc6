import { Low } from 'lowdb';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION, describeZodError, type LogEntry, type Rejection } from '../core/index.ts';
import { storedOpProblem } from '../core/stored-op.ts';

const ISO_INSTANT = z.iso.datetime();
import { DurableJsonFile } from './durable-json-file.ts';

export type StoredRejection = Omit<Rejection, 'ok'>;

/** One file of the log: a run of consecutive entries, plus the rejections answered while it was the tail. */
export interface SegmentData {
  v: number;
  first: number;
  entries: LogEntry[];
  rejected: Record<string, StoredRejection>;
}

/** Entries per segment file: a group commit rewrites at most this many, however long the history. */
export const SEGMENT_ENTRIES = 256;
/** Entries kept in memory for "everything after seq N"; older ones are only on disk. */
export const RECENT_ENTRIES = 1000;

const NAME = /^seg-(\d{12})\.json$/;

/** Enough structure to start from; the operations are checked again when replayed. */
const SegmentShape = z.object({
  v: z.number(),
  first: z.number().int(),
  entries: z.array(z.object({ seq: z.number().int(), at: z.string(), op: z.object({ id: z.string(), type: z.string() }) })),
  rejected: z.record(z.string(), z.object({ code: z.string(), reason: z.string() })),
});

/** Checks every entry against the op schemas: a damaged entry is named here, not met as a crash halfway through replay. */
function describeSegmentShape(data: unknown): string | null {
  const r = SegmentShape.safeParse(data);
  if (!r.success) return `not a GateCare log segment: ${describeZodError(r.error)}`;
  // The shape above drops the payload it does not describe: check the entries as stored.
  for (const e of (data as SegmentData).entries) {
    if (!ISO_INSTANT.safeParse(e.at).success) return `the entry at seq ${e.seq} has no valid acceptance time ("${e.at}")`;
    const problem = storedOpProblem(e.op);
    if (problem) return `the entry at seq ${e.seq} (operation ${e.op.id}, ${e.op.type}) is not a valid operation: ${problem}`;
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
 * The operation log as a folder of small lowdb files. Only the tail segment changes,
 * so a durable write costs the same with a thousand or a million operations stored.
 */
export class SegmentedLog {
  private tail: Low<SegmentData>;
  private dirty = new Set<Low<SegmentData>>();
  private recent: LogEntry[] = [];

  private constructor(
    readonly dir: string,
    tail: Low<SegmentData>,
    recent: LogEntry[],
  ) {
    this.tail = tail;
    this.recent = recent;
  }

  static async open(dir: string): Promise<{ log: SegmentedLog; contents: LogContents }> {
    await mkdir(dir, { recursive: true });
    const names = (await readdir(dir)).filter((n) => NAME.test(n)).sort();
    const segments: Array<Low<SegmentData>> = [];
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
      segments.push(db);
    }
    const lastSeq = expected - 1;
    const all = segments.map((s) => s.data);
    const contents: LogContents = {
      lastSeq,
      accepted: all.flatMap((s) => s.entries.map((e): [string, number] => [e.op.id, e.seq])),
      rejected: all.flatMap((s) => Object.entries(s.rejected)),
      entriesAfter: (after) =>
        all.flatMap((s) => (s.entries.length && s.entries[s.entries.length - 1]!.seq > after ? s.entries.filter((e) => e.seq > after) : [])),
    };
    const last = segments[segments.length - 1];
    const tail = last && last.data.entries.length < SEGMENT_ENTRIES ? last : SegmentedLog.low(dir, lastSeq + 1);
    const recent = all.slice(-Math.ceil(RECENT_ENTRIES / SEGMENT_ENTRIES) - 1).flatMap((s) => s.entries);
    return { log: new SegmentedLog(dir, tail, recent.slice(-RECENT_ENTRIES)), contents };
  }

  /** Every entry on disk, oldest first: reads all segments, so for tests and tools, not the hot path. */
  async readAll(): Promise<LogEntry[]> {
    const names = (await readdir(this.dir)).filter((n) => NAME.test(n)).sort();
    const out: LogEntry[] = [];
    for (const name of names) {
      const db = SegmentedLog.low(this.dir, Number(NAME.exec(name)![1]));
      await db.read();
      out.push(...db.data.entries);
    }
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
    if (this.tail.data.entries.length >= SEGMENT_ENTRIES) this.tail = SegmentedLog.low(this.dir, entry.seq);
    this.tail.data.entries.push(entry);
    this.dirty.add(this.tail);
    this.recent.push(entry);
    if (this.recent.length > 2 * RECENT_ENTRIES) this.recent = this.recent.slice(-RECENT_ENTRIES);
  }

  /** Remembers a rejection so a retry after a restart gets the same answer; written with the next commit(). */
  reject(opId: string, answer: StoredRejection): void {
    this.tail.data.rejected[opId] = answer;
    this.dirty.add(this.tail);
  }

  /** Entries with after < seq <= upTo, or null when they are no longer kept in memory. */
  between(after: number, upTo: number): LogEntry[] | null {
    if (upTo <= after) return [];
    const first = this.recent[0]?.seq;
    if (first === undefined || after + 1 < first) return null;
    return this.recent.slice(after + 1 - first, upTo + 1 - first);
  }

  /**
   * Rewrites, durably, every stored entry `change` alters (personal data a purge blanked), in every
   * segment and in memory. Call between commits: the hub does it in its write loop.
   */
  async rewrite(change: (e: LogEntry) => LogEntry): Promise<number> {
    const names = (await readdir(this.dir)).filter((n) => NAME.test(n)).sort();
    let written = 0;
    for (const name of names) {
      const first = Number(NAME.exec(name)![1]);
      const db = first === this.tail.data.first ? this.tail : SegmentedLog.low(this.dir, first);
      if (db !== this.tail) await db.read();
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
    this.recent = this.recent.map(change);
    return written;
  }

  /** Durably writes every segment changed since the last commit, oldest first. */
  async commit(): Promise<void> {
    // Appends during the write mark their segment dirty again, for the next commit.
    const pending = [...this.dirty];
    this.dirty.clear();
    try {
      for (const db of pending) await db.write();
    } catch (e) {
      for (const db of pending) this.dirty.add(db);
      throw e;
    }
  }
}
