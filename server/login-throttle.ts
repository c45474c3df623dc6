/** Failures before waits start, and before the staff id is locked out. */
export const SLOW_AFTER = 3;
export const LOCK_AFTER = 10;
export const LOCK_MS = 30 * 60_000;

export type ThrottleStatus = { ok: true } | { ok: false; locked: boolean; waitMs: number };

/**
 * Slows down PIN guessing per staff id: from the third wrong PIN each failure doubles the
 * wait; after ten in a row the id is locked for half an hour. Only a right PIN clears the count.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  status(id: string): ThrottleStatus {
    const f = this.failures.get(id);
    const waitMs = f ? Math.max(0, f.until - this.now()) : 0;
    return waitMs > 0 ? { ok: false, locked: (f?.count ?? 0) >= LOCK_AFTER, waitMs } : { ok: true };
  }

  failed(id: string): void {
    const count = (this.failures.get(id)?.count ?? 0) + 1;
    const delay = count >= LOCK_AFTER ? LOCK_MS : count < SLOW_AFTER ? 0 : 1000 * 2 ** (count - SLOW_AFTER);
    this.failures.set(id, { count, until: this.now() + delay });
  }

  succeeded(id: string): void {
    this.failures.delete(id);
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
