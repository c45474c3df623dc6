/**
 * Cost of every operation type with 1,000 and with 100,000 operations stored, timed on its own, so
 * that one type whose cost grows with the stored history cannot hide behind the cheap ones.
 *
 * Two hub processes (bench/type-cost-child.ts), one per size, each its own heap; the waves alternate
 * between them (which side goes first alternates too), so a machine getting busier or quieter moves
 * both sides of a ratio alike. Each wave is WAVE operations of one type submitted together, after a
 * forced GC and a wait until the process is quiet. The cost is the CPU time of the hub's main thread
 * (bench/thread-cpu.ts; the process's CPU and the wall time are kept beside it). Per type: the median
 * per-op cost at each size, and the paired ratio 100k ÷ 1k (bench/paired-ratio.ts): the median of the
 * per-round ratios with a bootstrap 95 % interval, so growth (the whole interval above 1.2×) is told
 * from noise (an interval across it).
 *
 * Reference data: a few types add outlets, notices, flights or shuttles, and operations on those maps
 * cost with their size. Each round starts with both sides reopened from their first build, runs the
 * other types first (the small side is reopened whenever it has grown by SMALL_GROWTH, which changes
 * no reference data, since none of them adds any), then the types that add reference data with no
 * reopening, so at every wave both sides hold exactly what the same commands made. (Before, the small
 * side was reopened ten times as often as the large one, so the large side carried more of the bench's
 * own outlets and notices: a copy of a 100-key map costs more than some whole operations.)
 */
import type { OpType } from '../core/index.ts';
import { OP_REGISTRY } from '../core/registry.ts';
import { Child } from './children.ts';
import { pairedRatio, seeded, verdict, type PairedRatio, type Verdict } from './paired-ratio.ts';
import { round } from './stats.ts';
import type { Reopened, TypeChildCommand, TypeChildReady, WaveCost } from './type-cost-child.ts';
import { ADDS_REFERENCE_DATA, BEFORE, NOT_TIMED, TIMED_TYPES, type TimedType } from './type-steps.ts';

