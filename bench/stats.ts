/** Percentiles and a plain-text table, for the bench report. */

export interface Dist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function dist(values: number[]): Dist {
  if (!values.length) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const s = Float64Array.from(values).sort();
  const at = (q: number): number => round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(s[s.length - 1]!) };
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function table(rows: Array<[string, string, string?]>): string {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const line = (r: [string, string, string?]): string => `| ${r[0].padEnd(w0)} | ${r[1].padEnd(w1)} | ${r[2] ?? ''}`.trimEnd();
  return [line(['Measure', 'Result', 'Target']), `|${'-'.repeat(w0 + 2)}|${'-'.repeat(w1 + 2)}|--------`, ...rows.map(line)].join('\n');
}
