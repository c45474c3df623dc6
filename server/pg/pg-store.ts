import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import { SCHEMA_VERSION, type HubState, type LogEntry, type Op } from '../../core/index.ts';
import type { Decided, HubStore, SharedLog } from '../hub-store.ts';
import { RECENT_ENTRIES, type StoredRejection } from '../log-segments.ts';
import type { Recovered, StoredData } from '../store.ts';
import { migrate } from './migrate.ts';
import { metaChanges, withChanges } from './meta-merge.ts';

/** The channel every hub listens on; the payload is `<airport> <seq>` (a seq, never rows: NOTIFY payloads are small). */
export const COMMIT_CHANNEL = 'gatecare_commits';
/** Said when a hub revoked a session or a kiosk; the payload is the airport. Other hubs re-read the meta and close those sockets. */
export const REVOKED_CHANNEL = 'gatecare_revoked';
/** Notifications can be lost while a listener reconnects: each hub also looks for new commits this often. */
const POLL_MS = 1000;

interface EntryRow {
  seq: string;
  at: string;
  op: Op;
}

function toEntry(r: EntryRow): LogEntry {
  return { seq: Number(r.seq), at: r.at, op: r.op };
}

function digestOf(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** The database address without its password, for messages. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

function sameRevocations(a: StoredData, b: StoredData): boolean {
  const text = (r: Record<string, number> | undefined): string => JSON.stringify(Object.entries(r ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)));
  return text(a.revoked?.staff) === text(b.revoked?.staff) && text(a.revoked?.kiosks) === text(b.revoked?.kiosks);
}

/** Checks that `entries` follow `after` without a gap: the log is the truth, a hole in it is never papered over. */
function checkContiguous(entries: LogEntry[], after: number, where: string): void {
  entries.forEach((e, i) => {
    if (e.seq !== after + 1 + i) throw new Error(`${where}: the log jumps from seq ${after + i} to ${e.seq}`);
  });
}

/**
 * The hub's persistence in PostgreSQL, shared by every hub of a deployment: one row per airport
 * (its seq and its StoredData), the log, the refusals and a checkpoint. Operations are written
 * only through commitSequenced, which holds the airport row's lock, so the airport has one order
 * whichever hub took the operation.
 */
