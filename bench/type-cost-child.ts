/**
 * One hub with a given number of operations stored, timing one wave of one operation type at a
 * time when the parent asks (bench/history-by-type.ts runs one of these at 1k and one at 100k and
 * alternates between them). Started with --expose-gc: a full collection before each timed wave, so
 * a major GC owed to the preparation does not land on the wave.
 *
 * BENCH_STORED: operations stored before the first wave. The parent decides when to reopen the hub
 * from a copy of its data as first built (`reopen`), so "at 1k" stays near 1k however many waves run,
 * and both sides drop what the bench's own waves added to the reference data (outlets, notices,
 * flights, shuttles) at the same moments. No checkpoint is written during the waves (a checkpoint is
 * the history's cost, which bench/history.ts charges, not one type's).
 */
import { rmSync } from 'node:fs';
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOp, type Op, type OpBody } from '../core/index.ts';
import { Hub, type Identity } from '../server/hub.ts';
import { Store } from '../server/store.ts';
import { seedDemoIfEmpty } from '../server/seed.ts';
import { threadCpuMs } from './thread-cpu.ts';
import { WaveProfiler } from './wave-profiler.ts';
import { BEFORE, freshIds, setupSteps, STEPS, TIMED_TYPES, type Ids, type TimedType } from './type-steps.ts';

export interface WaveCost {
  type: TimedType;
  ops: number;
  /** CPU of the process: user + system of every thread (see bench/thread-cpu.ts for what that adds). */
  cpuMs: number;
  /** CPU of the hub's main thread alone, where the platform tells it (Linux); otherwise null. */
  threadCpuMs: number | null;
  wallMs: number;
  /**
   * Time the main thread spent outside the event loop's waits (event-loop utilisation's active time):
   * CPU counts every thread of the process, so helper threads still sweeping after the forced GC (more
   * with a bigger heap) land in cpuMs; this leaves them and the disk waits out, but it is wall time, so
   * on a loaded machine it includes moments the core was taken away.
   */
  busyMs: number;
  /**
   * Garbage-collection pauses on the main thread inside the wave (their wall time, from node's `gc`
   * performance entries) and how many were major or incremental-marking steps: the part of a wave's
   * cost that follows the heap's size rather than the operation.
   */
  gcMs: number;
  majorGcs: number;
  /** Operations stored when the wave ran, and records in the state. */
  stored: number;
  /** Operations added since the hub was last reopened from its first build, this wave included. */
  grown: number;
  requests: number;
  vouchers: number;
}

export type TypeChildCommand = { cmd: 'wave'; type: TimedType; n: number } | { cmd: 'reopen' } | { cmd: 'exit' };

export interface Reopened {
  reopened: true;
  ms: number;
}

export interface TypeChildReady {
  ready: true;
  stored: number;
  requests: number;
  vouchers: number;
  buildSeconds: number;
}

function envelope(who: Identity, body: OpBody): Op {
  const actor =
    who.kind === 'kiosk'
      ? { kind: 'kiosk' as const, id: who.device }
      : who.kind === 'staff'
        ? { kind: 'staff' as const, id: who.id }
        : { kind: 'system' as const, id: 'hub' };
  const device = who.kind === 'kiosk' ? who.device : who.kind === 'staff' ? `tablet-${who.id}` : 'hub';
  return makeOp({ actor, device, at: new Date() }, body);
}

/** One step on every item at once (a few group commits); a refusal stops the bench with its reason. */
async function step(hub: Hub, name: keyof typeof STEPS, items: Ids[]): Promise<void> {
  const acks = await Promise.all(
    items.map((ids) => {
      const [who, body] = STEPS[name](ids, hub.current);
      return hub.submit(envelope(who, body), who);
    }),
  );
  const refused = acks.find((a) => !a.ok);
  if (refused && !refused.ok) throw new Error(`bench ${name} refused: ${refused.reason}`);
}

async function prepared(hub: Hub, type: TimedType, n: number): Promise<Ids[]> {
  const items = Array.from({ length: n }, freshIds);
  for (const before of BEFORE[type]) await step(hub, before, items);
  return items;
}

/** A stretch of an ordinary day: requests created, claimed, delivered, one in five with a meal voucher. */
async function lifecycle(hub: Hub, n: number): Promise<void> {
  const items = Array.from({ length: n }, freshIds);
  await step(hub, 'request.create', items);
  await step(hub, 'request.claim', items);
  await step(hub, 'voucher.issue', items.slice(0, Math.ceil(n / 5)));
  await step(hub, 'request.deliver', items);
}

/**
 * Up to `target` stored: mostly the request lifecycle, and above 5,000 a few of every passenger-side
 * type on each stretch (vouchers of every fate, rooms, messages, asks from phones). Reference data
 * (flights, outlets, notices, hotels, staff, stock, policy) is the airport's size, not the day's
 * history: the fill leaves it as set up, so both sides hold about as much of it.
 */
async function fill(hub: Hub, target: number): Promise<void> {
  const passengerSide = TIMED_TYPES.filter((t) => /^(request|voucher|room|thread|phone|thanks)\./.test(t));
  while (hub.seq < target) {
    const left = target - hub.seq;
    if (target >= 5000 && left > 3000) {
      for (const type of passengerSide) {
        await step(hub, type, await prepared(hub, type, 10));
      }
    }
    const room = target - hub.seq;
    if (room <= 0) break;
    // create + claim + deliver + a fifth with a voucher: 3.2 operations per request.
    await lifecycle(hub, Math.max(1, Math.min(500, Math.floor(room / 3.2))));
    if (target - hub.seq < 4) break;
  }
}

