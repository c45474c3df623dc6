/** Messages between the bench conductor (bench/run.ts) and its child processes, over Node IPC. */
import type { Dist } from './stats.ts';

export type Mode = 'hub' | 'bare';

export interface TabletSpec {
  kind: 'tablet';
  staffId: string;
  auth: Record<string, unknown>;
  /** Agents claim a share of their gates' requests; duty managers only watch. */
  claims: { index: number; of: number } | null;
  /** Cluster: the nodes this device knows, its own first; it reconnects to the next when its node dies. */
  hubs?: string[];
}

export interface KioskSpec {
  kind: 'kiosk';
  device: string;
  gate: string;
  auth: Record<string, unknown>;
  /** Cluster: the nodes this device knows, its own first; it reconnects to the next and sends again when its node dies. */
  hubs?: string[];
}

export type DeviceSpec = TabletSpec | KioskSpec;

/** Rising submit rate: `from` per second up to `to` over `rampMs`, then held, until `total` are sent. */
export interface SurgePlan {
  total: number;
  from: number;
  to: number;
  rampMs: number;
  /** This worker's share of the total rate (0..1). */
  share: number;
  flights: string[];
}

export type Command =
  | { cmd: 'connect'; url: string; devices: DeviceSpec[]; deliverAfterMs: number }
  | { cmd: 'surge'; plan: SurgePlan; startAt: number }
  | { cmd: 'settle' }
  | { cmd: 'results' }
  | { cmd: 'drop' }
  | { cmd: 'reconnect'; target: number; startAt: number }
  | { cmd: 'disconnect' }
  | { cmd: 'exit' };

/** [requestId, wall ms] */
export type Stamp = [string, number];

export interface WorkerResults {
  /** Kiosk submits: requestId, gate, sent at, acknowledged at, accepted. */
  submits: Array<[string, string, number, number, boolean]>;
  /** Tablet receipts of new requests: requestId, received at. */
  receipts: Stamp[];
  /** Claims and deliveries: sent at, acknowledged at, accepted. */
  staffAcks: Array<[number, number, boolean]>;
  /** Pushes that did not follow on from what the device had (`after` ahead of its seq). */
  gaps: number;
  rejections: Record<string, number>;
  /** Ids of the operations the hub acknowledged (cluster: each must be stored exactly once). */
  acked: string[];
  /** Cluster devices whose node died, each step of their way back. */
  failovers: FailoverTrace[];
}

/** One cluster device whose node died, timed at each step of its way back to another node (wall ms). */
export interface FailoverTrace {
  /** Its socket said the connection was lost. */
  droppedAt: number;
  /** socket.io's reconnection attempts until one connected, and the node each went to. */
  attempts: Array<{ at: number; url: string }>;
  connectedAt: number;
  /** Its catch-up pull answered (every page of it). */
  caughtUpAt: number;
  /** How far behind the node's head it was when it pulled, and how the pull was answered. */
  behind: number;
  answer: 'entries' | 'snapshot';
  pages: number;
}

export type Reply =
  | { ok: 'connected'; count: number; ms: number }
  | { ok: 'surged'; sent: number }
  | { ok: 'settled' }
  | { ok: 'results'; results: WorkerResults }
  | { ok: 'dropped' }
  | { ok: 'reconnected'; caughtUp: number[]; failed: number; errors: string[] }
  | { ok: 'disconnected' }
  | { ok: 'error'; message: string };

/** Wall clock with sub-millisecond resolution, comparable across processes on one machine. */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Where the hub's own time goes per operation in a surge round, from timestamps in the hub process. */
export interface HubPhases {
  /** Received → the group commit carrying it starts writing. */
  queued: Dist;
  /** That commit's durable write. */
  write: Dist;
  /** Write done → 'committed' emitted (durable state advanced, acks). */
  apply: Dist;
  /** The sockets' push of that batch. */
  push: Dist;
  batchOps: { p50: number; max: number; batches: number };
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** The hub process's CPU (user + system) per operation committed, from the surge's first commit to the report. */
  cpuMsPerOp?: number;
  /** Share of the time the hub's event loop was busy, mean over the seconds in which it committed operations. */
  eventLoopUtilization?: number;
  /** Per group commit (not per operation): where the write phase goes, and when the loop first came round. */
  writeSplit?: Record<'commit' | 'serialise' | 'writeCall' | 'datasync' | 'rest' | 'loopTurn', Dist>;
}
