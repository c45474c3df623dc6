import { useEffect, useState } from 'react';

/** The current time as an ISO string, refreshed every `ms` so waits and reveals stay true without new events. */
export function useNow(ms = 10_000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date().toISOString()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
