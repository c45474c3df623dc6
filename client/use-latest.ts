import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * The latest value for a listener that an effect sets up once (key handler, camera loop, timers):
 * refreshed after each commit, before any effect or event can run, so the listener never calls a
 * stale callback and the effect need not subscribe again on every render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
