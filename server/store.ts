import { Low } from 'lowdb';
import { join } from 'node:path';
import { access, readdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { HubState, LogEntry } from '../core/index.ts';
import { SCHEMA_VERSION, describeZodError } from '../core/index.ts';
import { z } from 'zod';
import { DurableJsonFile, removeTempFiles } from './durable-json-file.ts';
import { SegmentedLog, type LogContents, type StoredRejection } from './log-segments.ts';
import { Checkpoint, CHECKPOINT_FILE } from './checkpoint.ts';
import { logGapMessage } from './log-gap.ts';
import type { PinHash } from './pins.ts';

/** The small, rarely changing part of the hub's data: one lowdb file. */
export interface StoredData {
  v: number;
  /** Signs session tokens; kept so sessions survive a hub restart. */
  secret: string;
  credentials: Record<string, PinHash>;
  /** Revoked sessions: tokens of this staff id / kiosk device issued at or before the time (ms) no longer open anything. */
  revoked?: { staff: Record<string, number>; kiosks: Record<string, number> };
  /** Every kiosk device id ever enrolled, with its gate: staff may not create requests under these ids. */
  kioskDevices?: Record<string, string>;
}

/** The single-file layout before the log was split into segments. */
interface LegacyData extends StoredData {
  log?: LogEntry[];
  rejected?: Record<string, StoredRejection>;
}

export const DATA_FILE = 'gatecare.json';

const StoredEntry = z.object({ seq: z.number().int(), at: z.string(), op: z.object({ id: z.string(), type: z.string() }) });
const StoredAnswer = z.object({ code: z.string(), reason: z.string() });

/** Enough structure to start from (a file from before segments still has log and rejected). */
const StoredShape = z.object({
  v: z.number(),
  secret: z.string().min(32),
  credentials: z.record(z.string(), z.object({ salt: z.string(), hash: z.string() })),
  log: z.array(StoredEntry).optional(),
  rejected: z.record(z.string(), StoredAnswer).optional(),
  revoked: z.object({ staff: z.record(z.string(), z.number()), kiosks: z.record(z.string(), z.number()) }).optional(),
  kioskDevices: z.record(z.string(), z.string()).optional(),
});

function describeStoredShape(data: unknown): string | null {
  const r = StoredShape.safeParse(data);
  return r.success ? null : `not a GateCare data file: ${describeZodError(r.error)}`;
}
export const LOG_DIR = 'log';

const HUB_FILE_ADVICE = (file: string) =>
  `Restore a backup to ${file}. Do not move it away: it holds the staff PINs and the session secret, and the hub will not start on its log without it.`;

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** True when `dir` holds at least one log segment. */
async function holdsLog(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).some((n) => /^seg-\d{12}\.json$/.test(n));
  } catch {
    return false;
  }
}

/** What the hub needs to rebuild itself after a restart; read once, then dropped. */
export interface Recovered {
  /** Latest checkpointed state (null: start from empty), owned by the caller. */
  checkpoint: HubState | null;
  /** Accepted entries after the checkpoint, in order. */
  entries: LogEntry[];
  accepted: LogContents['accepted'];
  rejected: LogContents['rejected'];
}

/**
 * The hub's persistence, all lowdb files written atomically (temp file, fsync, rename):
 * gatecare.json (secret, credentials), log/seg-*.json (the operation log in small segments,
 * only the tail one rewritten per commit) and log/checkpoint.json (state at some seq).
 */
export class Store {
  private recovered: Recovered | null;
  private metaWritten: string;
  private lastSeq: number;
  private checkpointing: Promise<void> | null = null;

  private constructor(
    private readonly meta: Low<StoredData>,
    private readonly log: SegmentedLog,
    private readonly checkpoint: Checkpoint,
    recovered: Recovered,
    lastSeq: number,
    readonly file: string,
  ) {
    this.recovered = recovered;
    this.metaWritten = JSON.stringify(meta.data);
    this.lastSeq = lastSeq;
  }

