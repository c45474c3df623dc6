import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { AMIRA, KIOSK, op } from '../helpers/ops.ts';
import { requestWithMealVoucher } from '../helpers/issued-vouchers.ts';
import { CAFE_2E, enrollOutlet } from '../helpers/enroll.ts';
import { postJson } from '../helpers/rest.ts';

const MANAGER = { kind: 'staff', id: 'M201' } as const;

describe('a duty manager revokes an outlet: its token stops working at once, with a clear reason', () => {
  const env = useTestHub();

  const post = (path: string, body: unknown, token?: string) => postJson(env.hub.url, path, body, token);
  const enrol = (outletId: string, name: string) => enrollOutlet(env.hub.url, { ...CAFE_2E, outletId, name });

  it('refuses look-ups and redemptions of a revoked outlet with 401 naming why; agents and kiosks may not revoke; enrolling again gives a new token only', async () => {
    const { voucherId, code, kiosk, agent } = await requestWithMealVoucher(env, 'Blanc');
    const manager = await env.staff('M201');

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
