import { useEffect, useState } from 'react';

/** How long nobody must touch the kiosk before it counts as idle. */
export const KIOSK_QUIET_MS = 60_000;

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'] as const;

/**
 * True when no passenger is using the kiosk: nothing touched for `quietMs`, and the screens
 * say no entry is in progress (a form being filled, a ticket on screen). For anything that
 * must never interrupt a passenger, such as applying a new version.
 */
export function useKioskIdle(entryInProgress: boolean, quietMs = KIOSK_QUIET_MS): boolean {
  const [quiet, setQuiet] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setQuiet(true), quietMs);
    const activity = () => {
      setQuiet(false);
      clearTimeout(timer);
      timer = setTimeout(() => setQuiet(true), quietMs);
    };
    for (const e of ACTIVITY) window.addEventListener(e, activity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, activity, { capture: true });
    };
  }, [quietMs]);
  return quiet && !entryInProgress;
}