  static async open(dataDir: string): Promise<Store> {
    const file = join(dataDir, DATA_FILE);
    await removeTempFiles(dataDir);
    await removeTempFiles(join(dataDir, LOG_DIR));
    const fresh: StoredData = { v: SCHEMA_VERSION, secret: randomBytes(32).toString('hex'), credentials: {} };
    const meta = new Low<LegacyData>(new DurableJsonFile<LegacyData>(file, describeStoredShape, HUB_FILE_ADVICE(file)), fresh);
    if (!(await exists(file)) && (await holdsLog(join(dataDir, LOG_DIR)))) {
      throw new Error(
        `GateCare: ${file} is missing but ${join(dataDir, LOG_DIR)} holds an operation log. Without that file the staff PINs, ` +
          `enrolled kiosks' sessions and the signing secret are gone and a fresh one would not match the log. ` +
          `Restore ${file} from a backup (or from the same place you copied ${LOG_DIR}/ from); nothing was changed.`,
      );
    }
    await meta.read();
    // Written before any log segment, so a log never exists without the file that signs and admits to it.
    if (!(await exists(file))) await meta.write();
    if (meta.data.v !== SCHEMA_VERSION) {
      throw new Error(`${file} has schema version ${meta.data.v}; this hub reads version ${SCHEMA_VERSION}`);
    }
    const logDir = join(dataDir, LOG_DIR);
    let opened = await SegmentedLog.open(logDir);
    const { log: legacyLog, rejected: legacyRejected, ...kept } = meta.data;
    if (legacyLog || legacyRejected) {
      // Segments first, then the slimmed file: a crash in between leaves the old file, and the migration reruns.
      if (opened.contents.lastSeq === 0) {
        for (const e of legacyLog ?? []) opened.log.append(e);
        for (const [id, r] of Object.entries(legacyRejected ?? {})) opened.log.reject(id, r);
        await opened.log.commit();
        opened = await SegmentedLog.open(logDir);
      }
      meta.data = kept;
      await meta.write();
    }
    const { checkpoint, state } = await Checkpoint.open(logDir);
    const { contents } = opened;
    const base = state;
    if (base && base.seq > contents.lastSeq) throw new Error(logGapMessage(join(logDir, CHECKPOINT_FILE), logDir, base, contents.lastSeq));
    const recovered: Recovered = {
      checkpoint: base,
      entries: contents.entriesAfter(base?.seq ?? 0),
      accepted: contents.accepted,
      rejected: contents.rejected,
    };
    return new Store(meta as Low<StoredData>, opened.log, checkpoint, recovered, contents.lastSeq, file);
  }

  /** Secret and credentials; changes are written with the next commit(). */
  get data(): StoredData {
    return this.meta.data;
  }

  /** Seq of the last entry appended (written or not). */
  get seq(): number {
    return this.lastSeq;
  }

  /** The stored history, handed over once to the hub that rebuilds from it. */
  takeRecovered(): Recovered {
    const r = this.recovered;
    if (!r) throw new Error('the stored history was already handed to a hub');
    this.recovered = null;
    return r;
  }

  append(entry: LogEntry): void {
    this.log.append(entry);
    this.lastSeq = entry.seq;
  }

  reject(opId: string, answer: StoredRejection): void {
    this.log.reject(opId, answer);
  }

  /** Entries with after < seq <= upTo, or null when that is too far back to be kept in memory. */
  entriesBetween(after: number, upTo: number): LogEntry[] | null {
    return this.log.between(after, upTo);
  }

  /** Every entry written to disk, oldest first (reads every segment: for tests and tools). */
  readLog(): Promise<LogEntry[]> {
    return this.log.readAll();
  }

  /** Rewrites stored log entries durably (see SegmentedLog.rewrite); returns how many segment files changed. */
  rewriteLog(change: (e: LogEntry) => LogEntry): Promise<number> {
    return this.log.rewrite(change);
  }

  /** One durable write of everything changed since the last one. */
  async commit(): Promise<void> {
    await this.log.commit();
    const meta = JSON.stringify(this.meta.data);
    if (meta !== this.metaWritten) {
      await this.meta.write();
      this.metaWritten = meta;
    }
  }

  /**
   * commit(), done now on the event loop when it is a single journal append (see SegmentedLog.commitNow):
   * false, with nothing written, when the meta data changed or the log needs more than that.
   */
  commitNow(): boolean {
    if (JSON.stringify(this.meta.data) !== this.metaWritten) return false;
    return this.log.commitNow();
  }

  /** After a clean stop (everything committed): the log's journal is sealed into a segment. */
  async close(): Promise<void> {
    await this.log.close();
  }

  /** Writes secret, credentials and revocations now (a revocation must outlive a restart before it is confirmed). */
  async saveMeta(): Promise<void> {
    const meta = JSON.stringify(this.meta.data);
    await this.meta.write();
    this.metaWritten = meta;
  }

  /** The checkpoint being written, if one is. */
  get checkpointWriting(): Promise<void> | null {
    return this.checkpointing;
  }

  get checkpointSeq(): number {
    return this.checkpoint.seq;
  }

  /**
   * Saves `state` (already durable, and not changed until this resolves) as the checkpoint.
   * One at a time; a call while one is being written is skipped, unless `whenDone`: then it waits
   * for that one and writes `state` after it (a shutdown, a purge: the newest state must be the one on disk).
   */
  saveCheckpoint(state: HubState, whenDone = false): Promise<void> {
    if (this.checkpointing) {
      if (!whenDone) return this.checkpointing;
      return this.checkpointing.then(
        () => this.saveCheckpoint(state, true),
        () => this.saveCheckpoint(state, true),
      );
    }
    this.checkpointing = this.checkpoint.save(state).finally(() => {
      this.checkpointing = null;
    });
    return this.checkpointing;
  }
}
