import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pairedRatio, verdict } from '../../bench/paired-ratio.ts';

describe('the per-type bench’s paired ratio', () => {
  it('gives the median of the per-round ratios, not the ratio of the medians', () => {
    // Round 3 ran while the machine was busy: both sides dearer, its ratio still 1.
    const r = pairedRatio([1, 1, 10, 1, 1], [1.1, 1.1, 10, 1.1, 1.1]);
    expect(r.median).toBeCloseTo(1.1);
    expect(r.min).toBeCloseTo(1);
    expect(r.max).toBeCloseTo(1.1);
    expect(r.rounds).toBe(5);
  });

  it('has an interval that holds the median and lies within the rounds’ range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })), {
          minLength: 1,
          maxLength: 15,
        }),
        (pairs) => {
          const r = pairedRatio(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            500,
          );
          expect(r.low).toBeLessThanOrEqual(r.high);
          expect(r.low).toBeGreaterThanOrEqual(r.min);
          expect(r.high).toBeLessThanOrEqual(r.max);
          expect(r.median).toBeGreaterThanOrEqual(r.min);
          expect(r.median).toBeLessThanOrEqual(r.max);
        },
      ),
    );
  });

  it('tells growth from noise: a steady 1.5× grows, a 1.1× wobbling between 0.5× and 2× is not told apart', () => {
    const steady = pairedRatio([1, 1, 1, 1, 1, 1, 1, 1, 1], [1.45, 1.5, 1.55, 1.5, 1.48, 1.52, 1.5, 1.47, 1.53]);
    expect(verdict(steady, 1.2)).toBe('grows');
    const noisy = pairedRatio([1, 1, 1, 1, 1, 1, 1, 1, 1], [0.5, 2, 1.1, 0.6, 1.9, 1.1, 0.7, 1.8, 1.2]);
    expect(noisy.median).toBeCloseTo(1.1);
    expect(verdict(noisy, 1.2)).toBe('undecided');
    const flat = pairedRatio([1, 1, 1, 1, 1, 1, 1, 1, 1], [0.98, 1.02, 1, 1.01, 0.99, 1.03, 1, 0.97, 1.02]);
    expect(verdict(flat, 1.2)).toBe('flat');
  });

  it('is the same for the same figures (a fixed seed), so a result can be recomputed from its raw figures', () => {
    const small = [1, 1.2, 0.9, 1.1, 1];
    const large = [1.3, 1.1, 1.4, 1.2, 0.9];
    expect(pairedRatio(small, large)).toEqual(pairedRatio(small, large));
  });

  it('refuses figures that cannot be paired, saying why', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow('2 small figures against 1 large');
    expect(() => pairedRatio([], [])).toThrow('no rounds');
    expect(() => pairedRatio([1, 0], [1, 1])).toThrow('round 2 has a small side of 0');
  });
});
