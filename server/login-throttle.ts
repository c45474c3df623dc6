import type { Clock } from './clock.ts';

/** Failures before waits start, and before the staff id is locked out. */
export const SLOW_AFTER = 3;
export const LOCK_AFTER = 10;
export const LOCK_MS = 30 * 60_000;
/** The longest wait for an account that must never be locked out (the last duty manager). */
export const NEVER_LOCKED_MAX_WAIT_MS = 60_000;

export type ThrottleStatus = { ok: true } | { ok: false; locked: boolean; waitMs: number };

export interface ThrottleRules {
  slowAfter: number;
  /** Failures in a row that lock the key for LOCK_MS; Infinity never locks. */
  lockAfter: number;
  /** Cap on the doubling wait while not locked. */
  maxWaitMs: number;
}

const STAFF_RULES: ThrottleRules = { slowAfter: SLOW_AFTER, lockAfter: LOCK_AFTER, maxWaitMs: LOCK_MS };

/**
 * Slows down PIN guessing per key: from the third wrong PIN each failure doubles the
 * wait; after ten in a row the key is locked for half an hour. Only a right PIN clears the count.
 * The hub keys it by staff id *and* address (so nobody elsewhere can lock a colleague out) and
 * by address alone (so one address cannot guess across many ids); see pin-check.ts.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number; locked: boolean }>();

  constructor(
    private readonly now: Clock,
    private readonly rules: ThrottleRules = STAFF_RULES,
  ) {}

  status(key: string): ThrottleStatus {
    const f = this.failures.get(key);
    const waitMs = f ? Math.max(0, f.until - this.now()) : 0;
    return waitMs > 0 ? { ok: false, locked: f?.locked ?? false, waitMs } : { ok: true };
  }

  /** Counts one failure. `neverLock`: the doubling wait stays capped at a minute instead of a lock. */
  failed(key: string, opts: { neverLock?: boolean } = {}): void {
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const { slowAfter, lockAfter, maxWaitMs } = this.rules;
    const locks = count >= lockAfter && !opts.neverLock;
    const cap = opts.neverLock ? Math.min(maxWaitMs, NEVER_LOCKED_MAX_WAIT_MS) : maxWaitMs;
    const delay = locks ? LOCK_MS : count < slowAfter ? 0 : Math.min(cap, 1000 * 2 ** Math.min(30, count - slowAfter));
    this.failures.set(key, { count, until: this.now() + delay, locked: locks });
    if (this.failures.size > 50_000) this.forgetExpired();
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }

  /** Clears every key starting with `prefix` (a duty manager unlocking a colleague everywhere). */
  forget(prefix: string): number {
    let n = 0;
    for (const k of this.failures.keys()) {
      if (k.startsWith(prefix)) {
        this.failures.delete(k);
        n++;
      }
    }
    return n;
  }

  /** Keys whose wait is over and whose count has not reached a wait are no longer worth memory. */
  private forgetExpired(): void {
    const now = this.now();
    for (const [k, f] of this.failures) if (f.until <= now && f.count < this.rules.slowAfter) this.failures.delete(k);
  }
}

/** The sentence a person at the screen reads when the throttle says no. */
export function throttleMessage(id: string, s: Extract<ThrottleStatus, { ok: false }>, now: number): string {
  if (s.locked) {
    const until = new Date(now + s.waitMs).toISOString().slice(11, 16);
    return `${id} is locked after ${LOCK_AFTER} wrong PINs: try again after ${until} UTC or ask a duty manager`;
  }
  return `too many wrong PINs for ${id}: try again in ${Math.ceil(s.waitMs / 1000)} s`;
}
