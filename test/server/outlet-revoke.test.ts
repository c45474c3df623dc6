import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { AMIRA, createRequest, KIOSK, op } from '../helpers/ops.ts';

const MANAGER = { kind: 'staff', id: 'M201' } as const;

describe('a duty manager revokes an outlet: its token stops working at once, with a clear reason', () => {
  const env = useTestHub();

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${env.hub.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const enrol = async (outletId: string, name: string) => {
    const res = await post('/api/outlets/enroll', { outletId, name, kind: 'cafe', accepts: ['meal'], staffId: 'M201', pin: '7319' });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };

  it('refuses look-ups and redemptions of a revoked outlet with 401 naming why; agents and kiosks may not revoke; enrolling again gives a new token only', async () => {
    const kiosk = await env.kiosk('K32');
    const agent = await env.staff('A101');
    const manager = await env.staff('M201');
    const body = createRequest({ surname: 'Blanc' });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kiosk.submit(op(KIOSK, body))).toMatchObject({ ok: true });
    const voucherId = uuidv7();
    expect(
      await agent.submit(op(AMIRA, { type: 'voucher.issue', payload: { voucherId, requestId, kind: 'meal', amountCents: 1500, currency: 'EUR' } })),
    ).toMatchObject({ ok: true });
    const code = env.hub.hub.current.vouchers[voucherId]!.code;

    const old = await enrol('outlet-cafe-revoke-1', 'Café Est');
    const other = await enrol('outlet-cafe-revoke-2', 'Café Ouest');
    expect((await post('/api/outlet/lookup', { scan: code }, old)).status).toBe(200);

    const revoke = { type: 'outlet.revoke', payload: { outletId: 'outlet-cafe-revoke-1' } } as const;
    expect(await agent.submit(op(AMIRA, revoke))).toMatchObject({ ok: false });
    expect(await kiosk.submit(op(KIOSK, revoke))).toMatchObject({ ok: false });
    expect(await manager.submit(op(MANAGER, { type: 'outlet.revoke', payload: { outletId: 'outlet-nobody-00' } }))).toMatchObject({
      ok: false,
      reason: 'no outlet outlet-nobody-00 is enrolled',
    });
    expect(await manager.submit(op(MANAGER, revoke))).toMatchObject({ ok: true });
    expect(await manager.submit(op(MANAGER, revoke))).toMatchObject({ ok: false, reason: 'Café Est is already revoked' });

    const looked = await post('/api/outlet/lookup', { scan: code }, old);
    expect(looked.status).toBe(401);
    expect(await looked.json()).toEqual({ error: 'Café Est was revoked by a duty manager: ask one to enrol it again' });
    const redeemed = await post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 500 }, old);
    expect(redeemed.status).toBe(401);
    expect(((await redeemed.json()) as { error: string }).error).toContain('was revoked by a duty manager');
    expect(env.hub.hub.current.vouchers[voucherId]!.redemptions).toBeUndefined();
    // Another outlet is untouched.
    expect((await post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 500 }, other)).status).toBe(200);

    // Enrolled again under the same id: the new token works, the one from before the revocation stays dead, also after a restart.
    const renewed = await enrol('outlet-cafe-revoke-1', 'Café Est');
    expect((await post('/api/outlet/lookup', { scan: code }, renewed)).status).toBe(200);
    expect((await post('/api/outlet/lookup', { scan: code }, old)).status).toBe(401);
    await env.restart();
    expect((await post('/api/outlet/lookup', { scan: code }, old)).status).toBe(401);
    expect((await post('/api/outlet/lookup', { scan: code }, renewed)).status).toBe(200);
  });
});
