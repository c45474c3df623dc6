import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { itemOffsets, visibleRange, type WindowRange } from './windowing.ts';

export interface WindowedList {
  listRef: RefObject<HTMLUListElement | null>;
  windowed: boolean;
  range: WindowRange;
  /** A stable ref callback per key: the list measures the element's height as it changes. */
  measure: (key: string) => (el: HTMLLIElement | null) => void;
}

interface Options {
  /** Lists up to this long are drawn whole (find-in-page, tests and short queues need no window). */
  from: number;
  /** Height assumed for an item not drawn yet. */
  estimatePx: number;
  /** Drawn above and below the viewport, so a fast scroll or a keyboard step finds cards already there. */
  overscanPx: number;
}

const sameRange = (a: WindowRange, b: WindowRange) => a.start === b.start && a.end === b.end && a.before === b.before && a.after === b.after;

/**
 * Windowing for a list in the page's own scroll: only the items near the viewport are in the DOM,
 * with padding standing in for the rest. Heights vary (open forms, notes, vouchers): each drawn
 * item is measured with a ResizeObserver and the estimate is used only for items never drawn.
 */
export function useWindowedList(keys: readonly string[], { from, estimatePx, overscanPx }: Options): WindowedList {
  const listRef = useRef<HTMLUListElement | null>(null);
  const windowed = keys.length > from;
  const heights = useRef(new Map<string, number>());
  const gap = useRef(0);
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState<{ top: number; bottom: number }>({ top: 0, bottom: typeof window === 'undefined' ? 1000 : window.innerHeight });

  const offsets = useMemo(
    () => (windowed ? itemOffsets(keys.map((k) => heights.current.get(k) ?? estimatePx), gap.current) : new Float64Array(1)),
    [keys, measured, windowed, estimatePx],
  );
  const range: WindowRange = windowed
    ? visibleRange(offsets, gap.current, view.top, view.bottom, overscanPx)
    : { start: 0, end: keys.length, before: 0, after: 0 };
  const latest = useRef({ offsets, range, windowed });
  latest.current = { offsets, range, windowed };

  // Where the viewport is in list coordinates; a new view is set only when it changes what is drawn.
  const update = useCallback(() => {
    const list = listRef.current;
    const { offsets: o, range: current, windowed: w } = latest.current;
    if (!list || !w) return;
    const top = -list.getBoundingClientRect().top;
    const bottom = top + window.innerHeight;
    if (!sameRange(visibleRange(o, gap.current, top, bottom, overscanPx), current)) setView({ top, bottom });
  }, [overscanPx]);

  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [windowed, update]);

  // After each commit: the list may have moved (content above it changed) or the gap may be known now.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!windowed || !list) return;
    const g = parseFloat(getComputedStyle(list).rowGap) || 0;
    if (g !== gap.current) {
      gap.current = g;
      setMeasured((m) => m + 1);
      return;
    }
    update();
  });

  const observer = useRef<ResizeObserver | null>(null);
  const keyOf = useRef(new WeakMap<Element, string>());
  const elements = useRef(new Map<string, Element>());
  const callbacks = useRef(new Map<string, (el: HTMLLIElement | null) => void>());
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const key = keyOf.current.get(e.target);
        if (key === undefined) continue;
        const h = e.borderBoxSize?.[0]?.blockSize ?? e.target.getBoundingClientRect().height;
        if (Math.abs((heights.current.get(key) ?? -1) - h) > 0.5) {
          heights.current.set(key, h);
          changed = true;
        }
      }
      if (changed) setMeasured((m) => m + 1);
    });
    for (const el of elements.current.values()) observer.current.observe(el);
    return () => {
      observer.current?.disconnect();
      observer.current = null;
    };
  }, []);

  // Forget the heights of items that left the list, so a long day does not keep every card ever seen.
  useEffect(() => {
    if (heights.current.size <= keys.length * 2) return;
    const present = new Set(keys);
    for (const k of heights.current.keys()) if (!present.has(k)) heights.current.delete(k);
    for (const k of callbacks.current.keys()) if (!present.has(k)) callbacks.current.delete(k);
  }, [keys]);

  const measure = useCallback((key: string) => {
    let cb = callbacks.current.get(key);
    if (!cb) {
      cb = (el) => {
        const previous = elements.current.get(key);
        if (previous) {
          observer.current?.unobserve(previous);
          elements.current.delete(key);
        }
        if (el) {
          elements.current.set(key, el);
          keyOf.current.set(el, key);
          observer.current?.observe(el);
        }
      };
      callbacks.current.set(key, cb);
    }
    return cb;
  }, []);

  return { listRef, windowed, range, measure };
}
