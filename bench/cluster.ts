/**
 * `npm run bench -- --cluster`: the same surge against one lowdb hub and against three hub nodes on one
 * embedded PostgreSQL, in the same run and on the same device processes, then a surge during which one
 * node is killed with SIGKILL: how long its devices take to be back on another node and caught up, and
 * whether every acknowledged operation is stored exactly once.
 *
 * BENCH_CLUSTER_SMALL=1 runs a reduced surge (22 tablets, 20 kiosks, 600 requests, one round a side):
 * enough to see it work on a busy machine, not a measurement.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import type { StaffMember } from '../core/index.ts';
import { startEmbeddedPostgres } from '../server/pg/embedded.ts';
import { freePort } from '../test/helpers/hub-process.ts';
import { Child } from './children.ts';
import { all, connectFleet, runSurge, startFleet, summarise, type Fleet, type SurgeMetrics, type SurgeRound } from './surge.ts';
import { agentSlot, BENCH_PIN, benchStaff, GATES } from './staff-plan.ts';
import { DELIVER_AFTER_MS, HIGH_RATE, KIOSKS_PER_GATE, PLAN } from './surge-plan.ts';
import { dist, round, type Dist } from './stats.ts';
import { wallMs, type DeviceSpec, type FailoverTrace, type HubPhases, type KioskSpec, type TabletSpec } from './protocol.ts';

const NODES = 3;
const AIRPORT = 'bench';

export interface ClusterFailover {
  /** Seconds after the kiosks started sending when the node was killed. */
  killedAfterS: number;
  /** Devices whose home was the killed node, and how many of them came back on another node and caught up. */
  devicesOnKilledNode: number;
  devicesBack: number;
  /** From the kill to the last of them back and caught up (its first pull on the new node answered). */
  allBackMs: number;
  /** Each of them: from the kill to back and caught up. */
  perDevice: Dist;
  /** Where that time went, per device (ms). */
  split: FailoverSplit;
  surge: SurgeMetrics;
  /** Acknowledged operations (requests, claims, deliveries) and how many the database holds once, and more than once. */
  acknowledged: number;
  storedOnce: number;
  storedMoreThanOnce: number;
  /** The surviving nodes' seqs once the round settled (the same when every node holds the whole log). */
  survivorsSeq: number[];
  /** The surviving nodes' event-loop delay in that round (worst of them): how long anything waited for its turn there, a connection included. */
  survivorsLoopDelayMs: { p99: number; max: number };
}

/** The way back of the killed node's devices, step by step, each step's distribution over the devices (ms). */
export interface FailoverSplit {
  /** Kill → the device's socket saw the connection lost. */
  killToDropped: Dist;
  /** Connection lost → socket.io's first reconnection attempt (its reconnection delay). */
  droppedToFirstAttempt: Dist;
  /** First attempt → connected and signed in on a node (more attempts when one failed). */
  firstAttemptToConnected: Dist;
  /** Connected → the catch-up pull answered. */
  connectedToCaughtUp: Dist;
  /** Reconnection attempts per device (1 when the first went to a live node), and attempts that went to the killed node. */
  attempts: Dist;
  attemptsToKilledNode: number;
  /** Seqs behind the new node's head at the catch-up, and how many catch-ups were answered with a snapshot. */
  behind: Dist;
  snapshots: number;
}

/** Splits each device's way back into its steps. */
export function failoverSplit(traces: FailoverTrace[], killedAt: number, killedUrl: string): FailoverSplit {
  return {
    killToDropped: dist(traces.map((t) => t.droppedAt - killedAt)),
    droppedToFirstAttempt: dist(traces.map((t) => (t.attempts[0]?.at ?? t.connectedAt) - t.droppedAt)),
    firstAttemptToConnected: dist(traces.map((t) => t.connectedAt - (t.attempts[0]?.at ?? t.connectedAt))),
    connectedToCaughtUp: dist(traces.map((t) => t.caughtUpAt - t.connectedAt)),
    attempts: dist(traces.map((t) => t.attempts.length)),
    attemptsToKilledNode: traces.reduce((n, t) => n + t.attempts.filter((a) => a.url === killedUrl).length, 0),
    behind: dist(traces.map((t) => t.behind)),
    snapshots: traces.filter((t) => t.answer === 'snapshot').length,
  };
}

