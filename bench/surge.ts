import { Child } from './children.ts';
import { dist, round, type Dist } from './stats.ts';
import { wallMs, type DeviceSpec, type FailoverTrace, type Reply, type SurgePlan, type WorkerResults } from './protocol.ts';

export interface SurgeMetrics {
  rounds: number;
  requests: number;
  accepted: number;
  /** Kiosk submit to each staff tablet that shows the request (every tablet of its gate, and the duty managers). */
  visible: Dist;
  /** The same, for requests sent while the planned rate was at or above `highRate`. */
  visibleAtHighRate: Dist;
  highRate: number;
  kioskAck: Dist;
  staffAck: Dist;
  /** Operations acknowledged (requests, claims, deliveries) per second. */
  opsPerSecond: { mean: number; peak1s: number };
  /** Requests the kiosk processes managed to send in their busiest second. */
  submitPeak1s: number;
  /** CPU the server process used per acknowledged operation (user + system): unlike latency, barely moved by the machine's other load. */
  serverCpuMsPerOp: number | null;
  totalOps: number;
  durationS: number;
  gaps: number;
  missedReceipts: number;
  rejections: Record<string, number>;
}

export interface Fleet {
  tablets: Child[];
  kiosks: Child[];
}

export function startFleet(tabletWorkers: number, kioskWorkers: number): Fleet {
  return {
    tablets: Array.from({ length: tabletWorkers }, () => new Child('./device-worker.ts')),
    kiosks: Array.from({ length: kioskWorkers }, () => new Child('./device-worker.ts')),
  };
}

export function all(f: Fleet): Child[] {
  return [...f.tablets, ...f.kiosks];
}

/** Spreads devices over workers and connects them. */
export async function connectFleet(workers: Child[], url: string, devices: DeviceSpec[], deliverAfterMs: number): Promise<number> {
  const t0 = wallMs();
  await Promise.all(
    workers.map((w, i) => w.ask({ cmd: 'connect', url, devices: devices.filter((_, j) => j % workers.length === i), deliverAfterMs })),
  );
  return wallMs() - t0;
}

function plannedRate(plan: Omit<SurgePlan, 'share'>, sinceStartMs: number): number {
  return sinceStartMs >= plan.rampMs ? plan.to : plan.from + ((plan.to - plan.from) * sinceStartMs) / plan.rampMs;
}

/** What one surge round measured, before summarising (rounds are pooled). */
export interface SurgeRound {
  requests: number;
  accepted: number;
  visible: number[];
  visibleHigh: number[];
  kioskAck: number[];
  staffAck: number[];
  totalOps: number;
  durationS: number;
  opsPeak1s: number;
  /** Requests the kiosks actually sent per second, in the busiest second (the plan asks for `to`). */
  submitPeak1s: number;
  gaps: number;
  missed: number;
  rejections: Record<string, number>;
  /** Ids of every acknowledged operation (cluster: each must be stored exactly once). */
  acked: string[];
  /** Cluster devices whose node died: each step of their way back (wall ms). */
  failovers: FailoverTrace[];
  /** CPU the server used during the round (user + system, ms), when the conductor measured it. */
  serverCpuMs?: number;
}

