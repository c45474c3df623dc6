import { useEffect, useSyncExternalStore } from 'react';
import { useLatest } from '../../client/use-latest.ts';

/** No touch for this long and the kiosk asks whether the passenger is still there (WCAG 2.2.1). */
export const IDLE_AFTER_MS = 60_000;
/** How long the "I'm still here" warning stays before the screen clears. */
export const WARNING_MS = 10_000;
/** With speech on or the keypad in use, finding and reading take longer (EN 301 549 §5.1.3, WCAG 2.2.1). */
export const ASSISTED_IDLE_AFTER_MS = 180_000;
export const ASSISTED_WARNING_MS = 30_000;

export interface IdleTimings {
  idleAfterMs: number;
  warningMs: number;
}

export function idleTimings(assisted: boolean): IdleTimings {
  return assisted ? { idleAfterMs: ASSISTED_IDLE_AFTER_MS, warningMs: ASSISTED_WARNING_MS } : { idleAfterMs: IDLE_AFTER_MS, warningMs: WARNING_MS };
}

/**
 * `active`: someone used the kiosk recently or left something on screen.
 * `warning`: the countdown before clearing is showing.
 * `idle`: nobody is using it and nothing personal is on screen — safe to reload or update.
 */
export type IdlePhase = 'active' | 'warning' | 'idle';

let phase: IdlePhase = 'idle';
const listeners = new Set<() => void>();

function setPhase(next: IdlePhase): void {
  if (next === phase) return;
  phase = next;
  // Visible to whoever inspects the kiosk (and to browser tests) without reaching into the bundle.
  document.documentElement.dataset.kioskIdle = next;
  for (const l of listeners) l();
}

/** For code outside React (e.g. applying a service-worker update only when nobody is at the kiosk). */
export function isKioskIdle(): boolean {
  return phase === 'idle';
}

export function kioskIdlePhase(): IdlePhase {
  return phase;
}

export function onKioskIdleChange(listener: (phase: IdlePhase) => void): () => void {
  const l = () => listener(phase);
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useKioskIdle(): IdlePhase {
  return useSyncExternalStore((cb) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  }, kioskIdlePhase);
}

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/**
 * Watches for touches and keys. After `idleAfterMs` without any, warns if
 * something personal is on screen and calls `onReset` `warningMs` later unless
 * the passenger touches the screen or presses a key, as often as they need;
 * with nothing on screen it is simply idle.
 */
export function useIdleTimer(hasPersonalData: boolean, onReset: () => void, timings: IdleTimings = idleTimings(false)): void {
  const reset = useLatest(onReset);
  const personal = useLatest(hasPersonalData);
  const { idleAfterMs, warningMs } = timings;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (ms: number, fn: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
    const expire = () => {
      reset.current();
      setPhase('idle');
    };
    const quiet = () => {
      if (personal.current) {
        setPhase('warning');
        schedule(warningMs, expire);
      } else {
        setPhase('idle');
      }
    };
    const activity = () => {
      // Deferred: re-rendering inside the capture phase of an `input` event would put the
      // old value back into the field before React reads it, losing what was just typed.
      if (phase !== 'active') setTimeout(() => setPhase('active'));
      schedule(idleAfterMs, quiet);
    };
    for (const e of ACTIVITY) window.addEventListener(e, activity, { capture: true, passive: true });
    schedule(idleAfterMs, quiet);
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, activity, { capture: true });
    };
  }, [reset, personal, idleAfterMs, warningMs]);
}
