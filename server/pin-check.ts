import type { Role, StaffMember } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { HubStore } from './hub-store.ts';
import { hashPin, verifyPin, type PinHash } from './pins.ts';
import { LoginThrottle, throttleMessage } from './login-throttle.ts';
import type { Clock } from './clock.ts';

/** One answer for a wrong PIN and for a right PIN of someone who is not a duty manager. */
export const NOT_A_MANAGER_PIN = "only a duty manager's id and PIN can do this: these are not";

export type PinCheck = { ok: true; staff: StaffMember } | { ok: false; status: 401 | 429; error: string };

/** One address guessing across many ids: slowed from the 20th failure in a row, never locked (airports share addresses). */
const ADDRESS_RULES = { slowAfter: 20, lockAfter: Number.POSITIVE_INFINITY, maxWaitMs: 5 * 60_000 };

/**
 * The throttles every PIN door shares: per staff id at an address (the lock-out), and per address.
 * Keyed by address too, so guessing from one place never locks the real person out elsewhere.
 */
export class PinGuard {
  readonly perId: LoginThrottle;
  readonly perAddress: LoginThrottle;
  /** Hash of no PIN anyone has, verified for unknown ids so they take as long as real ones. */
  private decoy: Promise<PinHash> | null = null;

  constructor(readonly now: Clock) {
    this.perId = new LoginThrottle(now);
    this.perAddress = new LoginThrottle(now, ADDRESS_RULES);
  }

  private readonly queues = new Map<string, Promise<unknown>>();

  /** Runs PIN checks for one key one after another, so each sees the count the previous one left. */
  serial<T>(key: string, check: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(check, check);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  decoyHash(): Promise<PinHash> {
    this.decoy ??= hashPin('decoy-not-a-pin');
    return this.decoy;
  }

  /** A duty manager lifts every lock-out and wait on a colleague's id. */
  unlock(staffId: string): void {
    this.perId.forget(`${staffId}@`);
  }

  isLocked(staffId: string, address: string): boolean {
    const s = this.perId.status(`${staffId}@${address}`);
    return !s.ok && s.locked;
  }
}

/**
 * The one place a staff PIN is checked, so every door (sign-in, kiosk enrolment) shares one throttle.
 * Checks for one id at one address run one at a time, so parallel guesses see each other's count
 * (parallel right PINs all pass). `role`: the door only opens to that role; anyone else gets the
 * same 401 as a wrong PIN, so the answer never tells that a PIN was right.
 */
export async function checkStaffPin(
  hub: Hub,
  store: HubStore,
  guard: PinGuard,
  staffId: string,
  pin: string,
  address: string,
  role?: Role,
): Promise<PinCheck> {
  const attempt: PinAttempt = { staffId, pin, address, role, pairKey: `${staffId}@${address}`, addressKey: `@${address}` };
  return guard.serial(attempt.pairKey, () => checkInTurn(hub, store, guard, attempt));
}

/** One try at a PIN door, with the keys its two throttles count it under. */
interface PinAttempt {
  staffId: string;
  pin: string;
  address: string;
  role: Role | undefined;
  pairKey: string;
  addressKey: string;
}

async function checkInTurn(hub: Hub, store: HubStore, guard: PinGuard, attempt: PinAttempt): Promise<PinCheck> {
  const { staffId, pin, address, role, pairKey, addressKey } = attempt;
  const now = guard.now();
  for (const [key, status] of [
    [pairKey, guard.perId.status(pairKey)],
    [addressKey, guard.perAddress.status(addressKey)],
  ] as const) {
    if (!status.ok) {
      const who = key === pairKey ? staffId : 'this address';
      return { ok: false, status: 429, error: throttleMessage(who, status, now) };
    }
  }
  const staff = hub.current.staff[staffId];
  const cred = store.data.credentials[staffId];
  const neverLock = isLastManager(hub, guard, staff, address);
  const right = await verifyPin(pin, cred ?? (await guard.decoyHash()));
  if (!right || !cred || !staff || (role !== undefined && staff.role !== role)) {
    guard.perId.failed(pairKey, { neverLock });
    guard.perAddress.failed(addressKey);
    return { ok: false, status: 401, error: role === 'duty_manager' ? NOT_A_MANAGER_PIN : 'staff id or PIN is not right' };
  }
  guard.perId.succeeded(pairKey);
  guard.perAddress.succeeded(addressKey);
  return { ok: true, staff };
}

/** A duty manager with no colleague able to sign in is never locked out, only slowed (at most a minute). */
function isLastManager(hub: Hub, guard: PinGuard, staff: StaffMember | undefined, address: string): boolean {
  if (staff?.role !== 'duty_manager') return false;
  return !Object.values(hub.current.staff).some((m) => m.role === 'duty_manager' && m.id !== staff.id && !guard.isLocked(m.id, address));
}
