/**
 * Cost of every operation type with 1,000 and with 100,000 operations stored, timed on its own, so
 * that one type whose cost grows with the stored history cannot hide behind the cheap ones.
 *
 * Two hub processes (bench/type-cost-child.ts), one per size, each its own heap; the waves alternate
 * between them (A B, then B A next round, each round in a new order of types), so a machine getting
 * busier or quieter moves both sides of a ratio alike. Each wave is WAVE operations of one type
 * submitted together, after a forced GC; CPU (the process's user + system) and wall time per op. Per
 * type: the median per-op cost at each size over the rounds, the median of the paired per-round
 * ratios, and their min and max: a ratio above 1.2× with a tight spread is growth, a wide spread is noise.
 */
import type { OpType } from '../core/index.ts';
import { OP_REGISTRY } from '../core/registry.ts';
import { Child } from './children.ts';
import { round } from './stats.ts';
import type { TypeChildCommand, TypeChildReady, WaveCost } from './type-cost-child.ts';
import { NOT_TIMED, TIMED_TYPES, type TimedType } from './type-steps.ts';

export const WAVE = 40;
export const ROUNDS = Number(process.env.BENCH_TYPE_ROUNDS ?? 9);

export interface SideCost {
  /** Median over the rounds, per operation. */
  cpuMsPerOp: number;
  wallMsPerOp: number;
  /** The main thread's busy time (see WaveCost.busyMs). */
  busyMsPerOp: number;
}

export interface TypeCost {
  at1k: SideCost;
  at100k: SideCost;
  /** Median of the per-round ratios 100k ÷ 1k, and their spread. */
  ratioCpu: number;
  ratioCpuMin: number;
  ratioCpuMax: number;
  ratioWall: number;
  ratioWallMin: number;
  ratioWallMax: number;
  ratioBusy: number;
  ratioBusyMin: number;
  ratioBusyMax: number;
}

export interface SizeFacts {
  /** Operations stored, requests and vouchers in the state, as built and (mean) when the waves ran. */
  built: { stored: number; requests: number; vouchers: number; buildSeconds: number };
  meanStoredAtWave: number;
}

