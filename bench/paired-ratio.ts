/**
 * A paired ratio with its uncertainty: each round measures both sides within seconds of each other,
 * so a round's ratio large ÷ small cancels what the machine was doing then; the rounds' ratios are then
 * summarised by their median, with a bootstrap 95 % confidence interval of that median (rounds drawn
 * again with replacement, a fixed seed so a result can be recomputed from its raw figures).
 *
 * The median, not the mean: one round in which a collection or another process lands on one side
 * gives a ratio of 3 or 0.3, and such rounds are not rare on a shared machine. The interval says
 * whether a median above a limit is growth (the whole interval above it) or could be noise.
 */

export interface PairedRatio {
  /** Median of the per-round ratios. */
  median: number;
  /** Bootstrap 95 % interval of that median. */
  low: number;
  high: number;
  min: number;
  max: number;
  rounds: number;
}

/** Against a limit: under it with the whole interval, over it with the whole interval, or not told apart. */
export type Verdict = 'flat' | 'grows' | 'undecided';

export function median(xs: readonly number[]): number {
  if (!xs.length) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** mulberry32: a small seeded generator, so the same figures always give the same interval. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(sorted: Float64Array, q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

/**
 * The paired ratio of `large[i] / small[i]` over the rounds. Both arrays hold one figure per round,
 * in the same order; a round where the small side cost nothing cannot give a ratio and is refused.
 */
export function pairedRatio(small: readonly number[], large: readonly number[], resamples = 4000, seed = 1): PairedRatio {
  if (small.length !== large.length) throw new Error(`paired ratio: ${small.length} small figures against ${large.length} large`);
  if (!small.length) throw new Error('paired ratio: no rounds');
  const ratios = small.map((s, i) => {
    if (!(s > 0)) throw new Error(`paired ratio: round ${i + 1} has a small side of ${s}, no ratio`);
    return large[i]! / s;
  });
  const rand = seeded(seed);
  const medians = new Float64Array(resamples);
  const draw = new Array<number>(ratios.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < ratios.length; i++) draw[i] = ratios[Math.floor(rand() * ratios.length)]!;
    medians[b] = median(draw);
  }
  medians.sort();
  return {
    median: median(ratios),
    low: quantile(medians, 0.025),
    high: quantile(medians, 0.975),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    rounds: ratios.length,
  };
}

export function verdict(r: Pick<PairedRatio, 'low' | 'high'>, limit: number): Verdict {
  if (r.high <= limit) return 'flat';
  if (r.low > limit) return 'grows';
  return 'undecided';
}
