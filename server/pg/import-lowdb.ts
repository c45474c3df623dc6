import pg from 'pg';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyState, replay, type LogEntry } from '../../core/index.ts';
import { DATA_FILE, Store } from '../store.ts';
import { migrate } from './migrate.ts';
import { readVapidKeys } from '../push-keys.ts';
import { PushSubscriptions } from '../push-subscriptions.ts';
import { describeDatabase } from './pg-store.ts';

export interface ImportReport {
  airport: string;
  entries: number;
  rejections: number;
  seq: number;
}

/** Rows per INSERT: large enough to be quick, small enough for any server's parameter limits. */
const CHUNK = 500;

function replayed(entries: LogEntry[], where: string): string {
  const { state, failed } = replay(emptyState(), entries, { inPlace: true });
  if (failed.length) throw new Error(`${where}: the operation at seq ${failed[0]!.seq} does not apply when replayed; nothing was imported`);
  return JSON.stringify(state);
}

/**
 * Moves a lowdb data directory (stopped hub) into PostgreSQL as one airport: its secret, PINs,
 * revocations and enrolled kiosks (so tokens, kiosks and phone links stay valid), every log
 * entry with its seq and time, every refusal, and its Web Push keys and subscriptions (so phones
 * subscribed to the single hub are still reached). One transaction; an airport that already holds
 * operations is refused. Afterwards the log is read back and replayed: it must give the same state.
 */
export async function importLowdb(dataDir: string, url: string, airport: string): Promise<ImportReport> {
  try {
    await access(join(dataDir, DATA_FILE));
  } catch {
    throw new Error(`${dataDir} is not a GateCare data directory (no ${DATA_FILE}); nothing was imported`);
  }
  const store = await Store.open(dataDir);
  const { rejected } = store.takeRecovered();
  const entries = await store.readLog();
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) throw new Error(`${dataDir}: the log jumps from seq ${i} to ${e.seq}; nothing was imported`);
  });
  const expected = replayed(entries, dataDir);
  const seq = entries.length;
  const vapid = await readVapidKeys(dataDir);
  const subscriptions = Object.entries((await PushSubscriptions.open(dataDir)).all());

  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const existing = (await c.query<{ seq: string }>('SELECT seq FROM airports WHERE id = $1 FOR UPDATE', [airport])).rows[0];
      if (existing && Number(existing.seq) > 0) {
        throw new Error(`airport ${airport} in ${describeDatabase(url)} already holds ${existing.seq} operations; nothing was imported`);
      }
      await c.query(
        `INSERT INTO airports (id, seq, meta) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, meta = EXCLUDED.meta`,
        [airport, seq, JSON.stringify(vapid ? { ...store.data, vapid } : store.data)],
      );
      await c.query('DELETE FROM push_subscriptions WHERE airport = $1', [airport]);
      for (let i = 0; i < subscriptions.length; i += CHUNK) {
        const ss = subscriptions.slice(i, i + CHUNK);
        await c.query(
          `INSERT INTO push_subscriptions (airport, request_id, generation, subs)
           SELECT $1, i, g, s FROM unnest($2::text[], $3::int[], $4::jsonb[]) AS t(i, g, s)`,
          [airport, ss.map(([id]) => id), ss.map(([, t]) => t.generation), ss.map(([, t]) => JSON.stringify(t.subs))],
        );
      }
      for (let i = 0; i < entries.length; i += CHUNK) {
        const es = entries.slice(i, i + CHUNK);
        await c.query(
          `INSERT INTO log_entries (airport, seq, op_id, at, op)
           SELECT $1, s, i, a, o FROM unnest($2::bigint[], $3::text[], $4::text[], $5::json[]) AS t(s, i, a, o)`,
          [airport, es.map((e) => e.seq), es.map((e) => e.op.id), es.map((e) => e.at), es.map((e) => JSON.stringify(e.op))],
        );
      }
      for (let i = 0; i < rejected.length; i += CHUNK) {
        const rs = rejected.slice(i, i + CHUNK);
        await c.query(
          `INSERT INTO rejections (airport, op_id, code, reason)
           SELECT $1, i, c, r FROM unnest($2::text[], $3::text[], $4::text[]) AS t(i, c, r) ON CONFLICT DO NOTHING`,
          [airport, rs.map(([id]) => id), rs.map(([, a]) => a.code), rs.map(([, a]) => a.reason)],
        );
      }
      await c.query('DELETE FROM checkpoints WHERE airport = $1', [airport]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
    const stored = (
      await pool.query<{ seq: string; at: string; op: LogEntry['op'] }>('SELECT seq, at, op FROM log_entries WHERE airport = $1 ORDER BY seq', [
        airport,
      ])
    ).rows.map((r): LogEntry => ({ seq: Number(r.seq), at: r.at, op: r.op }));
    if (replayed(stored, `airport ${airport}`) !== expected) {
      throw new Error(`airport ${airport}: the log read back from ${describeDatabase(url)} replays to another state than ${dataDir}`);
    }
    return { airport, entries: entries.length, rejections: rejected.length, seq };
  } finally {
    await pool.end();
  }
}