export interface ByTypeResult {
  method: string;
  wave: number;
  rounds: number;
  sizes: { at1k: SizeFacts; at100k: SizeFacts };
  costs: Record<TimedType, TypeCost>;
  /** Operation types of the registry this bench does not time, with why. */
  notTimed: Partial<Record<OpType, string>>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A fixed shuffle per round (mulberry32), so runs are comparable and no type always follows the same one. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

export async function costByType(log: (msg: string) => void = () => {}): Promise<ByTypeResult> {
  const missing = untimedTypes();
  if (missing.length) throw new Error(`the per-type bench neither times nor explains ${missing.join(', ')}: add it to bench/type-steps.ts`);
  const sizes = [
    { name: 'at1k' as const, stored: 1_000, growth: 1_000 },
    { name: 'at100k' as const, stored: Number(process.env.BENCH_TYPE_LARGE ?? 100_000), growth: 8_000 },
  ];
  const children = sizes.map(
    (s) => new Child('./type-cost-child.ts', { BENCH_STORED: String(s.stored), BENCH_GROWTH: String(s.growth) }, ['--expose-gc']),
  );
  try {
    // Built one after the other: two fills at once would only share the two cores.
    const built: TypeChildReady[] = [];
    for (const [i, c] of children.entries()) {
      const r = await c.next<TypeChildReady | { ok: 'error'; message: string }>();
      if ('ok' in r) throw new Error(`per-type bench at ${sizes[i]!.name}: ${r.message}`);
      built.push(r);
      log(`per type: ${sizes[i]!.name} built with ${r.stored} operations, ${r.requests} requests, ${r.vouchers} vouchers in ${r.buildSeconds} s`);
    }
    const waves: Record<TimedType, [WaveCost[], WaveCost[]]> = Object.fromEntries(TIMED_TYPES.map((t) => [t, [[], []]])) as never;
    for (let r = 0; r < ROUNDS; r++) {
      for (const type of shuffled(TIMED_TYPES, r + 1)) {
        const order = (r + TIMED_TYPES.indexOf(type)) % 2 ? [1, 0] : [0, 1];
        const ask: TypeChildCommand = { cmd: 'wave', type, n: WAVE };
        for (const side of order) waves[type][side]!.push(await children[side]!.ask<WaveCost>(ask));
      }
      log(`per type: round ${r + 1} of ${ROUNDS}`);
    }
    const costs = {} as Record<TimedType, TypeCost>;
    for (const type of TIMED_TYPES) {
      const [small, large] = waves[type];
      type Measure = 'cpuMs' | 'wallMs' | 'busyMs';
      const per = (w: WaveCost[], k: Measure): number[] => w.map((x) => x[k] / x.ops);
      const ratios = (k: Measure): number[] => small.map((s, i) => large[i]![k] / s[k]);
      const cpu = ratios('cpuMs');
      const wall = ratios('wallMs');
      const busy = ratios('busyMs');
      const side = (w: WaveCost[]): SideCost => ({
        cpuMsPerOp: round(median(per(w, 'cpuMs')), 3),
        wallMsPerOp: round(median(per(w, 'wallMs')), 3),
        busyMsPerOp: round(median(per(w, 'busyMs')), 3),
      });
      costs[type] = {
        at1k: side(small),
        at100k: side(large),
        ratioCpu: round(median(cpu), 2),
        ratioCpuMin: round(Math.min(...cpu), 2),
        ratioCpuMax: round(Math.max(...cpu), 2),
        ratioWall: round(median(wall), 2),
        ratioWallMin: round(Math.min(...wall), 2),
        ratioWallMax: round(Math.max(...wall), 2),
        ratioBusy: round(median(busy), 2),
        ratioBusyMin: round(Math.min(...busy), 2),
        ratioBusyMax: round(Math.max(...busy), 2),
      };
    }
    const meanStored = (side: 0 | 1): number => {
      const all = TIMED_TYPES.flatMap((t) => waves[t][side]!.map((w) => w.stored));
      return Math.round(all.reduce((a, b) => a + b, 0) / all.length);
    };
    const facts = (i: 0 | 1): SizeFacts => {
      const b = built[i]!;
      return {
        built: { stored: b.stored, requests: b.requests, vouchers: b.vouchers, buildSeconds: b.buildSeconds },
        meanStoredAtWave: meanStored(i),
      };
    };
    return {
      method:
        `two hub processes (1k and 100k stored), ${ROUNDS} rounds, each round every type once on each, alternating which goes first, ` +
        `${WAVE} operations a wave after a forced GC; median per-op cost; ratio = median of the per-round ratios (min–max)`,
      wave: WAVE,
      rounds: ROUNDS,
      sizes: { at1k: facts(0), at100k: facts(1) },
      costs,
      notTimed: NOT_TIMED,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}

/** The table's lines: base cost, ratio and spread per type, the worst first. */
export function byTypeLines(r: ByTypeResult): string[] {
  const rows = (Object.entries(r.costs) as Array<[TimedType, TypeCost]>).sort((a, b) => b[1].ratioCpu - a[1].ratioCpu);
  return rows.map(
    ([t, c]) =>
      `${t.padEnd(22)} CPU ${c.at1k.cpuMsPerOp.toFixed(3)} → ${c.at100k.cpuMsPerOp.toFixed(3)} ms  ${c.ratioCpu.toFixed(2)}× (${c.ratioCpuMin.toFixed(2)}–${c.ratioCpuMax.toFixed(2)})` +
      `   main thread ${c.at1k.busyMsPerOp.toFixed(3)} → ${c.at100k.busyMsPerOp.toFixed(3)} ms  ${c.ratioBusy.toFixed(2)}× (${c.ratioBusyMin.toFixed(2)}–${c.ratioBusyMax.toFixed(2)})` +
      `   wall ${c.at1k.wallMsPerOp.toFixed(3)} → ${c.at100k.wallMsPerOp.toFixed(3)} ms  ${c.ratioWall.toFixed(2)}× (${c.ratioWallMin.toFixed(2)}–${c.ratioWallMax.toFixed(2)})`,
  );
}

/** `npx tsx bench/history-by-type.ts`: this measure alone, printed. */
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const r = await costByType((m) => console.log(`[per type ${new Date().toISOString().slice(11, 19)}] ${m}`));
  console.log(r.method);
  console.log(`stored: 1k side ${r.sizes.at1k.meanStoredAtWave} on average, 100k side ${r.sizes.at100k.meanStoredAtWave}`);
  for (const l of byTypeLines(r)) console.log(l);
  console.log(JSON.stringify(r));
}
