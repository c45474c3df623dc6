import { copyFile, open, readFile, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import type { LogEntry } from '../core/index.ts';
import { entryJson } from './entry-json.ts';
import { CorruptDataFileError, DurableJsonFile, syncDirectory } from './durable-json-file.ts';
import { dirname } from 'node:path';
import { constants, fdatasyncSync, ftruncateSync, writeSync } from 'node:fs';

/** An answer given to a rejected operation, kept so a retry gets the same one. */
export interface StoredAnswer {
  code: string;
  reason: string;
}

/** One line of the journal: what one group commit wrote. */
export interface JournalLine {
  e: LogEntry[];
  r: Record<string, StoredAnswer>;
}

const LineShape = z.object({
  e: z.array(z.object({ seq: z.number().int(), at: z.string(), op: z.object({ id: z.string(), type: z.string() }) })),
  r: z.record(z.string(), z.object({ code: z.string(), reason: z.string() })),
});

/** Synchronised writes where the platform offers them (not on Windows: there each append is followed by fdatasync). */
const DSYNC: number = constants.O_DSYNC ?? 0;

/** What a torn last write still shows of the operations it carried (seq and op id are written first). */
const TORN_ENTRY = /\{"seq":(\d+),"at":"[^"]*","op":\{[^{}"]*(?:"v":\d+,)?"id":"([^"]+)"/g;

/** Where one append's time went, as performance.now() stamps (the bench splits its write phase with them). */
export interface AppendTiming {
  started: number;
  serialised: number;
  /** Every byte handed to the kernel (the write calls resolved). */
  written: number;
  /** fdatasync resolved. */
  synced: number;
  bytes: number;
}

export interface JournalContents {
  lines: JournalLine[];
  /** Set when the file ended in a write a crash cut short: what it said, for the log. */
  tornTail: string | null;
}

/**
 * The log's newest entries as an append-only file of lines, one per group commit: a commit appends
 * its line and fdatasyncs, so it costs the size of the batch whatever the log holds (rewriting the
 * tail segment per commit made every commit cost the whole segment, rejections included).
 * A crash can only cut the last line short, and that line was never acknowledged: at start it is
 * set aside (a copy is kept) and named; a damaged line before the last stops the hub, as any damaged file does.
 */
export class Journal {
  private fh: FileHandle | null = null;
  /** Bytes known to be on disk and whole: every write goes here, so a failed one is simply written again. */
  private size = 0;

  constructor(
    readonly file: string,
    /** Checks an entry as stored; null when it is a valid one. */
    private readonly entryProblem: (e: LogEntry) => string | null,
    private readonly advice: string,
  ) {}

