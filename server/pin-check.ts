import type { StaffMember } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { Store } from './store.ts';
import { verifyPin } from './pins.ts';
import { throttleMessage, type LoginThrottle } from './login-throttle.ts';

export type PinCheck = { ok: true; staff: StaffMember } | { ok: false; status: 401 | 429; error: string };

/** The one place a staff PIN is checked, so every door (sign-in, kiosk enrolment) shares one throttle. */
export async function checkStaffPin(
  hub: Hub,
  store: Store,
  throttle: LoginThrottle,
  staffId: string,
  pin: string,
  now: () => number = Date.now,
): Promise<PinCheck> {
  const status = throttle.status(staffId);
  if (!status.ok) return { ok: false, status: 429, error: throttleMessage(staffId, status, now()) };
  const cred = store.data.credentials[staffId];
  const staff = hub.current.staff[staffId];
  if (!cred || !staff || !(await verifyPin(pin, cred))) {
    throttle.failed(staffId);
    return { ok: false, status: 401, error: 'staff id or PIN is not right' };
  }
  throttle.succeeded(staffId);
  return { ok: true, staff };
}