/**
 * Waits until the process uses no CPU: a forced full GC leaves the whole heap to sweep, on helper
 * threads and lazily on the main thread as it allocates, which is work proportional to the heap, not
 * to the wave. In the steady state one such sweep is shared by thousands of operations (the history
 * windows of bench/history.ts charge it so); charged to a wave of 40 it made every type look 2–4×
 * dearer at 100k than at 1k.
 */
async function settled(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const c0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 5));
    const c = process.cpuUsage(c0);
    if (c.user + c.system < 300) return;
  }
}

/** Checkpoints only when the parent reopens (never inside a wave): see the header. */
const NO_CHECKPOINT = { checkpointEvery: Number.MAX_SAFE_INTEGER };

/** The main thread's GC pauses, as node reports them (after the fact: read them once the wave is over). */
const gcPauses: PerformanceEntry[] = [];
new PerformanceObserver((list) => gcPauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

const MAJOR = constants.NODE_PERFORMANCE_GC_MAJOR | constants.NODE_PERFORMANCE_GC_INCREMENTAL;

/** The GC pauses that began between `from` and `to` (performance.now() times), once node has reported them. */
async function gcBetween(from: number, to: number): Promise<{ gcMs: number; majorGcs: number }> {
  await new Promise((r) => setTimeout(r, 0));
  const inside = gcPauses.filter((e) => e.startTime >= from && e.startTime <= to);
  gcPauses.length = 0;
  return {
    gcMs: inside.reduce((t, e) => t + e.duration, 0),
    majorGcs: inside.filter((e) => (((e as { detail?: { kind?: number } }).detail?.kind ?? 0) & MAJOR) !== 0).length,
  };
}

async function open(dir: string): Promise<{ hub: Hub; store: Store }> {
  const store = await Store.open(dir);
  return { hub: new Hub(store, undefined, NO_CHECKPOINT), store };
}

async function main(): Promise<void> {
  const target = Number(process.env.BENCH_STORED ?? 1000);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('type-cost-child needs --expose-gc');
  const t0 = performance.now();
  const built = await mkdtemp(join(tmpdir(), 'gatecare-types-built-'));
  let work = '';
  {
    const store = await Store.open(built);
    const seeded = await seedDemoIfEmpty(store);
    const hub = new Hub(store);
    if (seeded) await seeded(hub);
    for (const [who, body] of setupSteps(hub.current)) {
      const ack = await hub.submit(envelope(who, body), who);
      if (!ack.ok) throw new Error(`bench set-up ${body.type} refused: ${ack.reason}`);
    }
    await fill(hub, target);
    // A clean stop writes the checkpoint, so each reopening starts from it rather than replaying the log.
    await hub.close();
  }
  const reopen = async (): Promise<{ hub: Hub; store: Store }> => {
    if (work) await rm(work, { recursive: true, force: true });
    work = await mkdtemp(join(tmpdir(), 'gatecare-types-work-'));
    await cp(built, work, { recursive: true });
    return open(work);
  };
  let { hub, store } = await reopen();
  const base = hub.seq;
  const reopenNow = async (): Promise<Reopened> => {
    const t = performance.now();
    await hub.flush();
    await store.close();
    ({ hub, store } = await reopen());
    return { reopened: true, ms: Math.round(performance.now() - t) };
  };
  const ready: TypeChildReady = {
    ready: true,
    stored: hub.seq,
    requests: Object.keys(hub.current.requests).length,
    vouchers: Object.keys(hub.current.vouchers).length,
    buildSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  process.send!(ready);
  const profiler = process.env.BENCH_TYPE_WAVE_PROFILE ? new WaveProfiler(process.env.BENCH_TYPE_WAVE_PROFILE, `at${target}`) : null;

  const wave = async (type: TimedType, n: number): Promise<WaveCost> => {
    // A few untimed first, through the same preparation: a hub just reopened builds its indexes on first use.
    await step(hub, type, await prepared(hub, type, 3));
    const items = await prepared(hub, type, n);
    await hub.flush();
    const stored = hub.seq;
    gc();
    await settled();
    // Sampling costs CPU: with a wave profile the costs below are the profile's, not the measure's.
    await profiler?.start();
    const cpu0 = process.cpuUsage();
    const thread0 = threadCpuMs();
    const elu0 = performance.eventLoopUtilization();
    const w0 = performance.now();
    await step(hub, type, items);
    const wallMs = performance.now() - w0;
    const thread1 = threadCpuMs();
    const cpu = process.cpuUsage(cpu0);
    const busyMs = performance.eventLoopUtilization(elu0).active;
    await profiler?.stop(type);
    const gcs = await gcBetween(w0, w0 + wallMs);
    return {
      type,
      ops: n,
      cpuMs: (cpu.user + cpu.system) / 1000,
      threadCpuMs: thread0 === null || thread1 === null ? null : thread1 - thread0,
      wallMs,
      busyMs,
      ...gcs,
      stored,
      grown: hub.seq - base,
      requests: Object.keys(hub.current.requests).length,
      vouchers: Object.keys(hub.current.vouchers).length,
    };
  };

  process.on('message', (m: TypeChildCommand) => {
    if (m.cmd === 'exit') {
      for (const dir of [built, work]) rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }
    (m.cmd === 'reopen' ? reopenNow() : wave(m.type, m.n)).then(
      (r) => process.send!(r),
      (e: unknown) => process.send!({ ok: 'error', message: (e as Error).message }),
    );
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
