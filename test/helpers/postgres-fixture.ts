import { afterAll, afterEach, beforeAll } from 'vitest';
import { join, resolve } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { startHub, type RunningHub, type StartOptions } from '../../server/app.ts';
import type { HubConfig } from '../../server/config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/pg/embedded.ts';
import { freePort } from './hub-process.ts';

export interface PostgresFixture {
  /** The running database (its url, stop(), start()). */
  readonly db: EmbeddedDatabase;
  /** A hub node on the shared database, closed after the test; `airport` picks whose log it serves. */
  node(airport: string, o?: { seedDemo?: boolean; options?: StartOptions; config?: Partial<HubConfig> }): Promise<RunningHub>;
  /** A fresh airport name: each test gets its own log and seq on the one database. */
  airport(): string;
  /** Closes the nodes started in this test now (what afterEach does). */
  closeNodes(): Promise<void>;
  /** Reads the database directly, on a connection of its own (what the tests check behind the hubs' backs). */
  query<T extends pg.QueryResultRow>(sql: string, args?: unknown[]): Promise<T[]>;
}

/**
 * One embedded PostgreSQL (npm binaries, no system install) for the tests of a file, stopped and
 * removed in afterAll whatever happened; hub nodes started in-process on it, closed after each test.
 */
export function usePostgres(): PostgresFixture {
  let db: EmbeddedDatabase | undefined;
  const nodes: RunningHub[] = [];
  const dirs: string[] = [];
  const closeNodes = async (): Promise<void> => {
    await Promise.allSettled(nodes.splice(0).map((n) => n.close()));
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  };
  beforeAll(async () => {
    db = await startEmbeddedPostgres({ port: await freePort(), fast: true });
  });
  afterEach(closeNodes);
  afterAll(async () => {
    await closeNodes();
    await db?.destroy();
  });
  return {
    get db() {
      if (!db) throw new Error('PostgreSQL runs only inside tests and hooks');
      return db;
    },
    async node(airport, o = {}) {
      if (!db) throw new Error('PostgreSQL runs only inside tests and hooks');
      // Everything lives in PostgreSQL (Web Push keys and subscriptions too); the directory only proves nothing is written there.
      const dataDir = await mkdtemp(join(tmpdir(), 'gatecare-node-'));
      dirs.push(dataDir);
      const hub = await startHub(
        {
          port: 0,
          host: '127.0.0.1',
          dataDir,
          distDir: resolve('dist'),
          seedDemo: o.seedDemo ?? true,
          databaseUrl: db.url,
          airport,
          ...o.config,
        },
        { shutdownMs: 2000, ...o.options },
      );
      nodes.push(hub);
      return hub;
    },
    airport: () => `t${uuidv7().replace(/-/g, '').slice(-12)}`,
    closeNodes,
    async query<T extends pg.QueryResultRow>(sql: string, args: unknown[] = []): Promise<T[]> {
      if (!db) throw new Error('PostgreSQL runs only inside tests and hooks');
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        return (await c.query<T>(sql, args)).rows;
      } finally {
        await c.end();
      }
    },
  };
}