export interface ClusterResult {
  date: string;
  small: boolean;
  machine: { cpus: number; cpu: string; node: string; loadBefore: number[]; loadAfter: number[] };
  setup: { nodes: number; tablets: number; kiosks: number; plan: typeof PLAN; roundsEachSide: number; postgresFsync: boolean };
  lowdb: SurgeMetrics & { opReceivedToPushed: Dist };
  cluster: SurgeMetrics & { opReceivedToPushed: Dist };
  failover: ClusterFailover;
  benchSeconds: number;
}

function log(msg: string): void {
  console.log(`[bench cluster ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`${url}: ${res.status} ${json.error}`);
  return json;
}

async function healthSeq(url: string): Promise<number> {
  return ((await (await fetch(`${url}/api/health`)).json()) as { seq: number }).seq;
}

/** Waits until every node holds at least `seq` (the joining nodes catch up by themselves, within about a second). */
async function allAt(urls: string[], seq: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const u of urls) {
    while ((await healthSeq(u)) < seq) {
      if (Date.now() > deadline) throw new Error(`${u} did not reach seq ${seq} within a minute`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The devices of one surge: who they are, and the surge they face (reduced with BENCH_CLUSTER_SMALL=1). */
function plan(small: boolean): {
  staff: Array<{ member: StaffMember; claims: TabletSpec['claims'] }>;
  kioskPlaces: Array<{ gate: string; device: string }>;
  surge: typeof PLAN;
} {
  const everyone = benchStaff();
  if (!small) {
    return {
      staff: everyone.map((member, i) => ({ member, claims: member.role === 'agent' ? agentSlot(i) : null })),
      kioskPlaces: GATES.flatMap((gate) => Array.from({ length: KIOSKS_PER_GATE }, (_, i) => ({ gate, device: `bench-kiosk-${gate}-${i}` }))),
      surge: PLAN,
    };
  }
  // Two agents a gate pair (agents 0–19: agent i covers pair i mod 10), who split its claims, and two duty managers.
  const agents = everyone.slice(0, 20).map((member, i) => ({ member, claims: { index: Math.floor(i / 10), of: 2 } }));
  const managers = everyone.filter((s) => s.role === 'duty_manager').slice(0, 2);
  return {
    staff: [...agents, ...managers.map((member) => ({ member, claims: null }))],
    kioskPlaces: GATES.map((gate) => ({ gate, device: `bench-kiosk-${gate}-0` })),
    surge: { ...PLAN, total: 600, from: 20, to: 150, rampMs: 3000 },
  };
}

interface Side {
  tablets: TabletSpec[];
  kiosks: KioskSpec[];
}

/** Signs the staff in and enrols the kiosks; in the cluster each device gets a home node (in turn) and the others after it. */
async function devicesOf(p: ReturnType<typeof plan>, urls: string[]): Promise<Side> {
  const hubsFor = (i: number): string[] | undefined => (urls.length > 1 ? urls.map((_, k) => urls[(i + k) % urls.length]!) : undefined);
  const tablets: TabletSpec[] = [];
  for (const [i, s] of p.staff.entries()) {
    // Sessions are signed with the airport's one secret: a token from the first node opens a socket on any node.
    const { token } = await post<{ token: string }>(`${urls[0]}/api/login`, { staffId: s.member.id, pin: BENCH_PIN });
    const hubs = hubsFor(i);
    tablets.push({ kind: 'tablet', staffId: s.member.id, auth: { token }, claims: s.claims, ...(hubs ? { hubs } : {}) });
  }
  const kiosks: KioskSpec[] = [];
  for (const [i, k] of p.kioskPlaces.entries()) {
    const hubs = hubsFor(i);
    const home = hubs?.[0] ?? urls[0]!;
    const { token } = await post<{ token: string }>(`${home}/api/kiosks/enroll`, { gate: k.gate, device: k.device, staffId: 'M201', pin: '7319' });
    kiosks.push({ kind: 'kiosk', device: k.device, gate: k.gate, auth: { kiosk: { token } }, ...(hubs ? { hubs } : {}) });
  }
  return { tablets, kiosks };
}

export async function benchCluster(): Promise<ClusterResult> {
  const started = Date.now();
  const small = process.env.BENCH_CLUSTER_SMALL === '1';
  const loadBefore = loadavg().map((l) => round(l, 2));
  const p = plan(small);
  log(
    `${small ? 'reduced surge (BENCH_CLUSTER_SMALL=1)' : 'full surge'}: ${p.staff.length} tablets, ${p.kioskPlaces.length} kiosks, ${p.surge.total} requests a round`,
  );

  // fsync on, as a deployment runs it: the lowdb hub fdatasyncs its journal before acknowledging too.
  const db = await startEmbeddedPostgres({ port: await freePort() });
  const children: Child[] = [];
  let fleet: Fleet | undefined;
  try {
    const lowdb = new Child('./hub-process.ts');
    const first = new Child('./hub-process.ts', { BENCH_DATABASE_URL: db.url, BENCH_AIRPORT: AIRPORT });
    children.push(lowdb, first);
    const [{ url: lowdbUrl }, { url: firstUrl }] = await Promise.all([lowdb.next<{ url: string }>(), first.next<{ url: string }>()]);
    // The others join once the first has seeded the airport and the bench staff.
    const joining = Array.from(
      { length: NODES - 1 },
      () => new Child('./hub-process.ts', { BENCH_DATABASE_URL: db.url, BENCH_AIRPORT: AIRPORT, BENCH_JOIN: '1' }),
    );
    children.push(...joining);
    const nodes = [first, ...joining];
    const nodeUrls = [firstUrl, ...(await Promise.all(joining.map(async (c) => (await c.next<{ url: string }>()).url)))];
    await allAt(nodeUrls, await healthSeq(firstUrl));
    log(`one lowdb hub ${lowdbUrl}; ${NODES} nodes on PostgreSQL ${nodeUrls.join(' ')}`);

    const sides = { lowdb: await devicesOf(p, [lowdbUrl]), cluster: await devicesOf(p, nodeUrls) };
    const viewers = (gate: string): number => p.staff.filter((s) => s.member.role === 'duty_manager' || s.member.gates.includes(gate)).length;
    fleet = startFleet(4, 2);
    const f = fleet;
    const round1 = async (side: 'lowdb' | 'cluster', onStart?: (startAt: number) => void): Promise<SurgeRound> => {
      const url = side === 'lowdb' ? lowdbUrl : nodeUrls[0]!;
      await connectFleet(f.tablets, url, sides[side].tablets, DELIVER_AFTER_MS);
      await connectFleet(f.kiosks, url, sides[side].kiosks as DeviceSpec[], DELIVER_AFTER_MS);
      const r = await runSurge(f, p.surge, viewers, HIGH_RATE, onStart);
      const d = dist(r.visible);
      log(`${side}: ${r.accepted} of ${r.requests} accepted; submit→tablet p50/p95/p99 ${d.p50}/${d.p95}/${d.p99} ms`);
      await Promise.all(all(f).map((w) => w.ask({ cmd: 'disconnect' })));
      return r;
    };
    const internal = async (side: Child[]): Promise<number[]> =>
      (await Promise.all(side.map((c) => c.ask<{ internal: number[] }>({ cmd: 'internal' })))).flatMap((r) => r.internal);

    // Alternated, so a machine getting busier or quieter favours neither side.
    const order: Array<'lowdb' | 'cluster'> = small ? ['cluster', 'lowdb'] : ['lowdb', 'cluster', 'cluster', 'lowdb'];
    const rounds: Record<'lowdb' | 'cluster', SurgeRound[]> = { lowdb: [], cluster: [] };
    const pushed: Record<'lowdb' | 'cluster', number[]> = { lowdb: [], cluster: [] };
    for (const side of order) {
      await internal(side === 'lowdb' ? [lowdb] : nodes); // forget what came before this round
      rounds[side].push(await round1(side));
      pushed[side].push(...(await internal(side === 'lowdb' ? [lowdb] : nodes)));
    }
    await lowdb.stop();

    // The failover round: the last node is killed (SIGKILL, no goodbye) part-way up the ramp.
    const victim = nodes[NODES - 1]!;
    const killAfterMs = Math.round(p.surge.rampMs * 0.6);
    let killedAt = 0;
    let killing: Promise<void> = Promise.resolve();
    log(`failover: node ${NODES} is killed ${killAfterMs / 1000} s into the surge`);
    const failRound = await round1('cluster', (startAt) => {
      killing = (async () => {
        while (wallMs() < startAt + killAfterMs) await new Promise((r) => setTimeout(r, 5));
        killedAt = wallMs();
        victim.proc.kill('SIGKILL');
      })();
    });
    await killing;
    const homeOfVictim = (spec: { hubs?: string[] }): boolean => spec.hubs?.[0] === nodeUrls[NODES - 1];
    const onVictim = [...sides.cluster.tablets, ...sides.cluster.kiosks].filter(homeOfVictim).length;
    const traces = failRound.failovers.filter((t) => t.droppedAt >= killedAt - 50);
    const back = traces.map((t) => t.caughtUpAt - killedAt);
    const survivorsSeq = await Promise.all(nodeUrls.slice(0, NODES - 1).map(healthSeq));
    const survivorsLoop = await Promise.all(
      nodes.slice(0, NODES - 1).map(async (c) => (await c.ask<{ phases: HubPhases }>({ cmd: 'internal' })).phases.eventLoopDelayMs),
    );

    const acked = [...new Set(failRound.acked)];
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const rows = (
      await client.query<{ op_id: string; n: string }>(
        'SELECT op_id, count(*) AS n FROM log_entries WHERE airport = $1 AND op_id = ANY($2) GROUP BY op_id',
        [AIRPORT, acked],
      )
    ).rows;
    await client.end();
    const failover: ClusterFailover = {
      killedAfterS: round(killAfterMs / 1000),
      devicesOnKilledNode: onVictim,
      devicesBack: back.length,
      allBackMs: round(Math.max(0, ...back)),
      perDevice: dist(back),
      split: failoverSplit(traces, killedAt, nodeUrls[NODES - 1]!),
      surge: summarise([failRound], HIGH_RATE),
      acknowledged: acked.length,
      storedOnce: rows.filter((r) => r.n === '1').length,
      storedMoreThanOnce: rows.filter((r) => r.n !== '1').length,
      survivorsSeq,
      survivorsLoopDelayMs: {
        p99: round(Math.max(...survivorsLoop.map((l) => l.p99))),
        max: round(Math.max(...survivorsLoop.map((l) => l.max))),
      },
    };
    const sp = failover.split;
    log(
      `failover split p50/max ms: kill→dropped ${sp.killToDropped.p50}/${sp.killToDropped.max}, dropped→1st attempt ${sp.droppedToFirstAttempt.p50}/${sp.droppedToFirstAttempt.max}, ` +
        `1st attempt→connected ${sp.firstAttemptToConnected.p50}/${sp.firstAttemptToConnected.max}, connected→caught up ${sp.connectedToCaughtUp.p50}/${sp.connectedToCaughtUp.max}; ` +
        `attempts max ${sp.attempts.max} (${sp.attemptsToKilledNode} to the killed node); behind p50/max ${sp.behind.p50}/${sp.behind.max}, ${sp.snapshots} snapshots; ` +
        `survivors' event-loop delay p99/max ${failover.survivorsLoopDelayMs.p99}/${failover.survivorsLoopDelayMs.max} ms`,
    );
    log(
      `failover: ${failover.devicesBack} of ${onVictim} devices back and caught up within ${failover.allBackMs} ms of the kill; ` +
        `${failover.storedOnce} of ${failover.acknowledged} acknowledged ops stored once, ${failover.storedMoreThanOnce} more than once; survivors at seq ${survivorsSeq.join(' / ')}`,
    );
    return {
      date: new Date().toISOString(),
      small,
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        loadBefore,
        loadAfter: loadavg().map((l) => round(l, 2)),
      },
      setup: {
        nodes: NODES,
        tablets: p.staff.length,
        kiosks: p.kioskPlaces.length,
        plan: p.surge,
        roundsEachSide: rounds.cluster.length,
        postgresFsync: true,
      },
      lowdb: { ...summarise(rounds.lowdb, HIGH_RATE), opReceivedToPushed: dist(pushed.lowdb) },
      cluster: { ...summarise(rounds.cluster, HIGH_RATE), opReceivedToPushed: dist(pushed.cluster) },
      failover,
      benchSeconds: round((Date.now() - started) / 1000),
    };
  } finally {
    if (fleet) await Promise.all(all(fleet).map((w) => w.stop()));
    await Promise.all(children.map((c) => c.stop()));
    await db.destroy();
  }
}

