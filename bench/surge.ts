import { Child } from './children.ts';
import { dist, round, type Dist } from './stats.ts';
import { wallMs, type DeviceSpec, type Reply, type SurgePlan, type WorkerResults } from './protocol.ts';

export interface SurgeMetrics {
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
  opsPerSecond: { mean: number; peak1s: number; atHighRate: number };
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

/** Kiosks submit the surge; staff tablets claim and deliver; returns what every side saw. */
export async function runSurge(fleet: Fleet, plan: Omit<SurgePlan, 'share'>, expectedViewers: (gate: string) => number, highRate: number): Promise<SurgeMetrics> {
  const startAt = wallMs() + 500;
  const share = 1 / fleet.kiosks.length;
  await Promise.all(fleet.kiosks.map((k) => k.ask({ cmd: 'surge', plan: { ...plan, share }, startAt })));
  await Promise.all(all(fleet).map((w) => w.ask({ cmd: 'settle' })));
  const results = (await Promise.all(all(fleet).map((w) => w.ask<Reply>({ cmd: 'results' })))).map((r) => (r as { results: WorkerResults }).results);

  const sentAt = new Map<string, number>();
  const gateOfRequest = new Map<string, string>();
  const kioskAck: number[] = [];
  const ackTimes: number[] = [];
  let accepted = 0;
  for (const r of results) {
    for (const [id, gate, t0, t1, ok] of r.submits) {
      sentAt.set(id, t0);
      if (ok) gateOfRequest.set(id, gate);
      kioskAck.push(t1 - t0);
      if (ok) {
        accepted++;
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
  ackTimes.sort((a, b) => a - b);
  const first = startAt;
  const last = ackTimes[ackTimes.length - 1] ?? first;
  const buckets = new Map<number, number>();
  for (const t of ackTimes) buckets.set(Math.floor((t - first) / 1000), (buckets.get(Math.floor((t - first) / 1000)) ?? 0) + 1);
  const highStart = first + plan.rampMs * ((highRate - plan.from) / (plan.to - plan.from));
  const lastSubmit = Math.max(...[...sentAt.values()]);
  const inHigh = ackTimes.filter((t) => t >= highStart && t <= lastSubmit).length;
  const rejections: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.rejections)) rejections[k] = (rejections[k] ?? 0) + v;
  return {
    requests: sentAt.size,
    accepted,
    visible: dist(visible),
    visibleAtHighRate: dist(visibleHigh),
    highRate,
    kioskAck: dist(kioskAck),
    staffAck: dist(staffAck),
    opsPerSecond: {
      mean: round(ackTimes.length / ((last - first) / 1000)),
      peak1s: Math.max(...buckets.values()),
      atHighRate: round(inHigh / Math.max(0.001, (lastSubmit - highStart) / 1000)),
    },
    totalOps: ackTimes.length,
    durationS: round((last - first) / 1000),
    gaps: results.reduce((n, r) => n + r.gaps, 0),
    missedReceipts: missed,
    rejections,
  };
}
