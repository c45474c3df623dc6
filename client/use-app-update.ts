import { useEffect, useRef } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** Kiosks and tablets stay open for days without navigating: look for a new version now and then. */
const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Registers the app's service worker (workbox-window) and applies a waiting new version
 * once `applyNow` is true; until then the running version keeps working, offline included.
 */
export function useAppUpdate(applyNow: boolean): { updateReady: boolean; apply: () => void } {
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration || timer.current) return;
      timer.current = setInterval(() => {
        if (navigator.onLine)
          registration.update().catch(() => {
            // The hub is unreachable: the next check will tell.
          });
      }, CHECK_EVERY_MS);
    },
  });
  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
    },
    [],
  );
  useEffect(() => {
    // Reloads the page under the new version; the outbox is in IndexedDB, so nothing is lost.
    if (needRefresh && applyNow) void updateServiceWorker(true);
  }, [needRefresh, applyNow, updateServiceWorker]);
  return { updateReady: needRefresh, apply: () => void updateServiceWorker(true) };
}
