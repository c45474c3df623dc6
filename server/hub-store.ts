import type { HubState, LogEntry } from '../core/index.ts';
import type { StoredRejection } from './log-segments.ts';
import type { Recovered, StoredData } from './store.ts';

/**
 * What the hub and its routes need from persistence. Two stores have it: the embedded lowdb one
 * (server/store.ts, one hub alone) and PostgreSQL (server/pg/pg-store.ts, several hubs sharing it).
 */
export interface HubStore {
  /** Where the data lives, for messages (a file path, or the database and airport). */
  readonly file: string;
  /** Secret, PIN hashes, revocations, enrolled kiosks; changes are written with the next commit() or saveMeta(). */
  readonly data: StoredData;
  /** Seq of the last entry this store knows of. */
  readonly seq: number;
  readonly checkpointSeq: number;
  takeRecovered(): Recovered;
  append(entry: LogEntry): void;
  reject(opId: string, answer: StoredRejection): void;
  entriesBetween(after: number, upTo: number): LogEntry[] | null;
  readLog(): Promise<LogEntry[]>;
  rewriteLog(change: (e: LogEntry) => LogEntry): Promise<number>;
  commit(): Promise<void>;
  /**
   * The same durable write done synchronously when it is small (the embedded store: one journal line):
   * true once written, false with nothing written when it must go through commit(). Throws when the write fails.
   */
  commitNow?(): boolean;
  saveMeta(): Promise<void>;
  /** One checkpoint at a time; `whenDone` waits for the one being written and then writes `state` (a stop, a purge). */
  saveCheckpoint(state: HubState, whenDone?: boolean): Promise<void>;
  /** After a clean stop: seals what the store keeps open (lowdb: the journal; PostgreSQL: the pool). Idempotent. */
  close(): Promise<void>;
  /** Present when several hubs share this store: then the order of operations is decided by the store, not by one hub. */
  readonly shared?: SharedLog;
}

/** What `decide` answers inside the sequencing transaction: the entries to write, in seq order, and the rejections. */
export interface Decided {
  entries: LogEntry[];
  rejected: Array<[opId: string, answer: StoredRejection]>;
}

/**
 * A log several hubs append to. One airport has one order: a commit holds the airport's lock,
 * is first shown what other hubs committed since `after` (so the caller validates against the
 * latest state), then writes what the caller decided, all in one transaction.
 */
export interface SharedLog {
  commitSequenced(
    after: number,
    opIds: string[],
    decide: (foreign: LogEntry[], rejectedBefore: Map<string, StoredRejection>) => Decided,
  ): Promise<void>;
  /** Entries other hubs committed after `after`, oldest first (no lock needed: commits are contiguous). */
  readAfter(after: number): Promise<LogEntry[]>;
  /** Calls `listener` when some hub committed up to `seq` (a hint: missed ones are caught up by polling). */
  onCommitted(listener: (seq: number) => void): void;
  /** Calls `listener` when revocations read from the database changed (another hub revoked a session or a kiosk). */
  onRevocations(listener: () => void): void;
  /** Resolves once the database answers. */
  probe(): Promise<void>;
  close(): Promise<void>;
}
