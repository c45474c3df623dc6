import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { op } from '../helpers/ops.ts';
import { issueVoucher, requestWithMealVoucher } from '../helpers/issued-vouchers.ts';
import { postJson } from '../helpers/rest.ts';

interface Looked {
  vouchers: { voucherId: string; code: string; remainingCents: number; initial: string; refusal: string | null }[];
}

describe('outlets: enrolment, look-up by pass or code, redemption decided by the hub', () => {
  const env = useTestHub();
  let cafe = '';
  let taxi = '';
  let kioskToken = '';
  let agentToken = '';
  let agent: TestDevice;
  let voucherId = '';
  let code = '';

  const post = (path: string, body: unknown, token?: string) => postJson(env.hub.url, path, body, token);
  const enrol = async (outletId: string, name: string, kind: string, accepts: string[], staffId = 'M201', pin = '7319') =>
    post('/api/outlets/enroll', { outletId, name, kind, accepts, staffId, pin });

  beforeAll(async () => {
    // Any other device's token, for the routes that must refuse it.
    kioskToken = (await enrollKiosk(env.hub.url, 'K32')).token;
    agentToken = await env.token('A101');
    ({ voucherId, code, agent } = await requestWithMealVoucher(env, 'Moreau', { checkInSequence: 42 }));
  });

  it('only a duty manager enrols an outlet; a hotel desk is an outlet like any other', async () => {
    expect((await enrol('outlet-cafe-000001', 'Café 2E', 'cafe', ['meal'], 'A101', '2468')).status).toBe(401);
    expect((await enrol('outlet-cafe-000001', 'Café 2E', 'cafe', ['meal'], 'M201', '0000')).status).toBe(401);
    expect((await enrol('outlet-cafe-000001', 'Café 2E', 'bar', ['meal'])).status).toBe(400);
    const ok = await enrol('outlet-cafe-000001', 'Café 2E', 'cafe', ['meal']);
    expect(ok.status).toBe(200);
    cafe = ((await ok.json()) as { token: string }).token;
    taxi = ((await (await enrol('outlet-taxi-000001', 'Taxi desk', 'taxi-desk', ['taxi'])).json()) as { token: string }).token;
    const hotel = await post('/api/outlets/enroll', {
      outletId: 'outlet-hotel-00001',
      name: 'Hotel desk 2E',
      kind: 'hotel-desk',
      accepts: ['hotel'],
      hotelId: 'aerogare-roissy',
      staffId: 'M201',
      pin: '7319',
    });
    expect(await hotel.json()).toMatchObject({ outlet: { kind: 'hotel-desk', accepts: ['hotel'], enrolledBy: 'M201' } });
  });

  it('refuses any other token on outlet routes, and an outlet token anywhere else', async () => {
    for (const token of [undefined, kioskToken, agentToken, 'forged.token']) {
      expect((await post('/api/outlet/lookup', { scan: code }, token)).status).toBe(401);
      expect((await post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 100 }, token)).status).toBe(401);
    }
    expect((await fetch(`${env.hub.url}/api/snapshot`, { headers: { authorization: `Bearer ${cafe}` } })).status).toBe(401);
    expect((await post('/api/flights/AF1634/passengers', { text: 'x' }, cafe)).status).toBe(401);
    // Hostile bodies get a reason, never a crash.
    expect((await post('/api/outlet/lookup', `{"scan": ${'['.repeat(5000)}${']'.repeat(5000)}}`, cafe)).status).toBe(400);
    expect((await post('/api/outlet/lookup', { scan: 'x'.repeat(100_000) }, cafe)).status).toBe(413);
    expect((await post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: -5 }, cafe)).status).toBe(400);
  });

  it('finds the voucher by its code or by the passenger’s pass, showing the surname initial only', async () => {
    const byCode = await post('/api/outlet/lookup', { scan: `GATECARE-VOUCHER:${code}:meal:15.00:EUR` }, cafe);
    const looked = (await byCode.json()) as Looked;
    expect(looked.vouchers).toEqual([expect.objectContaining({ voucherId, remainingCents: 1500, initial: 'M', refusal: null })]);
    expect(JSON.stringify(looked)).not.toContain('Moreau');
    const flight = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    const pass = bcbp('MOREAU/ANNE', [{ flight: '1634', julian: julianFor(flight.scheduledDeparture), sequence: '0042' }]);
    expect(((await (await post('/api/outlet/lookup', { scan: pass }, cafe)).json()) as Looked).vouchers[0]!.voucherId).toBe(voucherId);
    // Someone else's sequence on the same name finds nothing.
    const other = bcbp('MOREAU/ANNE', [{ flight: '1634', julian: julianFor(flight.scheduledDeparture), sequence: '0043' }]);
    expect((await post('/api/outlet/lookup', { scan: other }, cafe)).status).toBe(404);
    const foreign = await post('/api/outlet/lookup', { scan: 'GC-ZZZZ-ZZZZ' }, cafe);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: 'no voucher GC-ZZZZ-ZZZZ at CDG: a voucher from another airport cannot be spent here' });
    const atTaxi = (await (await post('/api/outlet/lookup', { scan: code }, taxi)).json()) as Looked;
    expect(atTaxi.vouchers[0]!.refusal).toBe('a meal voucher cannot be spent at Taxi desk, which takes taxi vouchers');
  });

  it('redeems part with a receipt, a retry of the same redemption is spent once, and two outlets racing for the rest: exactly one wins', async () => {
    const redemptionId = uuidv7();
    const first = await post('/api/outlet/redeem', { redemptionId, voucherId, amountCents: 900 }, cafe);
    expect(first.status).toBe(200);
    const { receipt } = (await first.json()) as { receipt: { reference: string; remainingCents: number; outletName: string } };
    expect(receipt).toMatchObject({ remainingCents: 600, outletName: 'Café 2E', reference: expect.stringMatching(/^R-/) });
    const retry = await post('/api/outlet/redeem', { redemptionId, voucherId, amountCents: 900 }, cafe);
    expect(((await retry.json()) as { receipt: { reference: string } }).receipt.reference).toBe(receipt.reference);
    expect(env.hub.hub.current.vouchers[voucherId]!.redemptions).toHaveLength(1);

    const second = ((await (await enrol('outlet-cafe-000002', 'Restaurant 2E', 'restaurant', ['meal'])).json()) as { token: string }).token;
    const race = await Promise.all([
      post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 600 }, cafe),
      post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 600 }, second),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = race.find((r) => r.status === 409)!;
    expect(((await loser.json()) as { error: string }).error).toMatch(/already spent/);
    expect(env.hub.hub.current.vouchers[voucherId]!.redemptions!.reduce((s, r) => s + r.amountCents, 0)).toBe(1500);
  });

  it('a voided voucher is refused with the reason an outlet can say', async () => {
    const requestId = env.hub.hub.current.vouchers[voucherId]!.requestId!;
    const other = await issueVoucher(agent, requestId, { amountCents: 1000 });
    const manager = await env.staff('M201');
    expect(
      await manager.submit(op({ kind: 'staff', id: 'M201' }, { type: 'voucher.void', payload: { voucherId: other, reason: 'reported stolen' } })),
    ).toMatchObject({
      ok: true,
    });
    const res = await post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId: other, amountCents: 100 }, cafe);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toContain('was voided by the duty manager');
  });
});
