import { describe, expect, it } from 'vitest';
import { LOCK_AFTER, LOCK_MS, LoginThrottle, throttleMessage } from '../../server/login-throttle.ts';

describe('wrong PINs are slowed, then locked out', () => {
  it('lets two mistakes pass, doubles the wait from the third, locks after ten for half an hour', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    t.failed('A101');
    t.failed('A101');
    expect(t.status('A101')).toEqual({ ok: true });
    t.failed('A101');
    expect(t.status('A101')).toEqual({ ok: false, locked: false, waitMs: 1000 });
    now += 1000;
    t.failed('A101');
    expect(t.status('A101')).toMatchObject({ ok: false, locked: false, waitMs: 2000 });
    for (let i = 5; i <= LOCK_AFTER; i++) {
      now += 10 * 60_000;
      t.failed('A101');
    }
    const locked = t.status('A101');
    expect(locked).toEqual({ ok: false, locked: true, waitMs: LOCK_MS });
    if (!locked.ok)
      expect(throttleMessage('A101', locked, now)).toMatch(/A101 is locked after 10 wrong PINs: try again after \d\d:\d\d UTC or ask a duty manager/);
    now += LOCK_MS - 1;
    expect(t.status('A101').ok).toBe(false);
    now += 1;
    expect(t.status('A101')).toEqual({ ok: true });
    // Still on the edge: one more wrong PIN locks again at once.
    t.failed('A101');
    expect(t.status('A101')).toMatchObject({ locked: true });
    expect(t.status('A102')).toEqual({ ok: true });
    t.succeeded('A101');
    expect(t.status('A101')).toEqual({ ok: true });
  });
});