/** The report: one column per side, then the failover round. */
export function clusterTable(r: ClusterResult): string {
  const side = (m: SurgeMetrics & { opReceivedToPushed: Dist }): string[] => [
    `${m.accepted} of ${m.requests}`,
    `${m.opsPerSecond.mean} / ${m.opsPerSecond.peak1s}`,
    `${m.visible.p50} / ${m.visible.p95} / ${m.visible.p99} ms`,
    `${m.kioskAck.p50} / ${m.kioskAck.p95} / ${m.kioskAck.p99} ms`,
    `${m.staffAck.p50} / ${m.staffAck.p99} ms`,
    `${m.opReceivedToPushed.p50} / ${m.opReceivedToPushed.p99} ms`,
    `${m.missedReceipts} / ${m.gaps}`,
  ];
  const names = [
    `Requests accepted (${r.setup.roundsEachSide} round${r.setup.roundsEachSide > 1 ? 's' : ''} each side)`,
    'Acknowledged ops/s (mean / busiest second)',
    'Submit→staff tablet p50/p95/p99',
    'Kiosk ack p50/p95/p99',
    'Staff claim/deliver ack p50/p99',
    'Op received → pushed by its node, p50/p99',
    'Missed pushes / gaps seen',
  ];
  const lowdb = side(r.lowdb);
  const cluster = side(r.cluster);
  const f = r.failover;
  const rows: string[][] = [
    ['Measure', 'One lowdb hub', `${r.setup.nodes} nodes on one PostgreSQL`],
    ...names.map((n, i) => [n, lowdb[i]!, cluster[i]!]),
    [
      `Failover: kill -9 of one node ${f.killedAfterS} s into a surge`,
      '—',
      `${f.devicesBack} of ${f.devicesOnKilledNode} of its devices back on another node and caught up within ${f.allBackMs} ms (p50 ${f.perDevice.p50} ms)`,
    ],
    [
      'Failover, per device p50/max: kill→drop seen / →1st attempt / →connected / →caught up',
      '—',
      [f.split.killToDropped, f.split.droppedToFirstAttempt, f.split.firstAttemptToConnected, f.split.connectedToCaughtUp]
        .map((d) => `${d.p50}/${d.max}`)
        .join(' · ') +
        ` ms; ${f.split.attempts.max} attempt${f.split.attempts.max === 1 ? '' : 's'} at most, ${f.split.snapshots} snapshot${f.split.snapshots === 1 ? '' : 's'}`,
    ],
    [
      'Failover round: acknowledged ops stored exactly once',
      '—',
      `${f.storedOnce} of ${f.acknowledged} (${f.storedMoreThanOnce} more than once); surviving nodes at seq ${f.survivorsSeq.join(' / ')}`,
    ],
    [
      'Failover round: requests accepted / submit→tablet p50/p99',
      '—',
      `${f.surge.accepted} of ${f.surge.requests} / ${f.surge.visible.p50} / ${f.surge.visible.p99} ms`,
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]): string => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
