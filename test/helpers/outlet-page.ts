import type { Browser, Page } from 'playwright-core';

export interface OutletSetup {
  name: string;
  /** The option's label on the set-up screen (English), e.g. 'Café', 'Hotel desk'. */
  kind?: string;
  /** A hotel desk's hotel, as the set-up screen names it. */
  hotel?: string;
  staffId?: string;
  pin?: string;
}

/** Fills the outlet's set-up screen as a duty manager would (kind's usual voucher kinds kept). */
export async function enrollOutletPage(page: Page, o: OutletSetup): Promise<void> {
  await page.getByLabel('Outlet name').fill(o.name);
  if (o.kind) await page.getByLabel('Kind of outlet').selectOption({ label: o.kind });
  if (o.hotel) {
    const hotel = page.getByLabel('Hotel this desk works for');
    // The list comes from the hub once the kind is chosen.
    await hotel.locator('option', { hasText: o.hotel }).waitFor({ state: 'attached' });
    await hotel.selectOption({ label: o.hotel });
  }
  await page.getByLabel("Duty manager's staff id").fill(o.staffId ?? 'M201');
  await page.getByLabel('PIN').fill(o.pin ?? '7319');
  await page.getByRole('button', { name: 'Enrol' }).click();
}

/** An outlet app in its own browser context (its own storage, so its own token), enrolled and at the counter. */
export async function openOutlet(browser: Browser, url: string, o: OutletSetup): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${url}/outlet/`);
  await enrollOutletPage(page, o);
  await page.getByRole('heading', { name: o.name }).waitFor();
  return page;
}

/** What a keyboard-wedge scanner or a cashier does: the text into the scan field, then Enter. */
export async function scanAtOutlet(page: Page, text: string): Promise<void> {
  const field = page.getByLabel(/Boarding pass, voucher QR code|Carte d’embarquement/);
  await field.fill(text);
  await field.press('Enter');
}

/** A cashier takes part of a voucher: scan, the amount, Take this amount; what the card said and the receipt's "left". */
export async function takeAtOutlet(page: Page, scan: string, amount: string): Promise<{ voucherText: string; left: string }> {
  await scanAtOutlet(page, scan);
  const card = page.getByTestId('outlet-voucher');
  await card.waitFor();
  const voucherText = (await card.textContent()) ?? '';
  await card.getByLabel('Amount to take (EUR)').fill(amount);
  await card.getByRole('button', { name: 'Take this amount' }).click();
  await page.getByTestId('receipt').waitFor();
  return { voucherText, left: (await page.getByTestId('receipt-left').textContent()) ?? '' };
}