export const WAVE = Number(process.env.BENCH_TYPE_WAVE ?? 150);
export const ROUNDS = Number(process.env.BENCH_TYPE_ROUNDS ?? 9);
/** The small side is reopened from its first build once the waves have added this many operations. */
export const SMALL_GROWTH = 2_000;
/** Each type's target: cost per op at 100k stored ÷ at 1k. */
export const LIMIT = 1.2;
const WARM_UP = 3;
/** `BENCH_TYPE_ONLY=outlet.revoke,hotel.rooms`: those types alone, e.g. to profile them (`BENCH_TYPE_PROFILE=<dir>`). */
const ONLY = process.env.BENCH_TYPE_ONLY?.split(',').filter(Boolean) ?? [];
const PROFILE_ARGS = process.env.BENCH_TYPE_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_TYPE_PROFILE}`] : [];

function typesToTime(): TimedType[] {
  const unknown = ONLY.filter((t) => !(TIMED_TYPES as string[]).includes(t));
  if (unknown.length) throw new Error(`BENCH_TYPE_ONLY names ${unknown.join(', ')}, which the per-type bench does not time`);
  return ONLY.length ? TIMED_TYPES.filter((t) => ONLY.includes(t)) : TIMED_TYPES;
}

export interface SideCost {
  /** Median over the rounds, per operation. */
  threadCpuMsPerOp: number | null;
  cpuMsPerOp: number;
  wallMsPerOp: number;
  /** The main thread's busy time (see WaveCost.busyMs). */
  busyMsPerOp: number;
  /** The main thread's GC pauses inside the waves (see WaveCost.gcMs), the mean over the rounds (most waves have none), and the major ones over all rounds. */
  gcMsPerOp: number;
  majorGcs: number;
}

export interface RatioSummary extends PairedRatio {
  verdict: Verdict;
}

export interface TypeCost {
  at1k: SideCost;
  at100k: SideCost;
  /** 100k ÷ 1k on the measure the verdict is taken on (`ByTypeResult.measure`). */
  ratio: RatioSummary;
  /** The same on each measure: main-thread CPU (null where the platform does not give it), process CPU, wall, main-thread busy. */
  ratios: { threadCpu: RatioSummary | null; cpu: RatioSummary; wall: RatioSummary; busy: RatioSummary };
  /** Per round, per operation, in ms: [main-thread CPU (or null), process CPU, wall] at 1k and at 100k. */
  raw: { at1k: Array<[number | null, number, number]>; at100k: Array<[number | null, number, number]> };
}

export interface SizeFacts {
  /** Operations stored, requests and vouchers in the state, as built and (mean) when the waves ran. */
  built: { stored: number; requests: number; vouchers: number; buildSeconds: number };
  meanStoredAtWave: number;
  reopens: number;
  reopenMsMedian: number;
}

export interface ByTypeResult {
  method: string;
  measure: 'main-thread CPU' | 'process CPU';
  limit: number;
  wave: number;
  rounds: number;
  seconds: number;
  sizes: { at1k: SizeFacts; at100k: SizeFacts };
  /** Every timed type (only those of BENCH_TYPE_ONLY when set). */
  costs: Partial<Record<TimedType, TypeCost>>;
  /** How many types: median ≤ limit, and by verdict of the interval. */
  count: { types: number; medianWithin: number; flat: number; grows: number; undecided: number };
  /** Operation types of the registry this bench does not time, with why. */
  notTimed: Partial<Record<OpType, string>>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A fixed shuffle per round, so runs are comparable and no type always follows the same one. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rand = seeded(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every registry type is either timed or listed with a reason. */
export function untimedTypes(): OpType[] {
  return (Object.keys(OP_REGISTRY) as OpType[]).filter((t) => !(TIMED_TYPES as string[]).includes(t) && !NOT_TIMED[t]);
}

/** Operations a wave of `type` adds with its preparation and warm-up. */
function opsOfWave(type: TimedType, n: number): number {
  return (BEFORE[type].length + 1) * (n + WARM_UP);
}

function summary(small: number[], large: number[]): RatioSummary {
  const r = pairedRatio(small, large);
  const rounded = { ...r, median: round(r.median, 2), low: round(r.low, 2), high: round(r.high, 2), min: round(r.min, 2), max: round(r.max, 2) };
  return { ...rounded, verdict: verdict(r, LIMIT) };
}

export async function costByType(log: (msg: string) => void = () => {}): Promise<ByTypeResult> {
  const missing = untimedTypes();
  if (missing.length) throw new Error(`the per-type bench neither times nor explains ${missing.join(', ')}: add it to bench/type-steps.ts`);
  const types = typesToTime();
  const t0 = Date.now();
  const sizes = [
    { name: 'at1k' as const, stored: 1_000 },
    { name: 'at100k' as const, stored: Number(process.env.BENCH_TYPE_LARGE ?? 100_000) },
  ];
  const children = sizes.map((s) => new Child('./type-cost-child.ts', { BENCH_STORED: String(s.stored) }, ['--expose-gc', ...PROFILE_ARGS]));
  try {
    // Built one after the other: two fills at once would only share the two cores.
    const built: TypeChildReady[] = [];
    for (const [i, c] of children.entries()) {
      const r = await c.next<TypeChildReady | { ok: 'error'; message: string }>();
      if ('ok' in r) throw new Error(`per-type bench at ${sizes[i]!.name}: ${r.message}`);
      built.push(r);
      log(`per type: ${sizes[i]!.name} built with ${r.stored} operations, ${r.requests} requests, ${r.vouchers} vouchers in ${r.buildSeconds} s`);
    }
    const grown = [0, 0];
    const reopenMs: [number[], number[]] = [[], []];
    const reopen = async (side: number): Promise<void> => {
      reopenMs[side]!.push((await children[side]!.ask<Reopened>({ cmd: 'reopen' })).ms);
      grown[side] = 0;
    };
    const waves: Record<TimedType, [WaveCost[], WaveCost[]]> = Object.fromEntries(types.map((t) => [t, [[], []]])) as never;
    for (let r = 0; r < ROUNDS; r++) {
      // Both sides back to their first build: the reference data the last round added are gone from both.
      await reopen(0);
      await reopen(1);
      const order = shuffled(types, r + 1);
      const plain = order.filter((t) => !ADDS_REFERENCE_DATA.includes(t));
      const makers = order.filter((t) => ADDS_REFERENCE_DATA.includes(t));
      for (const type of [...plain, ...makers]) {
        const ops = opsOfWave(type, WAVE);
        // Reopening drops reference data: only before the types that add some, or while none were added.
        if (type === makers[0] || (!ADDS_REFERENCE_DATA.includes(type) && grown[0]! + ops > SMALL_GROWTH)) await reopen(0);
        const sides = (r + TIMED_TYPES.indexOf(type)) % 2 ? [1, 0] : [0, 1];
        const ask: TypeChildCommand = { cmd: 'wave', type, n: WAVE };
        for (const side of sides) {
          const w = await children[side]!.ask<WaveCost>(ask);
          waves[type][side]!.push(w);
          grown[side] = w.grown;
        }
      }
      log(`per type: round ${r + 1} of ${ROUNDS}`);
    }
    const threadCpuKnown = types.every((t) => waves[t].every((side) => side.every((w) => w.threadCpuMs !== null)));
    const costs: Partial<Record<TimedType, TypeCost>> = {};
    const perOp = (w: WaveCost[], k: 'threadCpuMs' | 'cpuMs' | 'wallMs' | 'busyMs' | 'gcMs'): number[] => w.map((x) => (x[k] ?? NaN) / x.ops);
    for (const type of types) {
      const [small, large] = waves[type];
      const side = (w: WaveCost[]): SideCost => ({
        threadCpuMsPerOp: threadCpuKnown ? round(median(perOp(w, 'threadCpuMs')), 3) : null,
        cpuMsPerOp: round(median(perOp(w, 'cpuMs')), 3),
        wallMsPerOp: round(median(perOp(w, 'wallMs')), 3),
        busyMsPerOp: round(median(perOp(w, 'busyMs')), 3),
        gcMsPerOp: round(perOp(w, 'gcMs').reduce((a, b) => a + b, 0) / w.length, 4),
        majorGcs: w.reduce((n, x) => n + x.majorGcs, 0),
      });
      const ratios = {
        threadCpu: threadCpuKnown ? summary(perOp(small, 'threadCpuMs'), perOp(large, 'threadCpuMs')) : null,
        cpu: summary(perOp(small, 'cpuMs'), perOp(large, 'cpuMs')),
        wall: summary(perOp(small, 'wallMs'), perOp(large, 'wallMs')),
        busy: summary(perOp(small, 'busyMs'), perOp(large, 'busyMs')),
      };
      const raw = (w: WaveCost[]): Array<[number | null, number, number]> =>
        w.map((x) => [x.threadCpuMs === null ? null : round(x.threadCpuMs / x.ops, 4), round(x.cpuMs / x.ops, 4), round(x.wallMs / x.ops, 4)]);
      costs[type] = {
        at1k: side(small),
        at100k: side(large),
        ratio: ratios.threadCpu ?? ratios.cpu,
        ratios,
        raw: { at1k: raw(small), at100k: raw(large) },
      };
    }
    const meanStored = (side: 0 | 1): number => {
      const all = types.flatMap((t) => waves[t][side]!.map((w) => w.stored));
      return Math.round(all.reduce((a, b) => a + b, 0) / all.length);
    };
    const facts = (i: 0 | 1): SizeFacts => {
      const b = built[i]!;
      return {
        built: { stored: b.stored, requests: b.requests, vouchers: b.vouchers, buildSeconds: b.buildSeconds },
        meanStoredAtWave: meanStored(i),
        reopens: reopenMs[i]!.length,
        reopenMsMedian: median(reopenMs[i]!),
      };
    };
    const all = Object.values(costs);
    const measure = threadCpuKnown ? 'main-thread CPU' : 'process CPU';
    return {
      method:
        `two hub processes (1k and 100k stored), ${ROUNDS} rounds, each round every type once on each, alternating which goes first; ` +
        `${WAVE} operations a wave after a forced GC and a wait for a quiet process; cost = ${measure} per op; ` +
        `ratio = median of the per-round ratios 100k ÷ 1k, bootstrap 95 % interval of that median; ` +
        `each round starts from both first builds and runs the types that add reference data last, with no reopening`,
      measure,
      limit: LIMIT,
      wave: WAVE,
      rounds: ROUNDS,
      seconds: Math.round((Date.now() - t0) / 1000),
      sizes: { at1k: facts(0), at100k: facts(1) },
      costs,
      count: {
        types: all.length,
        medianWithin: all.filter((c) => c.ratio.median <= LIMIT).length,
        flat: all.filter((c) => c.ratio.verdict === 'flat').length,
        grows: all.filter((c) => c.ratio.verdict === 'grows').length,
        undecided: all.filter((c) => c.ratio.verdict === 'undecided').length,
      },
      notTimed: NOT_TIMED,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}

const x = (r: PairedRatio): string => `${r.median.toFixed(2)}× [${r.low.toFixed(2)}–${r.high.toFixed(2)}]`;
const ms = (v: number | null): string => (v === null ? '–' : v.toFixed(3));

/** The table's lines: base cost, ratio with its interval and verdict per type, the worst first. */
export function byTypeLines(r: ByTypeResult): string[] {
  const rows = (Object.entries(r.costs) as Array<[TimedType, TypeCost]>).sort((a, b) => b[1].ratio.median - a[1].ratio.median);
  return [
    `${r.count.types} types: median ≤ ${r.limit}× ${r.count.medianWithin}; by the 95 % interval: flat ${r.count.flat}, grows ${r.count.grows}, not told apart ${r.count.undecided} (${r.measure})`,
    ...rows.map(
      ([t, c]) =>
        `${t.padEnd(22)} ${c.ratio.verdict.padEnd(9)} thread CPU ${ms(c.at1k.threadCpuMsPerOp)} → ${ms(c.at100k.threadCpuMsPerOp)} ms ${c.ratios.threadCpu ? x(c.ratios.threadCpu) : '–'}` +
        `   process CPU ${c.at1k.cpuMsPerOp.toFixed(3)} → ${c.at100k.cpuMsPerOp.toFixed(3)} ms ${x(c.ratios.cpu)}` +
        `   wall ${c.at1k.wallMsPerOp.toFixed(3)} → ${c.at100k.wallMsPerOp.toFixed(3)} ms ${x(c.ratios.wall)}` +
        `   GC in waves ${c.at1k.gcMsPerOp.toFixed(4)} → ${c.at100k.gcMsPerOp.toFixed(4)} ms (major ${c.at1k.majorGcs} / ${c.at100k.majorGcs})`,
    ),
  ];
}

/** `npx tsx bench/history-by-type.ts`: this measure alone, printed. */
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const r = await costByType((m) => console.log(`[per type ${new Date().toISOString().slice(11, 19)}] ${m}`));
  console.log(r.method);
  console.log(`stored: 1k side ${r.sizes.at1k.meanStoredAtWave} on average, 100k side ${r.sizes.at100k.meanStoredAtWave}; ${r.seconds} s`);
  for (const l of byTypeLines(r)) console.log(l);
  console.log(JSON.stringify(r));
}
