/**
 * How many times a map of requests or vouchers was written in place (ApplyContext.inPlace).
 * A map written in place keeps its identity, so a screen that derives something from it
 * (a sorted queue, vouchers per request) memoises on the map and this count together.
 * A copied map (pure reducer) is a new object and starts at 0.
 */
const writes = new WeakMap<object, number>();

export function noteMapWrite(map: object): void {
  writes.set(map, (writes.get(map) ?? 0) + 1);
}

export function mapWrites(map: object): number {
  return writes.get(map) ?? 0;
}
