/**
 * A device's token from the hub (a kiosk's or an outlet's enrolment, a staff session) kept in localStorage
 * across reloads: read back only while it is well formed and not yet expired, so an app never starts with a
 * token the hub would refuse. `complete` checks what else the app needs in it.
 */
export function storedToken<T extends { token: string; expiresAt: string }>(key: string, complete: (kept: T) => boolean = () => true) {
  return {
    load(): T | null {
      try {
        const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
        return kept && typeof kept.token === 'string' && Date.parse(kept.expiresAt) > Date.now() && complete(kept) ? kept : null;
      } catch {
        return null;
      }
    },
    save(kept: T | null): void {
      if (kept) localStorage.setItem(key, JSON.stringify(kept));
      else localStorage.removeItem(key);
    },
  };
}
