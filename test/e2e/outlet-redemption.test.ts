import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { askByPass, openKiosk } from '../helpers/kiosk-page.ts';
import { passFor } from '../helpers/bcbp.ts';
import { flightNumbered } from '../helpers/demo-state.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { enrollOutlet } from '../helpers/enroll.ts';
import { issueVoucher } from '../helpers/issued-vouchers.ts';
import { postJson } from '../helpers/rest.ts';

describe('a voucher spent in part at an outlet: the kiosk ticket shows what remains, live', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('passenger scans the pass and asks, the agent issues a meal voucher, the café redeems part by the pass, the kiosk shows the rest', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    const pass = passFor(flightNumbered(env.hub.hub.current, 'AF1634'), 'MOREAU/ANNE', { sequence: '0042' });
    await askByPass(kiosk, pass, 'MOREAU');
    const request = await waitFor(() => Object.values(env.hub.hub.current.requests).find((r) => r.surname === 'MOREAU'), 'the request on the hub');
    expect(request.checkInSequence).toBe(42);

    const voucherId = await issueVoucher(await env.staff('A101'), request.id);
    const voucher = kiosk.getByTestId('kiosk-voucher').first();
    await voucher.getByTestId('voucher-code').waitFor();

    const token = await enrollOutlet(env.hub.url);
    const outlet = (path: string, body: unknown) => postJson(env.hub.url, path, body, token);
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
