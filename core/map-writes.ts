/**
 * What was written into a map of requests or vouchers in place (ApplyContext.inPlace).
 * A map written in place keeps its identity, so a screen that derives something from it
 * (a sorted queue, vouchers per request) memoises on the map and its write count together,
 * and a device's storage saves only the keys written since its last save. A copied map (pure
 * reducer) is a new object: its count starts at 0 and nobody tracks it yet.
 */
const writes = new WeakMap<object, number>();
/** Keys written since the last takeWrites, only for maps someone asked to track (the hub tracks none). */
const journals = new WeakMap<object, Set<string>>();

export function noteMapWrite(map: object, key: string): void {
  writes.set(map, (writes.get(map) ?? 0) + 1);
  journals.get(map)?.add(key);
}

export function mapWrites(map: object): number {
  return writes.get(map) ?? 0;
}

/** From now on, remembers which keys of `map` are written in place. */
export function trackWrites(map: object): void {
  journals.set(map, new Set());
}

/** The keys written since trackWrites or the previous call, forgotten once returned; null for a map not tracked. */
export function takeWrites(map: object): string[] | null {
  const keys = journals.get(map);
  if (!keys) return null;
  const out = [...keys];
  keys.clear();
  return out;
}
