import type { Browser, Page } from 'playwright-core';
import { enrollKioskPage } from './enroll.ts';

/** A kiosk screen enrolled at a gate, in its own browser context (its own device id and storage). */
export async function openKiosk(browser: Browser, url: string, gate: string, opts: { fakeClock?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  const page = await context.newPage();
  if (opts.fakeClock) await page.clock.install();
  await enrollKioskPage(page, url, gate);
  await page.locator('.flights li').first().waitFor();
  return page;
}

/** What a gate scanner does: types the whole barcode in a burst, then Enter. */
export async function scan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Enter');
}