  /** Reads every whole line; a torn last line is cut off the file (after keeping a copy) and described. */
  async read(): Promise<JournalContents> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], tornTail: null };
      throw e;
    }
    const parts = text.split('\n');
    const last = parts.pop()!;
    const lines: JournalLine[] = [];
    for (const [i, part] of parts.entries()) {
      const problem = this.lineProblem(part);
      if (typeof problem === 'string') {
        const copy = await this.keepCopy('corrupt');
        throw new CorruptDataFileError(this.file, copy, new Error(`line ${i + 1}: ${problem}`), this.advice);
      }
      lines.push(problem);
    }
    let tornTail: string | null = null;
    if (last !== '') {
      const copy = await this.keepCopy('torn');
      tornTail = describeTorn(last, copy);
      // Whole lines only from here on: the next write goes where the torn one began.
      const fh = await open(this.file, 'r+');
      try {
        await fh.truncate(Buffer.byteLength(text) - Buffer.byteLength(last));
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    this.size = Buffer.byteLength(text) - Buffer.byteLength(last);
    return { lines, tornTail };
  }

  /** The parsed line, or what is wrong with it. */
  private lineProblem(text: string): JournalLine | string {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return (e as Error).message;
    }
    const r = LineShape.safeParse(data);
    if (!r.success) return 'not a GateCare log line';
    const line = data as JournalLine;
    for (const e of line.e) {
      const problem = this.entryProblem(e);
      if (problem) return problem;
    }
    return line;
  }

  private async keepCopy(why: 'corrupt' | 'torn'): Promise<string> {
    const copy = `${this.file}.${why}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(this.file, copy);
    return copy;
  }

  /** Measurement seam (bench/hub-process.ts): told where each successful append's time went. */
  static onAppend: ((t: AppendTiming) => void) | null = null;

  /**
   * Appends one line durably at the known end; a failed write leaves the file as it was. The file is
   * open with O_DSYNC where the platform has it, so the write returns once the line is on disk: one
   * trip to libuv's thread pool and back through the event loop per commit instead of two (write,
   * then fdatasync). On a busy hub each trip waits for the loop to come round, which was most of the write phase.
   */
  async append(line: JournalLine): Promise<void> {
    const { started, bytes, serialised } = serialise(line);
    let written: number;
    try {
      DurableJsonFile.beforeWrite?.(this.file);
      const fh = await this.handle();
      for (let done = 0; done < bytes.length;) {
        const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, this.size + done);
        done += bytesWritten;
      }
      written = performance.now();
      if (!DSYNC) await fh.datasync();
      this.size += bytes.length;
    } catch (e) {
      // A part written before the failure (a full disk) must not stay for the next line to follow.
      await this.fh?.truncate(this.size).catch(() => {});
      throw this.writeFailed(e);
    }
    Journal.onAppend?.({ started, serialised, written, synced: performance.now(), bytes: bytes.length });
  }

  /**
   * The same append, done now on the event loop's thread: one synchronised write of a few kilobytes
   * (about half a millisecond on the disks measured) instead of a trip to libuv's thread pool whose
   * answer, on a busy hub, waits behind a whole turn of pushes. False, with nothing written, when the
   * file is not open yet or the disk was slow lately (Journal.slowAppendMs): then the caller appends the
   * usual way, so a stalling disk holds up commits but never the hub's event loop more than once.
   * Throws like append() when the write fails, leaving the file as it was.
   */
  appendNow(line: JournalLine): boolean {
    const fh = this.fh;
    if (!fh || performance.now() < this.asyncUntil) return false;
    const { started, bytes, serialised } = serialise(line);
    let written: number;
    try {
      DurableJsonFile.beforeWrite?.(this.file);
      for (let done = 0; done < bytes.length;) done += writeSync(fh.fd, bytes, done, bytes.length - done, this.size + done);
      written = performance.now();
      if (!DSYNC) fdatasyncSync(fh.fd);
      this.size += bytes.length;
    } catch (e) {
      try {
        ftruncateSync(fh.fd, this.size);
      } catch {
        // The next write goes at `size` all the same: what follows a failed part is overwritten.
      }
      throw this.writeFailed(e);
    }
    const synced = performance.now();
    if (synced - started > Journal.slowAppendMs) this.asyncUntil = synced + SLOW_DISK_PAUSE_MS;
    Journal.onAppend?.({ started, serialised, written, synced, bytes: bytes.length });
    return true;
  }

  private writeFailed(e: unknown): Error {
    const err = e as NodeJS.ErrnoException;
    return Object.assign(new Error(`writing ${this.file} failed: ${err.message}`), { code: err.code });
  }

  /** Until when (performance.now()) appends go through the thread pool, after a slow one. */
  private asyncUntil = 0;

  /** An append on the event loop slower than this makes the next ones go through the thread pool for a while (a seam for tests). */
  static slowAppendMs = 20;

  /**
   * Empties the file in place, durably (after its lines were sealed into a segment that is on disk):
   * no temp file, rename or reopen on the commit path. A crash before the truncation is durable leaves
   * the sealed lines, which the next start skips.
   */
  async clear(): Promise<void> {
    const fh = await this.handle();
    try {
      await fh.truncate(0);
      await fh.datasync();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw Object.assign(new Error(`emptying ${this.file} failed: ${err.message}`), { code: err.code });
    }
    this.size = 0;
  }

  /** Replaces the whole file, atomically, with `lines` (after sealing a segment, after a purge). */
  async replace(lines: JournalLine[]): Promise<void> {
    await this.close();
    const text = lines.map((l) => `${JSON.stringify(l)}\n`);
    await new DurableJsonFile<never>(this.file).writeChunks(text);
    this.size = text.reduce((n, t) => n + Buffer.byteLength(t), 0);
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close();
  }

  private async handle(): Promise<FileHandle> {
    if (this.fh) return this.fh;
    this.fh = await open(this.file, constants.O_RDWR | constants.O_CREAT | DSYNC);
    // The file's name must survive power loss as well as its content.
    await syncDirectory(dirname(this.file));
    return this.fh;
  }
}

/** A journal line as written, with the bench's timestamps around its serialising. */
function serialise(line: JournalLine): { started: number; bytes: Buffer; serialised: number } {
  const started = performance.now();
  // Written as JSON.stringify(line) would write it, from each entry's text (made once, for the push too).
  const bytes = Buffer.from(`{"e":[${line.e.map(entryJson).join(',')}],"r":${JSON.stringify(line.r)}}\n`);
  return { started, bytes, serialised: performance.now() };
}

/** How long appends go through the thread pool after one on the event loop was slow (Journal.slowAppendMs). */
const SLOW_DISK_PAUSE_MS = 10_000;

function describeTorn(text: string, copy: string): string {
  const seen = [...text.matchAll(TORN_ENTRY)].map((m) => ({ seq: Number(m[1]), id: m[2]! }));
  const what = seen.length
    ? `operations seq ${seen[0]!.seq}${seen.length > 1 ? `–${seen[seen.length - 1]!.seq}` : ''} (ids ${seen.map((s) => s.id).join(', ')}, and any later in that write)`
    : 'no operation it could name';
  return (
    `ended in a write cut short by a crash (${Buffer.byteLength(text)} bytes, kept at ${copy}): ${what}. ` +
    `That write never completed, so none of them was acknowledged; their devices still hold them and send them again.`
  );
}
