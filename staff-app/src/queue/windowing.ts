/** The arithmetic of a windowed list, apart from React and the DOM so it can be tested on its own. */

export interface WindowRange {
  start: number;
  /** One past the last item drawn. */
  end: number;
  /** Space standing in for the items above and below the window, in px. */
  before: number;
  after: number;
}

/** Where a list's items are, however that is kept (`ListLayout` for the queue, an array of offsets in tests). */
export interface Positions {
  readonly count: number;
  /** Where item i starts (px from the list's top, gaps included); offset(count) is the whole list's height. */
  offset(i: number): number;
  /** The first item whose end (with the gap after it) is below y, or count. */
  firstEndingBelow(y: number): number;
}

/** Where each item starts (px from the list's top, gaps included), plus the total height at the end: worked out in one pass. */
export function itemOffsets(heights: readonly number[], gap: number): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  const last = heights.length - 1;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]! + (i < last ? gap : 0);
  return offsets;
}

/** Positions read from an array of itemOffsets. */
export function arrayPositions(offsets: Float64Array): Positions {
  const count = offsets.length - 1;
  return {
    count,
    offset: (i) => offsets[i]!,
    firstEndingBelow(y) {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (offsets[mid + 1]! <= y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/**
 * The items that overlap [top - overscan, bottom + overscan] (list coordinates; an item counts
 * with the gap after it), and the space standing in for the rest, so the list keeps its full height.
 */
export function visibleRange(positions: Positions, gap: number, top: number, bottom: number, overscan: number): WindowRange {
  const { count } = positions;
  const total = positions.offset(count);
  const to = bottom + overscan;
  const start = positions.firstEndingBelow(top - overscan);
  let end = start;
  while (end < count && positions.offset(end) < to) end++;
  const before = positions.offset(start);
  if (start === end) return { start, end, before, after: total - before };
  return { start, end, before, after: end < count ? total - positions.offset(end) + gap : 0 };
}