function perSecondPeak(times: number[], from: number): number {
  const buckets = new Map<number, number>();
  for (const t of times) {
    const b = Math.floor((t - from) / 1000);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  return Math.max(0, ...buckets.values());
}

/** Kiosks submit the surge; staff tablets claim and deliver; returns what every side saw. */
export async function runSurge(
  fleet: Fleet,
  plan: Omit<SurgePlan, 'share'>,
  expectedViewers: (gate: string) => number,
  highRate: number,
  /** Told when the kiosks start sending (wall ms), before the round runs: the cluster bench times a kill from it. */
  onStart?: (startAt: number) => void,
): Promise<SurgeRound> {
  const startAt = wallMs() + 500;
  onStart?.(startAt);
  const share = 1 / fleet.kiosks.length;
  await Promise.all(fleet.kiosks.map((k) => k.ask({ cmd: 'surge', plan: { ...plan, share }, startAt })));
  await Promise.all(all(fleet).map((w) => w.ask({ cmd: 'settle' })));
  const results = (await Promise.all(all(fleet).map((w) => w.ask<Reply>({ cmd: 'results' })))).map((r) => (r as { results: WorkerResults }).results);

  const sentAt = new Map<string, number>();
  const gateOfRequest = new Map<string, string>();
  const kioskAck: number[] = [];
  const ackTimes: number[] = [];
  for (const r of results) {
    for (const [id, gate, t0, t1, ok] of r.submits) {
      sentAt.set(id, t0);
      kioskAck.push(t1 - t0);
      if (ok) {
        gateOfRequest.set(id, gate);
        ackTimes.push(t1);
      }
    }
  }
  const visible: number[] = [];
  const visibleHigh: number[] = [];
  const receiptsPerRequest = new Map<string, number>();
  for (const r of results) {
    for (const [id, t] of r.receipts) {
      const t0 = sentAt.get(id);
      if (t0 === undefined) continue;
      visible.push(t - t0);
      if (plannedRate(plan, t0 - startAt) >= highRate) visibleHigh.push(t - t0);
      receiptsPerRequest.set(id, (receiptsPerRequest.get(id) ?? 0) + 1);
    }
  }
  let missed = 0;
  for (const [id, gate] of gateOfRequest) missed += Math.max(0, expectedViewers(gate) - (receiptsPerRequest.get(id) ?? 0));
  const staffAck: number[] = [];
  for (const r of results) {
    for (const [t0, t1, ok] of r.staffAcks) {
      staffAck.push(t1 - t0);
      if (ok) ackTimes.push(t1);
    }
  }
  const last = Math.max(startAt, ...ackTimes);
  const rejections: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.rejections)) rejections[k] = (rejections[k] ?? 0) + v;
  return {
    requests: sentAt.size,
    accepted: gateOfRequest.size,
    visible,
    visibleHigh,
    kioskAck,
    staffAck,
    totalOps: ackTimes.length,
    durationS: (last - startAt) / 1000,
    opsPeak1s: perSecondPeak(ackTimes, startAt),
    submitPeak1s: perSecondPeak([...sentAt.values()], startAt),
    gaps: results.reduce((n, r) => n + r.gaps, 0),
    missed,
    rejections,
    acked: results.flatMap((r) => r.acked),
    failovers: results.flatMap((r) => r.failovers),
  };
}

/** Pools the rounds of one side (hub or bare): the machine is shared, so one round can be unlucky. */
export function summarise(rounds: SurgeRound[], highRate: number): SurgeMetrics {
  const cat = (f: (r: SurgeRound) => number[]): number[] => rounds.flatMap(f);
  const sum = (f: (r: SurgeRound) => number): number => rounds.reduce((n, r) => n + f(r), 0);
  const rejections: Record<string, number> = {};
  for (const r of rounds) for (const [k, v] of Object.entries(r.rejections)) rejections[k] = (rejections[k] ?? 0) + v;
  return {
    rounds: rounds.length,
    requests: sum((r) => r.requests),
    accepted: sum((r) => r.accepted),
    visible: dist(cat((r) => r.visible)),
    visibleAtHighRate: dist(cat((r) => r.visibleHigh)),
    highRate,
    kioskAck: dist(cat((r) => r.kioskAck)),
    staffAck: dist(cat((r) => r.staffAck)),
    opsPerSecond: {
      mean: round(sum((r) => r.totalOps) / sum((r) => r.durationS)),
      peak1s: Math.max(...rounds.map((r) => r.opsPeak1s)),
    },
    submitPeak1s: Math.max(...rounds.map((r) => r.submitPeak1s)),
    serverCpuMsPerOp: rounds.every((r) => r.serverCpuMs !== undefined) ? round(sum((r) => r.serverCpuMs ?? 0) / sum((r) => r.totalOps), 3) : null,
    totalOps: sum((r) => r.totalOps),
    durationS: round(sum((r) => r.durationS)),
    gaps: sum((r) => r.gaps),
    missedReceipts: sum((r) => r.missed),
    rejections,
  };
}
