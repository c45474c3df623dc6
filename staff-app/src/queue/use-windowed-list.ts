import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useLatest } from '../../../client/use-latest.ts';
import { ListLayout } from './list-layout.ts';
import { visibleRange, type WindowRange } from './windowing.ts';

export interface WindowedList {
  listRef: RefObject<HTMLUListElement | null>;
  windowed: boolean;
  range: WindowRange;
  /** Ref callback for each drawn item (which carries its key in `data-key`): measures its height as it changes. */
  measure: (el: HTMLLIElement | null) => (() => void) | undefined;
}

interface Options {
  /** Lists up to this long are drawn whole (find-in-page, tests and short queues need no window). */
  from: number;
  /** Height assumed for an item not drawn yet. */
  estimatePx: number;
  /** Drawn above and below the viewport, so a fast scroll or a keyboard step finds cards already there. */
  overscanPx: number;
}

/** Where the viewport is, in list coordinates. */
function viewOf(list: HTMLElement): { top: number; bottom: number } {
  const top = -list.getBoundingClientRect().top;
  return { top, bottom: top + window.innerHeight };
}

/**
 * Windowing for a list in the page's own scroll: only the items near the viewport are in the DOM,
 * with padding standing in for the rest. Heights vary (open forms, notes, vouchers): each drawn
 * item is measured with a ResizeObserver and the estimate is used only for items never drawn.
 */
export function useWindowedList(keys: readonly string[], { from, estimatePx, overscanPx }: Options): WindowedList {
  const listRef = useRef<HTMLUListElement | null>(null);
  const windowed = keys.length > from;
  // The heights in list order, kept across pushes (a push changes a key or two of 2,000) and changed in place
  // by the ResizeObserver below, which then sets a new `sizes` holding the same layout, so the window is worked out again.
  const [sizes, setSizes] = useState(() => ({ layout: new ListLayout(estimatePx) }));
  const { layout } = sizes;
  const [view, setView] = useState({ top: 0, bottom: typeof window === 'undefined' ? 1000 : window.innerHeight });

  const range: WindowRange = useMemo(() => {
    if (!windowed) return { start: 0, end: keys.length, before: 0, after: 0 };
    sizes.layout.setEstimate(estimatePx);
    sizes.layout.follow(keys);
    return visibleRange(sizes.layout, sizes.layout.gap, view.top, view.bottom, overscanPx);
  }, [windowed, sizes, keys, estimatePx, view, overscanPx]);

  // A new view only when it changes what is drawn: scrolling within the window re-renders nothing.
  const { start, end } = range;
  const follow = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const v = viewOf(list);
    const next = visibleRange(layout, layout.gap, v.top, v.bottom, overscanPx);
    if (next.start !== start || next.end !== end) setView(v);
  }, [layout, overscanPx, start, end]);

  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const onScroll = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          follow();
        });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [windowed, follow]);

  // After the list or the page changed size (new heights, new requests, a panel above it opened) the window
  // may have to move. Read when a ResizeObserver reports it, after the browser's own layout, rather than in a
  // layout effect: there the read forced a layout inside every push's task, before the frame's own.
  const latestFollow = useLatest(follow);
  useEffect(() => {
    const list = listRef.current;
    if (!windowed || !list || typeof ResizeObserver === 'undefined') return;
    const moved = new ResizeObserver(() => latestFollow.current());
    moved.observe(list);
    moved.observe(document.body);
    return () => moved.disconnect();
  }, [windowed, latestFollow]);

  const [observer] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          let moved = false;
          for (const e of entries) {
            const key = (e.target as HTMLElement).dataset.key;
            if (key === undefined || !e.target.isConnected) continue;
            const gap = parseFloat(getComputedStyle(e.target.parentElement ?? e.target).rowGap) || 0;
            if (gap !== layout.gap) {
              layout.setGap(gap);
              moved = true;
            }
            if (layout.setHeight(key, e.borderBoxSize?.[0]?.blockSize ?? e.target.getBoundingClientRect().height)) moved = true;
          }
          if (moved) setSizes({ layout });
        }),
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  const measure = useCallback(
    (el: HTMLLIElement | null) => {
      if (!el || !observer) return undefined;
      observer.observe(el);
      return () => observer.unobserve(el);
    },
    [observer],
  );

  return { listRef, windowed, range, measure };
}
