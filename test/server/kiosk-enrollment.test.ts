import { describe, expect, it } from 'vitest';
import { KioskTokenSigner } from '../../server/kiosk-tokens.ts';
import { TokenSigner } from '../../server/tokens.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, loginToken } from '../helpers/socket-clients.ts';
import { DUTY_MANAGER, enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';

async function postEnroll(url: string, body: unknown): Promise<{ status: number; body: { error?: string; token?: string } }> {
  const res = await fetch(`${url}/api/kiosks/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; token?: string } };
}

describe('kiosk enrolment', () => {
  const env = useTestHub();

  it('refuses a kiosk that merely names a device and gate, saying how to enrol it', async () => {
    await expect(connectDevice(env.hub.url, { kiosk: { device: 'kiosk-0000-0001', gate: 'K32' } })).rejects.toThrow(
      /not enrolled: a duty manager must set it up/,
    );
    await expect(connectDevice(env.hub.url, { kiosk: { token: 'made.up' } })).rejects.toThrow(/not enrolled/);
  });

  it('only a duty manager with the right PIN enrols, at an existing gate', async () => {
    const device = 'kiosk-enrol-test-1';
    expect(await postEnroll(env.hub.url, { gate: 'K32', device, staffId: 'A101', pin: '2468' })).toMatchObject({
      // A right PIN of someone else gets the very answer a wrong one does: it reveals nothing.
      status: 401,
      body: { error: "only a duty manager's id and PIN can do this: these are not" },
    });
    expect(await postEnroll(env.hub.url, { gate: 'K32', device, staffId: DUTY_MANAGER.id, pin: '0000' })).toMatchObject({
      status: 401,
      body: { error: "only a duty manager's id and PIN can do this: these are not" },
    });
    expect(await postEnroll(env.hub.url, { gate: 'Z99', device, staffId: DUTY_MANAGER.id, pin: DUTY_MANAGER.pin })).toMatchObject({
      status: 400,
      body: { error: 'gate Z99 does not exist' },
    });
    const bad = await postEnroll(env.hub.url, { gate: 'K32', device: 'x', staffId: DUTY_MANAGER.id, pin: DUTY_MANAGER.pin, admin: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/device: a device id is 8 to 64/);
    const ok = await postEnroll(env.hub.url, { gate: 'k32', device, staffId: 'm201', pin: DUTY_MANAGER.pin });
    expect(ok.status).toBe(200);
    expect(ok.body.token).toEqual(expect.any(String));
  });

  it('an enrolled kiosk is bound to its gate and device', async () => {
    const e = await enrollKiosk(env.hub.url, 'K32');
    const k = await connectDevice(env.hub.url, e.auth);
    const me = { kind: 'kiosk' as const, id: e.device };
    expect(await k.submit(op(me, createRequest({ gate: 'K32' })))).toMatchObject({ ok: true });
    expect(await k.submit(op(me, createRequest({ gate: 'K41', flightNumber: 'AF1780' })))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'this kiosk is enrolled at gate K32, not K41',
    });
    expect(await k.submit(op({ kind: 'kiosk', id: 'kiosk-another-one' }, createRequest()))).toMatchObject({ ok: false, code: 'forbidden' });
    k.close();
  });

  it('kiosk and staff tokens cannot stand in for each other, and old kiosk tokens expire', async () => {
    const e = await enrollKiosk(env.hub.url, 'K32');
    await expect(connectDevice(env.hub.url, { token: e.token })).rejects.toThrow(/sign in again/);
    const staffToken = await loginToken(env.hub.url, DUTY_MANAGER.id, DUTY_MANAGER.pin);
    await expect(connectDevice(env.hub.url, { kiosk: { token: staffToken } })).rejects.toThrow(/not enrolled/);
    const longAgo = Date.now() - 400 * 24 * 3600 * 1000;
    const expired = new KioskTokenSigner(env.hub.store.data.secret).issue(e.device, 'K32', 'M201', longAgo).token;
    await expect(connectDevice(env.hub.url, { kiosk: { token: expired } })).rejects.toThrow(/not enrolled/);
    const otherHub = new TokenSigner('another hub secret').issue('M201', 'duty_manager').token;
    await expect(connectDevice(env.hub.url, { token: otherHub })).rejects.toThrow(/sign in again/);
  });

  it('stays enrolled across a hub restart', async () => {
    const e = await enrollKiosk(env.hub.url, 'K36');
    await env.restart();
    const k = await connectDevice(env.hub.url, e.auth);
    const snap = await k.pull(0);
    expect(snap.kind).toBe('snapshot');
    k.close();
  });
});
