/**
 * Ascending lists kept sorted by insertion, for aggregates updated one item at a time: an item
 * arriving in time order lands at the end, so keeping the order costs a binary search, not a sort.
 */

/** The first index whose key is not below `key` (or past `key` when `after`). */
export function lowerBound<T>(list: readonly T[], key: number, keyOf: (item: T) => number, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = keyOf(list[mid]!);
    if (k < key || (after && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted<T>(list: T[], item: T, keyOf: (item: T) => number): void {
  list.splice(lowerBound(list, keyOf(item), keyOf, true), 0, item);
}

/** Removes one item equal to `item` (by `same`) among those with its key; false when there is none. */
export function removeSorted<T>(list: T[], item: T, keyOf: (item: T) => number, same: (a: T, b: T) => boolean): boolean {
  const key = keyOf(item);
  for (let i = lowerBound(list, key, keyOf); i < list.length && keyOf(list[i]!) === key; i++) {
    if (same(list[i]!, item)) {
      list.splice(i, 1);
      return true;
    }
  }
  return false;
}
