import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk, enrollOutlet } from '../helpers/enroll.ts';
import { requestWithMealVoucher } from '../helpers/issued-vouchers.ts';
import { getWithToken, postJson } from '../helpers/rest.ts';
import { AMIRA, op } from '../helpers/ops.ts';
import type { OfflineRisk } from '../../core/index.ts';

const MANAGER = { kind: 'staff' as const, id: 'M201' };

describe('offline outlets over REST and sockets: the limit, the queue, conflicts', () => {
  const env = useTestHub();
  let cafe = '';
  let brasserie = '';
  let kioskToken = '';
  let agentToken = '';
  let manager: TestDevice;
  let voucherId = '';
  let code = '';

  const post = (path: string, body: unknown, token?: string) => postJson(env.hub.url, path, body, token);
  const get = (path: string, token: string) => getWithToken(env.hub.url, path, token);
  const enrol = (outletId: string, name: string) => enrollOutlet(env.hub.url, { outletId, name, kind: 'cafe', accepts: ['meal'] });
  const setRisk = (outletId: string, risk: OfflineRisk) => manager.submit(op(MANAGER, { type: 'outlet.offlineRisk', payload: { outletId, risk } }));
  const sendQueue = async (token: string, redemptions: unknown[]) => {
    const res = await post('/api/outlet/offline-redemptions', { redemptions }, token);
    return {
      status: res.status,
      body: (await res.json()) as { results?: { redemptionId: string; status: string; overspendCents?: number; error?: string }[]; error?: string },
    };
  };
  // Written a moment ago, after the outlets were enrolled.
  const msAgo10 = (n: number) => new Date(Date.now() - n * 10).toISOString();

  beforeAll(async () => {
    // Any other device's token, for the routes that must refuse it.
    kioskToken = (await enrollKiosk(env.hub.url, 'K32')).token;
    agentToken = await env.token('A101');
    manager = await env.staff('M201');
    ({ voucherId, code } = await requestWithMealVoucher(env, 'Moreau'));
    cafe = await enrol('outlet-cafe-off-0001', 'Café 2E');
    brasserie = await enrol('outlet-bras-off-0001', 'Brasserie 2E');
  });

  it('the outlet learns its limit from who-am-I and every look-up; only a duty manager sets it', async () => {
    const me = async () => ((await (await get('/api/outlet/me', cafe)).json()) as { offlineRisk: OfflineRisk }).offlineRisk;
    expect(await me()).toEqual({ mode: 'off' });
    const agent = await env.staff('A101');
    expect(
      await agent.submit(op(AMIRA, { type: 'outlet.offlineRisk', payload: { outletId: 'outlet-cafe-off-0001', risk: { mode: 'once' } } })),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await setRisk('outlet-cafe-off-0001', { mode: 'once' })).toMatchObject({ ok: true });
    expect(await setRisk('outlet-bras-off-0001', { mode: 'capped', currency: 'EUR', perVoucherCents: 1500, totalCents: 5000 })).toMatchObject({
      ok: true,
    });
    expect(await me()).toEqual({ mode: 'once' });
    const looked = (await (await post('/api/outlet/lookup', { scan: code }, brasserie)).json()) as { offlineRisk: OfflineRisk };
    expect(looked.offlineRisk).toEqual({ mode: 'capped', currency: 'EUR', perVoucherCents: 1500, totalCents: 5000 });
    // A bad limit is refused with a reason.
    expect(await setRisk('outlet-cafe-off-0001', { mode: 'capped', currency: 'EUR', perVoucherCents: 900, totalCents: 500 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot be above the total'),
    });
  });

  it('refuses other tokens, hostile bodies and forged receipts; a queue sent twice is kept once', async () => {
    const one = { redemptionId: uuidv7(), voucherId, amountCents: 500, at: msAgo10(1) };
    for (const token of [undefined, kioskToken, agentToken, 'forged.token']) {
      expect((await post('/api/outlet/offline-redemptions', { redemptions: [one] }, token)).status).toBe(401);
    }
    expect((await sendQueue(cafe, [])).status).toBe(400);
    expect(
      (
        await sendQueue(
          cafe,
          Array.from({ length: 51 }, () => one),
        )
      ).body.error,
    ).toContain('at most 50');
    expect((await sendQueue(cafe, [{ ...one, extra: 1 }])).status).toBe(400);
    let nested: unknown = 1;
    for (let i = 0; i < 3000; i++) nested = [nested];
    expect((await sendQueue(cafe, [{ ...one, voucherId: nested }])).status).toBe(400);
    expect((await post('/api/outlet/offline-redemptions', 'x'.repeat(200_000), cafe)).status).toBe(413);

    const forged = await sendQueue(cafe, [
      { redemptionId: uuidv7(), voucherId: uuidv7(), amountCents: 500, at: msAgo10(1) },
      { redemptionId: uuidv7(), voucherId, amountCents: 500, at: new Date(Date.now() + 3600_000).toISOString() },
      { redemptionId: uuidv7(), voucherId, amountCents: 500, at: '2020-01-01T00:00:00.000Z' },
      { redemptionId: uuidv7(), voucherId, amountCents: 90_000, at: msAgo10(1) },
    ]);
    expect(forged.body.results!.map((r) => r.status)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(forged.body.results!.map((r) => r.error)).toEqual([
      'this voucher does not exist',
      expect.stringContaining('is in the future'),
      expect.stringContaining('before Café 2E was enrolled'),
      expect.stringContaining('more than the value'),
    ]);

    const first = await sendQueue(cafe, [one]);
    expect(first.body.results![0]).toMatchObject({ status: 'accepted', code, remainingCents: 1000, overspendCents: 0 });
    const again = await sendQueue(cafe, [one]);
    expect(again.body.results![0]).toMatchObject({ status: 'accepted', remainingCents: 1000 });
    const v = env.hub.hub.current.vouchers[voucherId]!;
    expect(v.redemptions!.filter((r) => r.id === one.redemptionId)).toHaveLength(1);
    // Its limit is once per voucher: a second offline spend of the same voucher is no honest outlet's.
    expect((await sendQueue(cafe, [{ ...one, redemptionId: uuidv7() }])).body.results![0]).toMatchObject({
      status: 'refused',
      error: expect.stringContaining('once per voucher'),
    });
  });

  it('offline at two outlets while the voucher is spent online: both receipts kept, the conflict reaches the manager live', async () => {
    // 10.00 EUR left: the café takes 8.00 online, then the brasserie's queue arrives with 10.00 spent offline before.
    const online = await post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 800 }, cafe);
    expect(online.status).toBe(200);
    const bras = await sendQueue(brasserie, [{ redemptionId: uuidv7(), voucherId, amountCents: 1000, at: msAgo10(2) }]);
    expect(bras.body.results![0]).toMatchObject({ status: 'accepted', remainingCents: 0, overspendCents: 800 });
    const conflicts = Object.values(env.hub.hub.current.redemptionConflicts ?? {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.receipts.map((r) => [r.outletName, r.amountCents])).toEqual([
      ['Café 2E', 500],
      ['Café 2E', 800],
      ['Brasserie 2E', 1000],
    ]);
    await waitFor(
      () =>
        manager.received
          .flatMap((m) => m.entries)
          .some((e) => e.op.type === 'voucher.redeemOffline' && e.op.payload.outletId === 'outlet-bras-off-0001'),
      'the manager sees the offline receipt',
    );
    // The manager's own copy, rebuilt from what it was sent, holds the conflict too.
    const pulled = await manager.pull(0);
    expect(JSON.stringify(pulled)).toContain(conflicts[0]!.id);
  });

  it('after a restart the receipts and the conflict are still there, and a queue resent then is still kept once', async () => {
    const before = env.hub.hub.current;
    const conflict = Object.values(before.redemptionConflicts ?? {})[0]!;
    const receipt = conflict.receipts.at(-1)!;
    await env.restart();
    const after = env.hub.hub.current;
    expect(after.redemptionConflicts).toEqual(before.redemptionConflicts);
    expect(after.vouchers[voucherId]!.redemptions).toEqual(before.vouchers[voucherId]!.redemptions);
    const again = await sendQueue(brasserie, [{ redemptionId: receipt.id, voucherId, amountCents: receipt.amountCents, at: receipt.at }]);
    expect(again.body.results![0]).toMatchObject({ status: 'accepted', reference: receipt.reference, overspendCents: conflict.overspendCents });
    expect(env.hub.hub.current.vouchers[voucherId]!.redemptions!.filter((r) => r.id === receipt.id)).toHaveLength(1);
    manager = await env.staff('M201');
  });

  it('a kiosk never learns of limits or conflicts', async () => {
    const kiosk = await env.kiosk('K32', 'kiosk-offline-test-01');
    const pulled = JSON.stringify(await kiosk.pull(0));
    expect(pulled).not.toContain('offlineRisk');
    expect(pulled).not.toContain('redemptionConflicts');
  });

  it('a revoked outlet replaying its queue is refused, and the receipts it could not send are said to be refused', async () => {
    expect(await manager.submit(op(MANAGER, { type: 'outlet.revoke', payload: { outletId: 'outlet-bras-off-0001' } }))).toMatchObject({ ok: true });
    const res = await sendQueue(brasserie, [{ redemptionId: uuidv7(), voucherId, amountCents: 100, at: msAgo10(1) }]);
    expect(res.status).toBe(401);
    expect(res.body.error).toContain('revoked');
  });
});
