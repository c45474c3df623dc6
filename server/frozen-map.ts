import { observeWrites } from '../core/map-writes.ts';

/**
 * A map the hub keeps writing in place (the durable requests and vouchers), seen as it was when
 * frozen, without copying it: a key written since keeps its earlier value here, a key added since
 * is not in it. A checkpoint of a long day is written from such views in slices while commits
 * go on, instead of a copy of 100,000 records made in one turn of the event loop.
 *
 * The view is a Proxy, so whatever reads it as a plain record (JSON.stringify, Object.keys) sees
 * the frozen map; jsonSlices reads it faster through frozenKeys.
 */
export interface FrozenMap<T> {
  view: Record<string, T>;
  /** Stops following the map's writes; the view must not be read after this. */
  release(): void;
}

const keysOfView = new WeakMap<object, readonly string[]>();

/** The keys of a view made by freezeMap, in the map's order, or null for any other value. */
export function frozenKeys(value: object): readonly string[] | null {
  return keysOfView.get(value) ?? null;
}

/**
 * Each frozen map's keys in its own order, kept as keys are added, so freezing is not an
 * Object.keys of 100,000 ids on the commit path. An index-like key ("42") would be ordered first
 * by the object: then the order is taken from the object itself.
 */
interface KeyOrder {
  keys: string[];
  indexLike: boolean;
}

const orders = new WeakMap<object, KeyOrder>();

function isIndexLike(key: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function keyOrderOf<T>(map: Record<string, T>): KeyOrder {
  let order = orders.get(map);
  if (!order) {
    const keys = Object.keys(map);
    const kept: KeyOrder = { keys, indexLike: keys.some(isIndexLike) };
    observeWrites<T>(map, (prev, _next, key) => {
      if (prev !== undefined) return;
      kept.keys.push(key);
      if (isIndexLike(key)) kept.indexLike = true;
    });
    orders.set(map, (order = kept));
  }
  return order;
}

/** Only for maps written in place through core/in-place-writes.ts, never deleted from (every write is then observed). */
export function freezeMap<T>(map: Record<string, T>): FrozenMap<T> {
  const order = keyOrderOf(map);
  const keys = order.indexLike ? Object.keys(map) : order.keys.slice();
  // Value before the first write since the freeze; undefined for a key added since.
  const before = new Map<string, T | undefined>();
  const stop = observeWrites<T>(map, (prev, _next, key) => {
    if (!before.has(key)) before.set(key, prev);
  });
  const valueAt = (key: string): T | undefined => (before.has(key) ? before.get(key) : Object.hasOwn(map, key) ? map[key] : undefined);
  const view = new Proxy(map, {
    get: (target, key, receiver) => (typeof key === 'string' && Object.hasOwn(target, key) ? valueAt(key) : Reflect.get(target, key, receiver)),
    has: (target, key) => (typeof key === 'string' && Object.hasOwn(target, key) ? valueAt(key) !== undefined : Reflect.has(target, key)),
    ownKeys: () => [...keys],
    getOwnPropertyDescriptor: (_target, key) => {
      if (typeof key !== 'string') return undefined;
      const value = valueAt(key);
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  keysOfView.set(view, keys);
  return {
    view,
    release: () => {
      stop();
      before.clear();
    },
  };
}
