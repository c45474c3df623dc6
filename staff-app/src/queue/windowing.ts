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

/** Offsets worked out for a list of keys, to start the next ones from. */
export interface KeptOffsets {
  keys: readonly string[];
  offsets: Float64Array;
}

/**
 * offsetsOf(keys), reusing `prev` (computed with the same heights and gap) up to the first key that
 * differs: keys are compared by identity, so a push that adds a request near the end of a queue of
 * 2,000 looks up the heights of the few keys after it, not of all of them.
 */
export function followOffsets(prev: KeptOffsets | null, keys: readonly string[], heightOf: (key: string) => number, gap: number): Float64Array {
  if (!prev) return offsetsOf(keys, heightOf, gap);
  const same = Math.min(prev.keys.length, keys.length);
  let d = 0;
  while (d < same && prev.keys[d] === keys[d]) d++;
  // Where keys d-1 and after start may differ (the gap after key d-1 depends on whether another follows it).
  const from = Math.max(0, d - 1);
  const offsets = new Float64Array(keys.length + 1);
  offsets.set(prev.offsets.subarray(0, from + 1));
  const last = keys.length - 1;
  for (let i = from; i < keys.length; i++) offsets[i + 1] = offsets[i]! + heightOf(keys[i]!) + (i < last ? gap : 0);
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
