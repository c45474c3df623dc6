import type { Browser, Page } from 'playwright-core';
import { enrollKioskPage } from './enroll.ts';

/**
 * A kiosk screen enrolled at a gate, in its own browser context (its own device id and storage);
 * `timezoneId` sets the device's own zone (IANA), as a kiosk configured elsewhere would have.
 */
export async function openKiosk(browser: Browser, url: string, gate: string, opts: { fakeClock?: boolean; timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}) });
  const page = await context.newPage();
  if (opts.fakeClock) await page.clock.install();
  await enrollKioskPage(page, url, gate);
  await page.locator('.flights li').first().waitFor();
  return page;
}

/**
 * What a gate scanner does: a key event per character in one fast burst, then Enter.
 * Dispatched inside the page in one go, because typing through the browser protocol
 * slows to a human pace on a loaded machine and would no longer look like a scanner.
 */
export async function scan(page: Page, text: string): Promise<void> {
  await page.evaluate((chars) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...chars, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
    }
  }, text);
}

/**
 * The passenger scans their boarding pass and asks for one need (by its English label): resolves
 * once the kiosk has read the pass as `surname`'s and then shows the ticket.
 */
export async function askByPass(page: Page, pass: string, surname: string, need = 'Food'): Promise<void> {
  await scan(page, pass);
  await page.getByTestId('identified').filter({ hasText: surname }).waitFor();
  await page.getByLabel(need).check();
  await page.getByRole('button', { name: 'Send my request' }).click();
  await page.getByTestId('ticket-number').waitFor();
}
