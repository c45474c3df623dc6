import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { followOffsets, itemOffsets, offsetsOf, visibleRange } from '../../staff-app/src/queue/windowing.ts';

/** The arithmetic behind the staff tablet's windowed queue: which cards are drawn, and the space for the rest. */
describe('windowed list arithmetic', () => {
  it('draws the cards overlapping the viewport and its margins, the padding keeping the full height', () => {
    const offsets = itemOffsets([100, 200, 100, 100, 300, 100], 10);
    expect([...offsets]).toEqual([0, 110, 320, 430, 540, 850, 950]);
    // Viewport 300–500 with 50 px margins (250–550): items 1 (110–310) to 4 (540–840).
    expect(visibleRange(offsets, 10, 300, 500, 50)).toEqual({ start: 1, end: 5, before: 110, after: 950 - 850 + 10 });
    expect(visibleRange(offsets, 10, 0, 100, 0)).toEqual({ start: 0, end: 1, before: 0, after: 950 - 110 + 10 });
    expect(visibleRange(offsets, 10, 900, 1200, 0)).toEqual({ start: 5, end: 6, before: 850, after: 0 });
  });

  it('drawn heights plus padding always equal the whole list, and the window covers the viewport', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 600 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: -500, max: 60_000 }),
        fc.integer({ min: 100, max: 1500 }),
        fc.integer({ min: 0, max: 1000 }),
        (heights, gap, top, size, overscan) => {
          const offsets = itemOffsets(heights, gap);
          const total = offsets[heights.length]!;
          const r = visibleRange(offsets, gap, top, top + size, overscan);
          const drawn = heights.slice(r.start, r.end);
          const drawnHeight = drawn.reduce((a, h) => a + h, 0) + Math.max(0, drawn.length - 1) * gap;
          expect(r.before + drawnHeight + r.after).toBeCloseTo(total, 6);
          // Every item overlapping the viewport is drawn.
          heights.forEach((h, i) => {
            const overlaps = offsets[i]! < top + size && offsets[i]! + h > top;
            if (overlaps) expect(i >= r.start && i < r.end).toBe(true);
          });
        },
      ),
    );
  });

  it('offsets followed from the previous keys equal offsets worked out afresh, whatever was added, removed or replaced', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const keys = fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 12 });
    fc.assert(
      fc.property(
        keys,
        keys,
        fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 20, max: 600 })),
        fc.integer({ min: 0, max: 24 }),
        (before, after, measured, gap) => {
          const heightOf = (k: string) => measured[k] ?? 190;
          const prev = { keys: before, offsets: offsetsOf(before, heightOf, gap) };
          expect([...followOffsets(prev, after, heightOf, gap)]).toEqual([...offsetsOf(after, heightOf, gap)]);
        },
      ),
    );
  });
});
