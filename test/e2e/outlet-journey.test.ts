import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { askByPass, openKiosk } from '../helpers/kiosk-page.ts';
import { passFor } from '../helpers/bcbp.ts';
import { flightNumbered } from '../helpers/demo-state.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { issueVoucher, requestWithMealVoucher } from '../helpers/issued-vouchers.ts';
import { openOutlet, scanAtOutlet } from '../helpers/outlet-page.ts';

describe('outlet journeys in chromium: kiosk, outlet and hub together', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('the passenger asks at the kiosk, the agent issues a meal voucher, the café scans the boarding pass and takes part: the kiosk shows the rest', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    const pass = passFor(flightNumbered(env.hub.hub.current, 'AF1634'), 'PETIT/LOUIS', { sequence: '0077' });
    await askByPass(kiosk, pass, 'PETIT');
    const request = await waitFor(() => Object.values(env.hub.hub.current.requests).find((r) => r.surname === 'PETIT'), 'the request on the hub');
    await issueVoucher(await env.staff('A101'), request.id);
    const kioskVoucher = kiosk.getByTestId('kiosk-voucher').first();
    await kioskVoucher.getByTestId('voucher-code').waitFor();

    const cafe = await openOutlet(chromium.browser, env.hub.url, { name: 'Café Ladurée 2E' });
    // The gate scanner at the till types the pass into the scan field, then Enter.
    await scanAtOutlet(cafe, pass);
    const card = cafe.getByTestId('outlet-voucher');
    await card.waitFor();
    expect(await card.textContent()).toContain('Surname starting with P');
    await card.getByLabel('Amount to take (EUR)').fill('11.20');
    await card.getByRole('button', { name: 'Take this amount' }).click();
    await cafe.getByTestId('receipt').waitFor();
    expect(await cafe.getByTestId('receipt-left').textContent()).toBe('€3.80');

    await expect.poll(() => kioskVoucher.getByTestId('voucher-remaining').textContent()).toBe('€3.80 left to spend');
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-after-outlet.png`, fullPage: true });
    await cafe.context().close();
    await kiosk.context().close();
  });

  it('two outlets take the whole of the same voucher at the same moment: exactly one receipt, the other told where it was spent', async () => {
    const { voucherId, code } = await requestWithMealVoucher(env, 'Durand');

    const outlets = await Promise.all([
      openOutlet(chromium.browser, env.hub.url, { name: 'Café Nord' }),
      openOutlet(chromium.browser, env.hub.url, { name: 'Restaurant Sud', kind: 'Restaurant' }),
    ]);
    for (const page of outlets) {
      await scanAtOutlet(page, code);
      await page.getByRole('button', { name: 'Take all (€15.00)' }).waitFor();
    }
    await Promise.all(outlets.map((page) => page.getByRole('button', { name: 'Take all (€15.00)' }).click()));

    // Each page ends with either a receipt or a refusal: wait for that, then count.
    const outcome = (page: (typeof outlets)[number]) =>
      page.locator('[data-testid="receipt"], [data-testid="outlet-voucher"] [role="alert"]').first();
    await Promise.all(outlets.map((page) => outcome(page).waitFor()));
    const receipts = await Promise.all(outlets.map((page) => page.getByTestId('receipt').count()));
    expect([...receipts].sort()).toEqual([0, 1]);
    const winner = outlets[receipts.indexOf(1)]!;
    const loser = outlets[receipts.indexOf(0)]!;
    const winnerName = (await winner.getByRole('heading', { level: 1 }).textContent())!;
    const reference = await winner.getByTestId('receipt-reference').textContent();
    expect(await loser.getByTestId('outlet-voucher').getByRole('alert').textContent()).toBe(
      `Refused: voucher ${code} is already spent (at ${winnerName}, receipt ${reference})`,
    );
    const v = env.hub.hub.current.vouchers[voucherId]!;
    expect(v.redemptions).toHaveLength(1);
    expect(v.redemptions![0]).toMatchObject({ outletName: winnerName, amountCents: 1500, reference });
    await loser.screenshot({ path: `${ARTIFACTS}/outlet-race-loser.png`, fullPage: true });
    for (const page of outlets) await page.context().close();
  });
});
