/**
 * What was written into a map of requests or vouchers in place (ApplyContext.inPlace).
 * A map written in place keeps its identity, so a screen that derives something from it
 * (a sorted queue, vouchers per request) memoises on the map and its write count together;
 * whoever keeps a summary of a map (the duty manager's board) observes its writes; a device's
 * storage saves only the keys written since its last save. A copied map (pure reducer) is a
 * new object: its count starts at 0 and nobody observes it yet. The hub observes its durable maps
 * only while a checkpoint of them is written (server/frozen-map.ts).
 */
type WriteObserver<T> = (prev: T | undefined, next: T, key: string) => void;

interface Journal {
  writes: number;
  /** Keys written since the last takeWrites, once someone tracks them. */
  keys?: Set<string>;
  observers: WriteObserver<never>[];
}

const journals = new WeakMap<object, Journal>();

function journalOf(map: object): Journal {
  let j = journals.get(map);
  if (!j) journals.set(map, (j = { writes: 0, observers: [] }));
  return j;
}

/** Called by core/in-place-writes.ts once `map[key]` went from `prev` to `next`. */
export function noteMapWrite<T>(map: Record<string, T>, key: string, prev: T | undefined, next: T): void {
  const j = journalOf(map);
  j.writes++;
  j.keys?.add(key);
  for (const o of j.observers as WriteObserver<T>[]) o(prev, next, key);
}

export function mapWrites(map: object): number {
  return journals.get(map)?.writes ?? 0;
}

/** From now on, `observer` hears of every in-place write into `map`, until the returned function is called. */
export function observeWrites<T>(map: Record<string, T>, observer: WriteObserver<T>): () => void {
  const j = journalOf(map);
  j.observers.push(observer as WriteObserver<never>);
  return () => {
    j.observers = j.observers.filter((o) => o !== observer);
  };
}

/** From now on, remembers which keys of `map` are written in place. */
export function trackWrites(map: object): void {
  journalOf(map).keys = new Set();
}

/** The keys written since trackWrites or the previous call, forgotten once returned; null for a map not tracked. */
export function takeWrites(map: object): string[] | null {
  const keys = journals.get(map)?.keys;
  if (!keys) return null;
  const out = [...keys];
  keys.clear();
  return out;
}
