import type { OutletInfo } from './hub-api.ts';

/** What an enrolled outlet keeps: its token from the hub and how the hub describes it. */
export interface OutletEnrollment {
  token: string;
  expiresAt: string;
  outlet: OutletInfo;
}

const KEY = 'gatecare.outlet.enrollment';

export function loadEnrollment(): OutletEnrollment | null {
  try {
    const e = JSON.parse(localStorage.getItem(KEY) ?? 'null') as OutletEnrollment | null;
    return e && typeof e.token === 'string' && Date.parse(e.expiresAt) > Date.now() && e.outlet ? e : null;
  } catch {
    return null;
  }
}

export function saveEnrollment(e: OutletEnrollment | null): void {
  if (e) localStorage.setItem(KEY, JSON.stringify(e));
  else localStorage.removeItem(KEY);
}
