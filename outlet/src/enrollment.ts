import type { OutletInfo } from './hub-api.ts';
import { storedToken } from '../../client/stored-token.ts';

/** What an enrolled outlet keeps: its token from the hub and how the hub describes it. */
export interface OutletEnrollment {
  token: string;
  expiresAt: string;
  outlet: OutletInfo;
}

const kept = storedToken<OutletEnrollment>('gatecare.outlet.enrollment', (e) => Boolean(e.outlet));
export const loadEnrollment = kept.load;
export const saveEnrollment = kept.save;
