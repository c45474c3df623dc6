/** The surge every side of the bench faces (bench/run.ts, and bench/cluster.ts against one hub and three nodes). */
export const KIOSKS_PER_GATE = 2;
export const PLAN = { total: 5000, from: 50, to: 600, rampMs: 9000, flights: ['AF1634', 'AF0084', 'AF1780'] };
/** Latency is also reported for requests sent while the planned rate was at least this. */
export const HIGH_RATE = 500;
/** An agent marks a request delivered this long after claiming it. */
export const DELIVER_AFTER_MS = 500;
