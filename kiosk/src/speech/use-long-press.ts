import { useEffect } from 'react';
import { useLatest } from '../../../client/use-latest.ts';

/** Held this long without moving, a touch anywhere starts speech (nothing to find first: EN 301 549 §5.2). */
export const LONG_PRESS_MS = 2000;
const MOVE_TOLERANCE_PX = 24;

/** Calls `onLongPress` when a finger rests on the screen; the tap that ends it does not also press what is under it. */
export function useLongPress(onLongPress: () => void): void {
  const latest = useLatest(onLongPress);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let start = { x: 0, y: 0 };
    let fired = false;
    const cancel = () => clearTimeout(timer);
    const down = (e: PointerEvent) => {
      cancel();
      fired = false;
      start = { x: e.clientX, y: e.clientY };
      timer = setTimeout(() => {
        fired = true;
        latest.current();
      }, LONG_PRESS_MS);
    };
    const moved = (e: PointerEvent) => {
      if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > MOVE_TOLERANCE_PX) cancel();
    };
    const swallowClick = (e: MouseEvent) => {
      if (!fired) return;
      fired = false;
      e.preventDefault();
      e.stopPropagation();
    };
    const opts = { capture: true } as const;
    window.addEventListener('pointerdown', down, opts);
    window.addEventListener('pointermove', moved, opts);
    window.addEventListener('pointerup', cancel, opts);
    window.addEventListener('pointercancel', cancel, opts);
    window.addEventListener('click', swallowClick, opts);
    // A long press also opens the context menu on some touch screens.
    const menu = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', menu, opts);
    return () => {
      cancel();
      window.removeEventListener('pointerdown', down, opts);
      window.removeEventListener('pointermove', moved, opts);
      window.removeEventListener('pointerup', cancel, opts);
      window.removeEventListener('pointercancel', cancel, opts);
      window.removeEventListener('click', swallowClick, opts);
      window.removeEventListener('contextmenu', menu, opts);
    };
  }, [latest]);
}