export class PgStore implements HubStore, SharedLog {
  /** StoredData as this hub sees it: `base` (last read from the database) plus what this hub changed since. */
  private local: StoredData;
  private base: StoredData;
  private recovered: Recovered | null;
  private recent: LogEntry[];
  private lastSeq: number;
  private savedCheckpointSeq: number;
  private checkpointing: Promise<void> | null = null;
  private listener: pg.Client | null = null;
  private listeners: Array<(seq: number) => void> = [];
  private revocationListeners: Array<() => void> = [];
  /** Other channels' listeners; each is also called with null after the listening connection (re)connects (something may have been missed). */
  private channelListeners = new Map<string, Array<(payload: string | null) => void>>();
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  readonly file: string;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    readonly airport: string,
    meta: StoredData,
    recovered: Recovered,
    recent: LogEntry[],
    lastSeq: number,
    checkpointSeq: number,
  ) {
    this.base = meta;
    this.local = structuredClone(meta);
    this.recovered = recovered;
    this.recent = recent;
    this.lastSeq = lastSeq;
    this.savedCheckpointSeq = checkpointSeq;
    this.file = `${describeDatabase(url)} (airport ${airport})`;
  }

  /** Connects, runs the migrations not yet applied, creates the airport's row if new and reads what a hub rebuilds from. */
  static async open(url: string, airport: string): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: 6, connectionTimeoutMillis: 5000, query_timeout: 15_000 });
    // An idle connection dropped by the server must not end the process; the next query reports it.
    pool.on('error', (e) => console.error(`GateCare: a PostgreSQL connection was lost (${e.message})`));
    try {
      await migrate(pool);
      const fresh: StoredData = { v: SCHEMA_VERSION, secret: randomBytes(32).toString('hex'), credentials: {} };
      await pool.query('INSERT INTO airports (id, meta) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [airport, JSON.stringify(fresh)]);
      const head = (await pool.query<{ seq: string; meta: StoredData }>('SELECT seq, meta FROM airports WHERE id = $1', [airport])).rows[0]!;
      if (head.meta.v !== SCHEMA_VERSION) {
        throw new Error(`airport ${airport} in ${describeDatabase(url)} has schema version ${head.meta.v}; this hub reads ${SCHEMA_VERSION}`);
      }
      const lastSeq = Number(head.seq);
      const cp = (
        await pool.query<{ seq: string; state: string; digest: string }>(
          'SELECT seq, state::text AS state, digest FROM checkpoints WHERE airport = $1',
          [airport],
        )
      ).rows[0];
      let checkpoint: HubState | null = null;
      if (cp && digestOf(cp.state) === cp.digest && Number(cp.seq) <= lastSeq) checkpoint = JSON.parse(cp.state) as HubState;
      else if (cp) console.error(`GateCare: the checkpoint of airport ${airport} is not trusted; rebuilding the state from the log instead.`);
      const from = checkpoint?.seq ?? 0;
      const entries = (
        await pool.query<EntryRow>('SELECT seq, at, op FROM log_entries WHERE airport = $1 AND seq > $2 ORDER BY seq', [airport, from])
      ).rows.map(toEntry);
      checkContiguous(entries, from, `airport ${airport}`);
      if (from + entries.length !== lastSeq)
        throw new Error(`airport ${airport}: its log ends at seq ${from + entries.length}, its head says ${lastSeq}`);
      const accepted = (
        await pool.query<{ op_id: string; seq: string }>('SELECT op_id, seq FROM log_entries WHERE airport = $1', [airport])
      ).rows.map((r): [string, number] => [r.op_id, Number(r.seq)]);
      const rejected = (
        await pool.query<{ op_id: string; code: string; reason: string }>('SELECT op_id, code, reason FROM rejections WHERE airport = $1', [airport])
      ).rows.map((r): [string, StoredRejection] => [r.op_id, { code: r.code, reason: r.reason } as StoredRejection]);
      const recent =
        entries.length >= RECENT_ENTRIES
          ? entries.slice(-RECENT_ENTRIES)
          : (
              await pool.query<EntryRow>('SELECT seq, at, op FROM log_entries WHERE airport = $1 AND seq > $2 ORDER BY seq', [
                airport,
                Math.max(0, lastSeq - RECENT_ENTRIES),
              ])
            ).rows.map(toEntry);
      return new PgStore(pool, url, airport, head.meta, { checkpoint, entries, accepted, rejected }, recent, lastSeq, checkpoint?.seq ?? 0);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
  }

  get shared(): SharedLog {
    return this;
  }

  get data(): StoredData {
    return this.local;
  }

  get seq(): number {
    return this.lastSeq;
  }

  get checkpointSeq(): number {
    return this.savedCheckpointSeq;
  }

  takeRecovered(): Recovered {
    const r = this.recovered;
    if (!r) throw new Error('the stored history was already handed to a hub');
    this.recovered = null;
    return r;
  }

  append(): void {
    throw new Error('a shared log takes operations only through commitSequenced, which orders them among all hubs');
  }

  reject(): void {
    throw new Error('a shared log records refusals only through commitSequenced');
  }

  entriesBetween(after: number, upTo: number): LogEntry[] | null {
    if (upTo <= after) return [];
    const first = this.recent[0]?.seq;
    if (first === undefined || after + 1 < first) return null;
    return this.recent.slice(after + 1 - first, upTo + 1 - first);
  }

  async readLog(): Promise<LogEntry[]> {
    return (await this.pool.query<EntryRow>('SELECT seq, at, op FROM log_entries WHERE airport = $1 ORDER BY seq', [this.airport])).rows.map(toEntry);
  }

  /** Rewrites the stored entries `change` alters (a purge's blanked texts), in one transaction, and those kept in memory. */
  async rewriteLog(change: (e: LogEntry) => LogEntry): Promise<number> {
    const all = await this.readLog();
    const changed = all.map((e) => [e, change(e)] as const).filter(([a, b]) => a !== b);
    if (changed.length) {
      await this.transaction(async (c) => {
        for (const [, e] of changed) {
          await c.query('UPDATE log_entries SET op = $3, at = $4 WHERE airport = $1 AND seq = $2', [this.airport, e.seq, JSON.stringify(e.op), e.at]);
        }
      });
    }
    this.recent = this.recent.map(change);
    return changed.length;
  }

  /** Operations are written by commitSequenced; this writes what changed in StoredData, if anything. */
  async commit(): Promise<void> {
    if (metaChanges(this.base, this.local).length) await this.saveMeta();
  }

  async saveMeta(): Promise<void> {
    const written = await this.transaction(async (c) => {
      const row = (await c.query<{ meta: StoredData }>('SELECT meta FROM airports WHERE id = $1 FOR UPDATE', [this.airport])).rows[0]!;
      return this.writeMeta(c, row.meta);
    });
    this.adoptMeta(written.base, written.before);
  }

  saveCheckpoint(state: HubState, whenDone = false): Promise<void> {
    if (this.checkpointing) {
      if (!whenDone) return this.checkpointing;
      const again = (): Promise<void> => this.saveCheckpoint(state, true);
      return this.checkpointing.then(again, again);
    }
    const json = JSON.stringify(state);
    this.checkpointing = this.pool
      .query(
        `INSERT INTO checkpoints (airport, seq, state, digest) VALUES ($1, $2, $3, $4)
         ON CONFLICT (airport) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, digest = EXCLUDED.digest
         WHERE checkpoints.seq <= EXCLUDED.seq`,
        [this.airport, state.seq, json, digestOf(json)],
      )
      .then(() => {
        this.savedCheckpointSeq = Math.max(this.savedCheckpointSeq, state.seq);
      })
      .finally(() => {
        this.checkpointing = null;
      });
    return this.checkpointing;
  }

  async commitSequenced(
    after: number,
    opIds: string[],
    decide: (foreign: LogEntry[], rejectedBefore: Map<string, StoredRejection>) => Decided,
  ): Promise<void> {
    let mine: LogEntry[] = [];
    await this.transaction(async (c) => {
      // The airport row's lock orders the writers of one airport; other airports are not held up.
      const head = (await c.query<{ seq: string; meta: StoredData }>('SELECT seq, meta FROM airports WHERE id = $1 FOR UPDATE', [this.airport]))
        .rows[0]!;
      const headSeq = Number(head.seq);
      const foreign = headSeq > after ? await this.entriesAfter(c, after) : [];
      if (after + foreign.length !== headSeq)
        throw new Error(`airport ${this.airport}: its log ends at seq ${after + foreign.length}, its head says ${headSeq}`);
      const rejectedBefore = new Map<string, StoredRejection>();
      if (opIds.length) {
        const rows = await c.query<{ op_id: string; code: string; reason: string }>(
          'SELECT op_id, code, reason FROM rejections WHERE airport = $1 AND op_id = ANY($2)',
          [this.airport, opIds],
        );
        for (const r of rows.rows) rejectedBefore.set(r.op_id, { code: r.code, reason: r.reason } as StoredRejection);
      }
      const decided = decide(foreign, rejectedBefore);
      checkContiguous(decided.entries, headSeq, `airport ${this.airport}`);
      if (decided.entries.length) {
        const es = decided.entries;
        await c.query(
          `INSERT INTO log_entries (airport, seq, op_id, at, op)
           SELECT $1, s, i, a, o FROM unnest($2::bigint[], $3::text[], $4::text[], $5::json[]) AS t(s, i, a, o)`,
          [this.airport, es.map((e) => e.seq), es.map((e) => e.op.id), es.map((e) => e.at), es.map((e) => JSON.stringify(e.op))],
        );
        await c.query('UPDATE airports SET seq = $2 WHERE id = $1', [this.airport, es[es.length - 1]!.seq]);
        await c.query('SELECT pg_notify($1, $2)', [COMMIT_CHANNEL, `${this.airport} ${es[es.length - 1]!.seq}`]);
      }
      if (decided.rejected.length) {
        const rs = decided.rejected;
        await c.query(
          `INSERT INTO rejections (airport, op_id, code, reason)
           SELECT $1, i, c, r FROM unnest($2::text[], $3::text[], $4::text[]) AS t(i, c, r) ON CONFLICT DO NOTHING`,
          [this.airport, rs.map(([id]) => id), rs.map(([, a]) => a.code), rs.map(([, a]) => a.reason)],
        );
      }
      const written = await this.writeMeta(c, head.meta);
      mine = decided.entries;
      return () => this.adoptMeta(written.base, written.before);
    }).then((adopt) => adopt());
    this.remember(mine);
  }

  async readAfter(after: number): Promise<LogEntry[]> {
    return this.withClient(async (c) => {
      const meta = (await c.query<{ meta: StoredData }>('SELECT meta FROM airports WHERE id = $1', [this.airport])).rows[0]!.meta;
      this.adoptMeta(meta, this.base);
      return this.entriesAfter(c, after);
    });
  }

  onCommitted(listener: (seq: number) => void): void {
    this.listeners.push(listener);
    if (this.listeners.length === 1) {
      void this.listen();
      this.pollTimer = setInterval(() => this.tell(Number.MAX_SAFE_INTEGER), POLL_MS);
      this.pollTimer.unref();
    }
  }

  onRevocations(listener: () => void): void {
    this.revocationListeners.push(listener);
  }

  /** Calls `listener` with each NOTIFY payload on `channel` (and with null after a reconnection of the listening connection). */
  onNotification(channel: string, listener: (payload: string | null) => void): void {
    const known = this.channelListeners.get(channel);
    if (known) return void known.push(listener);
    this.channelListeners.set(channel, [listener]);
    this.listener?.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  /** One statement on the pool, for what is stored beside the log (push subscriptions). */
  async run<T extends pg.QueryResultRow>(sql: string, args: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, args)).rows;
  }

  /**
   * A value of the airport's meta written once and then the same for every hub: the first hub to
   * ask stores `candidate`, every later one (and every hub racing it) gets what was stored.
   */
  async metaOnce(key: 'vapid', candidate: unknown): Promise<unknown> {
    await this.pool.query(`UPDATE airports SET meta = jsonb_set(meta, ARRAY[$2::text], $3::jsonb) WHERE id = $1 AND NOT meta ? $2`, [
      this.airport,
      key,
      JSON.stringify(candidate),
    ]);
    return (await this.pool.query<{ value: unknown }>('SELECT meta -> $2 AS value FROM airports WHERE id = $1', [this.airport, key])).rows[0]?.value;
  }

  async probe(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    const l = this.listener;
    this.listener = null;
    await l?.end().catch(() => undefined);
    await this.checkpointing?.catch(() => undefined);
    await this.pool.end();
  }

  /** Committed entries after `after`, also kept for pulls (whatever happens to the caller's transaction: they are committed). */
  private async entriesAfter(c: pg.PoolClient, after: number): Promise<LogEntry[]> {
    const rows = (await c.query<EntryRow>('SELECT seq, at, op FROM log_entries WHERE airport = $1 AND seq > $2 ORDER BY seq', [this.airport, after]))
      .rows;
    const entries = rows.map(toEntry);
    checkContiguous(entries, after, `airport ${this.airport}`);
    this.remember(entries);
    return entries;
  }

  private remember(entries: LogEntry[]): void {
    for (const e of entries) {
      const last = this.recent[this.recent.length - 1]?.seq ?? this.lastSeq;
      if (this.recent.length && e.seq <= last) continue;
      // Pulls read a contiguous run: after a hole, keep only what follows it (older pulls get a snapshot).
      if (this.recent.length && e.seq !== last + 1) this.recent = [];
      this.recent.push(e);
      this.lastSeq = Math.max(this.lastSeq, e.seq);
    }
    if (this.recent.length > 2 * RECENT_ENTRIES) this.recent = this.recent.slice(-RECENT_ENTRIES);
  }

  /** Lays this hub's changes over what the database holds and writes the result if it differs. */
  private async writeMeta(c: pg.PoolClient, stored: StoredData): Promise<{ base: StoredData; before: StoredData }> {
    const before = this.base;
    const changes = metaChanges(before, this.local);
    if (!changes.length) return { base: stored, before };
    const merged = withChanges(stored, changes);
    await c.query('UPDATE airports SET meta = $2 WHERE id = $1', [this.airport, JSON.stringify(merged)]);
    // Delivered at COMMIT, so the other hubs re-read a meta that holds the revocation.
    if (changes.some((ch) => ch.map.startsWith('revoked.'))) await c.query('SELECT pg_notify($1, $2)', [REVOKED_CHANNEL, this.airport]);
    return { base: merged, before };
  }

  /** Takes `stored` as the new base, keeping what this hub changed since `before` and has not written yet. */
  private adoptMeta(stored: StoredData, before: StoredData): void {
    const unsaved = metaChanges(before, this.local);
    const was = this.local;
    this.base = stored;
    this.local = withChanges(stored, unsaved);
    // Only what another hub revoked: this hub's own revocations closed their sockets where they were made.
    if (!sameRevocations(was, this.local)) for (const l of this.revocationListeners) l();
  }

  /** Reads the airport's meta now (another hub revoked something): its sockets are closed without waiting for a commit. */
  private async readMeta(): Promise<void> {
    const row = (await this.pool.query<{ meta: StoredData }>('SELECT meta FROM airports WHERE id = $1', [this.airport])).rows[0];
    if (row) this.adoptMeta(row.meta, this.base);
  }

  /**
   * A pooled connection for `work`. While it is checked out the pool does not watch it, so a server
   * going away between two queries would otherwise be an uncaught error; the query under way fails
   * anyway, and a connection that failed is thrown away rather than handed to the next caller.
   */
  private async withClient<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    const ignore = (): void => undefined;
    c.on('error', ignore);
    let failed: Error | undefined;
    try {
      return await work(c);
    } catch (e) {
      failed = e as Error;
      throw e;
    } finally {
      c.off('error', ignore);
      c.release(failed);
    }
  }

  private transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (c) => {
      await c.query('BEGIN');
      try {
        const out = await work(c);
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  private tell(seq: number): void {
    for (const l of this.listeners) l(seq);
  }

  /** LISTEN on its own connection, again after it drops (then a catch-up covers what was missed meanwhile). */
  private async listen(): Promise<void> {
    while (!this.closed) {
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
      const lost = new Promise<void>((done) => {
        client.on('error', () => done());
        client.on('end', () => done());
      });
      try {
        await client.connect();
        client.on('notification', (n) => {
          const others = this.channelListeners.get(n.channel);
          if (others) {
            for (const l of others) l(n.payload ?? '');
            return;
          }
          if (n.channel === REVOKED_CHANNEL) {
            // Missed while the database is unreachable: the next catch-up reads the meta anyway.
            if (n.payload === this.airport) this.readMeta().catch(() => undefined);
            return;
          }
          const [airport, seq] = (n.payload ?? '').split(' ');
          if (airport === this.airport) this.tell(Number(seq));
        });
        await client.query(`LISTEN ${COMMIT_CHANNEL}`);
        await client.query(`LISTEN ${REVOKED_CHANNEL}`);
        for (const channel of this.channelListeners.keys()) await client.query(`LISTEN ${channel}`);
        if (this.closed) {
          await client.end();
          return;
        }
        this.listener = client;
        this.tell(Number.MAX_SAFE_INTEGER);
        for (const ls of this.channelListeners.values()) for (const l of ls) l(null);
        await lost;
      } catch {
        await client.end().catch(() => undefined);
      }
      if (this.listener === client) this.listener = null;
      if (!this.closed) await new Promise((r) => setTimeout(r, 500));
    }
  }
}
