import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { signInStaff } from '../helpers/staff-page.ts';

/** Tablet layouts at the widths tablets have: nothing scrolls sideways, the header keeps one line. */
describe('staff tablet layout in chromium at 1024 and 768 px', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  async function tablet(width: number, height: number, id: string, pin: string): Promise<Page> {
    const page = await chromium.newPage({ viewport: { width, height } });
    await signInStaff(page, env.hub.url, id, pin);
    return page;
  }

  const overflow = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  const headerHeight = (page: Page) => page.locator('header.topbar').evaluate((h) => h.getBoundingClientRect().height);

  for (const [width, height] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    it(`the manager's Flights tab does not scroll sideways at ${width} px`, async () => {
      const page = await tablet(width, height, 'M201', '7319');
      await page.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Flights' }).click();
      await page
        .getByRole('heading', { name: /Flights/ })
        .first()
        .waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/manager-flights-${width}.png`, fullPage: true });
      const { scrollWidth, innerWidth } = await overflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      // Nor does the table scroll inside its own box: every Change button is in view.
      const table = await page.getByTestId('flights-table').evaluate((t) => {
        const box = t.parentElement!;
        return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
      });
      expect(table.scrollWidth).toBeLessThanOrEqual(table.clientWidth);
    });

    for (const [who, id, pin] of [
      ['agent', 'A101', '2468'],
      ['duty manager', 'M201', '7319'],
    ] as const) {
      it(`the offline banner does not change the height of the ${who}'s header at ${width} px`, async () => {
        const page = await tablet(width, height, id, pin);
        await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('Online');
        const online = await headerHeight(page);
        await page.context().setOffline(true);
        await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toContain('Offline');
        await page.screenshot({ path: `${ARTIFACTS}/staff-offline-header-${id}-${width}.png` });
        expect(await headerHeight(page)).toBe(online);
        expect(await page.getByTestId('offline-note').textContent()).toContain('changes are kept on this tablet');
        await page.context().setOffline(false);
      });
    }
  }
});
