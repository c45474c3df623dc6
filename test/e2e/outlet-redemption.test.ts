import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { openKiosk, scan } from '../helpers/kiosk-page.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { loginToken, waitFor } from '../helpers/socket-clients.ts';
import { AMIRA, op } from '../helpers/ops.ts';

describe('a voucher spent in part at an outlet: the kiosk ticket shows what remains, live', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('passenger scans the pass and asks, the agent issues a meal voucher, the café redeems part by the pass, the kiosk shows the rest', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    const flight = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    const pass = bcbp('MOREAU/ANNE', [{ flight: '1634', julian: julianFor(flight.scheduledDeparture), sequence: '0042' }]);
    await scan(kiosk, pass);
    await expect.poll(() => kiosk.getByTestId('identified').textContent()).toContain('MOREAU');
    await kiosk.getByLabel('Food').check();
    await kiosk.getByRole('button', { name: 'Send my request' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    const request = await waitFor(() => Object.values(env.hub.hub.current.requests).find((r) => r.surname === 'MOREAU'), 'the request on the hub');
    expect(request.checkInSequence).toBe(42);

    const agent = await env.device({ token: await loginToken(env.hub.url, 'A101', '2468') });
    const voucherId = uuidv7();
    expect(
      await agent.submit(
        op(AMIRA, { type: 'voucher.issue', payload: { voucherId, requestId: request.id, kind: 'meal', amountCents: 1500, currency: 'EUR' } }),
      ),
    ).toMatchObject({ ok: true });
    const voucher = kiosk.getByTestId('kiosk-voucher').first();
    await voucher.getByTestId('voucher-code').waitFor();

    const enrolled = await fetch(`${env.hub.url}/api/outlets/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outletId: 'outlet-cafe-2e-001', name: 'Café 2E', kind: 'cafe', accepts: ['meal'], staffId: 'M201', pin: '7319' }),
    });
    const { token } = (await enrolled.json()) as { token: string };
    const outlet = (path: string, body: unknown) =>
      fetch(`${env.hub.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const looked = (await (await outlet('/api/outlet/lookup', { scan: pass })).json()) as { vouchers: { voucherId: string; initial: string }[] };
    expect(looked.vouchers).toEqual([expect.objectContaining({ voucherId, initial: 'M' })]);
    expect((await outlet('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 900 })).status).toBe(200);

    await expect.poll(() => voucher.getByTestId('voucher-remaining').textContent()).toBe('€6.00 left to spend');
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-voucher-remaining.png`, fullPage: true });
    expect((await outlet('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 600 })).status).toBe(200);
    await expect.poll(() => voucher.getByTestId('voucher-remaining').textContent()).toBe('Fully spent — nothing left on this voucher.');
    expect(await voucher.getByTestId('voucher-code').count()).toBe(0);
    await kiosk.context().close();
  });
});
