/** The arithmetic of a windowed list, apart from React and the DOM so it can be tested on its own. */

export interface WindowRange {
  start: number;
  /** One past the last item drawn. */
  end: number;
  /** Space standing in for the items above and below the window, in px. */
  before: number;
  after: number;
}

/** Where each item starts (px from the list's top, gaps included), plus the total height at the end. */
export function itemOffsets(heights: readonly number[], gap: number): Float64Array {
  return offsetsOf(heights, (h) => h, gap);
}

/** itemOffsets of the items' heights, read in the same pass (a surge's queue is not copied to read them). */
export function offsetsOf<T>(items: readonly T[], heightOf: (item: T) => number, gap: number): Float64Array {
  const offsets = new Float64Array(items.length + 1);
  const last = items.length - 1;
  for (let i = 0; i < items.length; i++) offsets[i + 1] = offsets[i]! + heightOf(items[i]!) + (i < last ? gap : 0);
  return offsets;
}

/**
 * The items that overlap [top - overscan, bottom + overscan] (list coordinates; an item counts
 * with the gap after it), and the space standing in for the rest, so the list keeps its full height.
 */
export function visibleRange(offsets: Float64Array, gap: number, top: number, bottom: number, overscan: number): WindowRange {
  const count = offsets.length - 1;
  const total = offsets[count]!;
  const from = top - overscan;
  const to = bottom + overscan;
  // First item ending below `from`.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= from) lo = mid + 1;
    else hi = mid;
  }
  const start = lo;
  let end = start;
  while (end < count && offsets[end]! < to) end++;
  if (start === end) return { start, end, before: offsets[start]!, after: total - offsets[start]! };
  return { start, end, before: offsets[start]!, after: end < count ? total - offsets[end]! + gap : 0 };
}
