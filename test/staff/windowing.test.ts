import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ListLayout } from '../../staff-app/src/queue/list-layout.ts';
import { arrayPositions, itemOffsets, visibleRange } from '../../staff-app/src/queue/windowing.ts';

/** The arithmetic behind the staff tablet's windowed queue: which cards are drawn, and the space for the rest. */
describe('windowed list arithmetic', () => {
  it('draws the cards overlapping the viewport and its margins, the padding keeping the full height', () => {
    const offsets = itemOffsets([100, 200, 100, 100, 300, 100], 10);
    expect([...offsets]).toEqual([0, 110, 320, 430, 540, 850, 950]);
    // Viewport 300–500 with 50 px margins (250–550): items 1 (110–310) to 4 (540–840).
    expect(visibleRange(arrayPositions(offsets), 10, 300, 500, 50)).toEqual({ start: 1, end: 5, before: 110, after: 950 - 850 + 10 });
    expect(visibleRange(arrayPositions(offsets), 10, 0, 100, 0)).toEqual({ start: 0, end: 1, before: 0, after: 950 - 110 + 10 });
    expect(visibleRange(arrayPositions(offsets), 10, 900, 1200, 0)).toEqual({ start: 5, end: 6, before: 850, after: 0 });
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
          const r = visibleRange(arrayPositions(offsets), gap, top, top + size, overscan);
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

  it('the kept layout answers as offsets worked out afresh, through any sequence of inserts, removals, new lists and height changes', () => {
    // Heights in 1/64 px, as the browser's layout reports them, so sums are exact whatever their order.
    const px = fc.integer({ min: 20 * 64, max: 600 * 64 }).map((n) => n / 64);
    const step = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }), reuse: fc.boolean() }),
      fc.record({ kind: fc.constant('insertRun' as const), at: fc.nat(), count: fc.integer({ min: 20, max: 150 }) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('removeMany' as const), every: fc.integer({ min: 2, max: 5 }) }),
      // Several pushes drawn in one render: inserts and removals at places far apart, and a request moving.
      fc.record({
        kind: fc.constant('scatter' as const),
        at: fc.nat(),
        places: fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 2, maxLength: 6 }),
      }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('newList' as const), size: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant('height' as const), at: fc.nat(), px }),
      fc.record({ kind: fc.constant('gap' as const), gap: fc.integer({ min: 0, max: 24 * 4 }).map((n) => n / 4) }),
      fc.record({ kind: fc.constant('estimate' as const), px }),
      fc.record({ kind: fc.constant('same' as const) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(step, { maxLength: 40 }),
        fc.array(fc.integer({ min: -1000, max: 120_000 }), { minLength: 1, maxLength: 4 }),
        (initial, steps, tops) => {
          let next = 0;
          const fresh = () => `r${next++}`;
          let keys: string[] = Array.from({ length: initial }, fresh);
          const measured = new Map<string, number>();
          let estimate = 190;
          let gap = 0;
          const gone: string[] = [];
          const layout = new ListLayout(estimate);
          layout.follow(keys);
          const check = () => {
            const expected = itemOffsets(
              keys.map((k) => measured.get(k) ?? estimate),
              gap,
            );
            expect(layout.count).toBe(keys.length);
            for (let i = 0; i <= keys.length; i++) if (layout.offset(i) !== expected[i]) expect([i, layout.offset(i)]).toEqual([i, expected[i]]);
            for (const top of tops) {
              expect(visibleRange(layout, gap, top, top + 768, 900)).toEqual(visibleRange(arrayPositions(expected), gap, top, top + 768, 900));
              expect(layout.firstEndingBelow(top)).toBe(arrayPositions(expected).firstEndingBelow(top));
            }
          };
          check();
          for (const s of steps) {
            keys = [...keys];
            const at = 'at' in s ? s.at % (keys.length + 1) : 0;
            if (s.kind === 'insert') keys.splice(at, 0, ...Array.from({ length: s.count }, () => (s.reuse && gone.length ? gone.pop()! : fresh())));
            else if (s.kind === 'insertRun') keys.splice(at, 0, ...Array.from({ length: s.count }, fresh));
            else if (s.kind === 'remove') gone.push(...keys.splice(at, s.count));
            else if (s.kind === 'replace') gone.push(...keys.splice(at, s.count, ...Array.from({ length: s.count }, fresh)));
            else if (s.kind === 'scatter')
              for (const [place, add] of s.places) {
                const p = place % (keys.length + 1);
                if (add) keys.splice(p, 0, fresh());
                else gone.push(...keys.splice(p, 1));
              }
            else if (s.kind === 'move') {
              const [moved] = keys.splice(at, 1);
              if (moved !== undefined) keys.splice(s.to % (keys.length + 1), 0, moved);
            } else if (s.kind === 'removeMany') keys = keys.filter((k, i) => i % s.every === 0 || !gone.push(k));
            else if (s.kind === 'newList') keys = Array.from({ length: s.size }, fresh);
            else if (s.kind === 'height') {
              // A height of a key in the list, or of one that left it (measured as it went).
              const key = keys.length && at < keys.length ? keys[at]! : (gone[0] ?? 'never-listed');
              const changed = Math.abs((measured.get(key) ?? -1) - s.px) > 0.5;
              if (changed) measured.set(key, s.px);
              expect(layout.setHeight(key, s.px)).toBe(changed);
            } else if (s.kind === 'gap') {
              gap = s.gap;
              layout.setGap(gap);
            } else if (s.kind === 'estimate') {
              estimate = s.px;
              layout.setEstimate(estimate);
            }
            layout.follow(keys);
            check();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
