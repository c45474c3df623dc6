import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useLatest } from '../../../client/use-latest.ts';
import { followOffsets, visibleRange, type KeptOffsets, type WindowRange } from './windowing.ts';

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

interface Sizes {
  heights: ReadonlyMap<string, number>;
  /** The list's row gap (CSS), read when items are measured. */
  gap: number;
}

/** The last offsets worked out with each list's heights (its own Sizes object): dropped with them. */
const lastOffsets = new WeakMap<Sizes, KeptOffsets & { estimatePx: number }>();

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
  const [sizes, setSizes] = useState<Sizes>({ heights: new Map(), gap: 0 });
  const [view, setView] = useState({ top: 0, bottom: typeof window === 'undefined' ? 1000 : window.innerHeight });

  // A push that adds a request near the end of a long queue looks up only the heights after it: the
  // offsets of the previous keys are kept while the heights and gap they were worked out with are.
  const offsets = useMemo(() => {
    if (!windowed) return new Float64Array(1);
    const last = lastOffsets.get(sizes);
    const next = followOffsets(last?.estimatePx === estimatePx ? last : null, keys, (k) => sizes.heights.get(k) ?? estimatePx, sizes.gap);
    lastOffsets.set(sizes, { keys, offsets: next, estimatePx });
    return next;
  }, [keys, sizes, windowed, estimatePx]);
  const range: WindowRange = useMemo(
    () => (windowed ? visibleRange(offsets, sizes.gap, view.top, view.bottom, overscanPx) : { start: 0, end: keys.length, before: 0, after: 0 }),
    [windowed, offsets, sizes.gap, view, overscanPx, keys.length],
  );

  // A new view only when it changes what is drawn: scrolling within the window re-renders nothing.
  const { start, end } = range;
  const follow = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const v = viewOf(list);
    const next = visibleRange(offsets, sizes.gap, v.top, v.bottom, overscanPx);
    if (next.start !== start || next.end !== end) setView(v);
  }, [offsets, sizes.gap, overscanPx, start, end]);

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
          const gapOf = (el: Element) => parseFloat(getComputedStyle(el.parentElement ?? el).rowGap) || 0;
          setSizes((prev) => {
            let heights: Map<string, number> | null = null;
            let gap = prev.gap;
            for (const e of entries) {
              const key = (e.target as HTMLElement).dataset.key;
              if (key === undefined || !e.target.isConnected) continue;
              gap = gapOf(e.target);
              const h = e.borderBoxSize?.[0]?.blockSize ?? e.target.getBoundingClientRect().height;
              if (Math.abs((prev.heights.get(key) ?? -1) - h) > 0.5) {
                heights ??= new Map(prev.heights);
                heights.set(key, h);
              }
            }
            return heights || gap !== prev.gap ? { heights: heights ?? prev.heights, gap } : prev;
          });
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
