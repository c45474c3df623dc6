import { mkdir, open, readFile, readdir, rename, copyFile, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { Adapter } from 'lowdb';

export class CorruptDataFileError extends Error {
  constructor(
    readonly file: string,
    readonly copy: string,
    cause: unknown,
    advice = `Restore a backup to ${file}.`,
  ) {
    super(
      `GateCare data file ${file} is corrupt or truncated (${cause instanceof Error ? cause.message : String(cause)}). A copy was kept at ${copy}. ${advice}`,
    );
    this.name = 'CorruptDataFileError';
  }
}

/**
 * lowdb adapter that survives power loss: write a temp file, fsync it, rename it
 * over the old one, fsync the directory. A crash leaves either the old or the new file.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private counter = 0;
  /**
   * `check` names what is wrong with parsed content, or returns null when it has the expected shape;
   * `advice` tells whoever finds the file damaged how to recover without losing what it held.
   */
  constructor(
    readonly file: string,
    private readonly check: (data: unknown) => string | null = () => null,
    private readonly advice?: string,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    let data: unknown;
    let problem: unknown;
    try {
      data = JSON.parse(text);
      const wrong = this.check(data);
      if (wrong) problem = new Error(wrong);
    } catch (cause) {
      problem = cause;
    }
    if (problem === undefined) return data as T;
    // Keep the evidence: the hub stops here and never writes over the file.
    const copy = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(this.file, copy);
    throw new CorruptDataFileError(this.file, copy, problem, this.advice);
  }

  /**
   * Test seam for storage faults where no small file system can be mounted: called before every
   * write, it may throw (an ENOSPC, say) as the disk would.
   */
  static beforeWrite: ((file: string) => void) | null = null;

  async write(data: T): Promise<void> {
    await this.writeChunks([JSON.stringify(data)]);
  }

  /**
   * Writes the file from `chunks` (together, a JSON text of T) with the same guarantees as write():
   * a large file (the checkpoint) can be produced in slices, so the event loop is never held long,
   * and flushed to disk every `syncEveryBytes` characters, so the disk is never held long either.
   */
  async writeChunks(chunks: Iterable<string> | AsyncIterable<string>, syncEveryBytes = Infinity): Promise<void> {
    const dir = dirname(this.file);
    const tmp = join(dir, `.${basename(this.file)}.${process.pid}.${this.counter++}.tmp`);
    try {
      DurableJsonFile.beforeWrite?.(this.file);
      await mkdir(dir, { recursive: true });
      const fh = await open(tmp, 'w');
      try {
        // writeFile on a handle writes from the current position, all of it (write() may write part).
        let unsynced = 0;
        for await (const chunk of chunks) {
          await fh.writeFile(chunk);
          unsynced += chunk.length;
          if (unsynced >= syncEveryBytes) {
            // A large file flushed only at the end queues tens of megabytes ahead of the journal's
            // fdatasync on the same disk: flushed as it goes, no commit waits behind more than this.
            await fh.datasync();
            unsynced = 0;
          }
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, this.file);
    } catch (e) {
      // A full disk leaves a partial temp file: never leave it to fill the disk further.
      await unlink(tmp).catch(() => {});
      const err = e as NodeJS.ErrnoException;
      throw Object.assign(new Error(`writing ${this.file} failed: ${err.message}`), { code: err.code });
    }
    await syncDirectory(dir);
  }
}

/** Makes a rename or a new file in `dir` survive power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

/** Removes temp files a crash or a full disk left behind (they are never read: the rename did not happen). */
export async function removeTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const stale = names.filter((n) => /^\..+\.\d+\.\d+\.tmp$/.test(n));
  await Promise.all(stale.map((n) => unlink(join(dir, n)).catch(() => {})));
  return stale.length;
}
