import { describe, expect, it, vi } from 'vitest';
import { LOCK_AFTER, SLOW_AFTER } from '../../server/login-throttle.ts';
import { PinGuard } from '../../server/pin-check.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { postJson } from '../helpers/rest.ts';

/** Per-address REST limits off: this file is about the PIN throttle itself. */
const LIMITS = { signInPerMinute: 1e6, restPerMinute: 1e6 };

async function post(url: string, path: string, body: unknown, token?: string): Promise<{ status: number; error?: string }> {
  const res = await postJson(url, path, body, token);
  return { status: res.status, error: ((await res.json()) as { error?: string }).error };
}

describe('PIN guessing: no race, no lock-out of others, no tell', () => {
  let clock = Date.now();
  const env = useTestHub({ options: { now: () => clock, limits: LIMITS } });

  /** A sign-in from another client address (the attacker's), through Fastify's own request injection. */
  async function loginFrom(address: string, staffId: string, pin: string): Promise<{ status: number; error?: string }> {
    const res = await env.hub.app.inject({ method: 'POST', url: '/api/login', remoteAddress: address, payload: { staffId, pin } });
    return { status: res.statusCode, error: (res.json() as { error?: string }).error };
  }

  it('58 parallel sign-ins for one id (57 wrong PINs and the right one) get at most three PIN checks; the rest wait', async () => {
    const attempts = [...Array.from({ length: 57 }, () => '0000'), '8642'];
    const answers = await Promise.all(attempts.map((pin) => post(env.hub.url, '/api/login', { staffId: 'A103', pin })));
    const checked = answers.filter((a) => a.status === 401 || a.status === 200).length;
    expect(checked).toBeLessThanOrEqual(SLOW_AFTER);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(58 - SLOW_AFTER);
    // The same race on kiosk enrolment.
    const enrolls = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(env.hub.url, '/api/kiosks/enroll', { staffId: 'A105', pin: '0000', gate: 'K32', device: `kiosk-race-${1000 + i}` }),
      ),
    );
    expect(enrolls.filter((a) => a.status === 401).length).toBeLessThanOrEqual(SLOW_AFTER);
    // Right PINs in parallel (a script enrolling kiosks) all pass: checks wait their turn, none is counted wrong.
    const rights = await Promise.all(Array.from({ length: 12 }, () => post(env.hub.url, '/api/login', { staffId: 'M201', pin: '7319' })));
    expect(rights.map((a) => a.status)).toEqual(Array(12).fill(200));
    clock += 3600_000;
  });

  it("wrong PINs from an attacker's address lock the id there only: the real agent still signs in from their tablet", async () => {
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect((await loginFrom('10.6.6.6', 'A104', '0000')).status).toBe(401);
      clock += 10 * 60_000;
    }
    expect(await loginFrom('10.6.6.6', 'A104', '9753')).toMatchObject({ status: 429, error: expect.stringMatching(/A104 is locked/) });
    expect((await post(env.hub.url, '/api/login', { staffId: 'A104', pin: '9753' })).status).toBe(200);
    clock += 3600_000;
  });

  it('the last duty manager is never locked out, only slowed for at most a minute, even from their own address', async () => {
    for (let i = 0; i < LOCK_AFTER + 3; i++) {
      expect((await loginFrom('10.7.7.7', 'M201', '0000')).status).toBe(401);
      clock += 10 * 60_000;
    }
    const right = await loginFrom('10.7.7.7', 'M201', '7319');
    expect(right.status).toBe(200);
    // Right after more wrong PINs: a wait of a minute at most, never a lock.
    await loginFrom('10.7.7.7', 'M201', '0000');
    await loginFrom('10.7.7.7', 'M201', '0000');
    await loginFrom('10.7.7.7', 'M201', '0000');
    for (let i = 0; i < LOCK_AFTER; i++) {
      await loginFrom('10.7.7.7', 'M201', '0000');
      clock += 61_000;
    }
    const waiting = await loginFrom('10.7.7.7', 'M201', '0000');
    expect(waiting.error ?? '').not.toMatch(/locked/);
    clock += 61_000;
    expect((await loginFrom('10.7.7.7', 'M201', '7319')).status).toBe(200);
    clock += 3600_000;
  });

  it('a duty manager unlocks a locked-out colleague at once', async () => {
    for (let i = 0; i < LOCK_AFTER; i++) {
      await post(env.hub.url, '/api/login', { staffId: 'A102', pin: '0000' });
      clock += 10 * 60_000;
    }
    expect(await post(env.hub.url, '/api/login', { staffId: 'A102', pin: '1357' })).toMatchObject({
      status: 429,
      error: expect.stringMatching(/locked/),
    });
    const agent = await env.token('A101');
    expect((await post(env.hub.url, '/api/staff/A102/unlock', {}, agent)).status).toBe(403);
    const manager = await env.token('M201');
    expect(await post(env.hub.url, '/api/staff/A102/unlock', {}, manager)).toMatchObject({ status: 200 });
    expect((await post(env.hub.url, '/api/login', { staffId: 'A102', pin: '1357' })).status).toBe(200);
    clock += 3600_000;
  });

  it('one address guessing across many ids is slowed too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await loginFrom('10.8.8.8', `Z${String(100 + i)}`, '0000')).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toContain(429);
    expect((await loginFrom('10.8.8.8', 'A101', '2468')).error).toMatch(/this address/);
    clock += 3600_000;
  });

  it('an unknown id goes through the same scrypt check as a real one, against a decoy hash', async () => {
    const decoy = vi.spyOn(PinGuard.prototype, 'decoyHash');
    expect((await post(env.hub.url, '/api/login', { staffId: 'Q999', pin: '1234' })).status).toBe(401);
    expect(decoy).toHaveBeenCalledTimes(1);
    expect((await post(env.hub.url, '/api/login', { staffId: 'A101', pin: '1234' })).status).toBe(401);
    expect(decoy).toHaveBeenCalledTimes(1);
    decoy.mockRestore();
  });
});
