import { useEffect, useState } from 'react';

/** Minutes before the end of a session when the tablet starts warning. */
export const WARN_MINUTES = 15;

/** Minutes left in the session, refreshed every 15 s; calls onExpired once when it runs out. */
export function useSessionExpiry(expiresAt: string, onExpired: () => void): number {
  const [minutes, setMinutes] = useState(() => minutesLeft(expiresAt));
  useEffect(() => {
    const tick = () => {
      const m = minutesLeft(expiresAt);
      setMinutes(m);
      if (Date.parse(expiresAt) <= Date.now()) onExpired();
    };
    tick();
    const t = setInterval(tick, 15_000);
    // Fire exactly at expiry too, not up to 15 s late.
    const end = setTimeout(tick, Math.max(0, Math.min(Date.parse(expiresAt) - Date.now() + 50, 2 ** 31 - 1)));
    return () => {
      clearInterval(t);
      clearTimeout(end);
    };
  }, [expiresAt, onExpired]);
  return minutes;
}

function minutesLeft(expiresAt: string): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 60_000));
}
