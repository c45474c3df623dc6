import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { requestWithMealVoucher } from '../helpers/issued-vouchers.ts';
import { mealVoucherOnKiosk } from '../helpers/kiosk-voucher.ts';
import { openOutlet, scanAtOutlet, takeAtOutlet } from '../helpers/outlet-page.ts';

describe('outlet journeys in chromium: kiosk, outlet and hub together', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('the passenger asks at the kiosk, the agent issues a meal voucher, the café scans the boarding pass and takes part: the kiosk shows the rest', async () => {
    const { kiosk, pass, voucher: kioskVoucher } = await mealVoucherOnKiosk(chromium.browser, env, 'PETIT/LOUIS', '0077');

    const cafe = await openOutlet(chromium.browser, env.hub.url, { name: 'Café Ladurée 2E' });
    // The gate scanner at the till types the pass into the scan field, then Enter.
    const taken = await takeAtOutlet(cafe, pass, '11.20');
    expect(taken.voucherText).toContain('Surname starting with P');
    expect(taken.left).toBe('€3.80');

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
      `Refused: Voucher ${code} is already spent (at ${winnerName}, receipt ${reference}).`,
    );
    const v = env.hub.hub.current.vouchers[voucherId]!;
    expect(v.redemptions).toHaveLength(1);
    expect(v.redemptions![0]).toMatchObject({ outletName: winnerName, amountCents: 1500, reference });
    await loser.screenshot({ path: `${ARTIFACTS}/outlet-race-loser.png`, fullPage: true });
    for (const page of outlets) await page.context().close();
  });
});
