import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { signInManager } from '../helpers/staff-page.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { openKiosk } from '../helpers/kiosk-page.ts';

describe('hotels in chromium: cancelled flight → whole-flight preview → apply → the kiosk shows hotel and shuttle in Arabic → check-in', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let manager: Page;
  let kiosk: Page;

  beforeAll(async () => {
    // AF1780 is the demo's cancelled flight, rebooked next morning: a hotel is owed.
    kiosk = await openKiosk(chromium.browser, env.hub.url, 'K41');
    await kiosk.getByRole('button', { name: 'العربية' }).click();
    await kiosk.getByLabel('رقم الرحلة').fill('AF1780');
    await kiosk.getByLabel('اسم العائلة').fill('Haddad');
    await kiosk.getByLabel('ماء').check();
    await kiosk.getByRole('button', { name: 'أرسل طلبي' }).click();
    await kiosk.getByTestId('net-state').waitFor();

    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    manager = await context.newPage();
    await signInManager(manager, env.hub.url);
    await manager.getByRole('link', { name: 'Hotels' }).click();
  });

  it('previews who goes where and what it costs, applies it, and the Arabic kiosk shows the hotel and its shuttle at once', async () => {
    await expect.poll(() => manager.getByTestId('without-room').textContent()).toContain('1 party');
    expect(await manager.getByTestId('without-room-list').textContent()).toMatch(/HADDAD · AF1780 to Rome Fiumicino · gate K41 · 1 adult/);
    expect(await manager.getByRole('region', { name: 'Billing per hotel and flight' }).textContent()).toContain('No room allocated yet.');
    await manager.getByTestId('alloc-flight').selectOption({ label: 'AF1780 to Rome Fiumicino' });
    await manager.getByRole('button', { name: 'Preview' }).click();
    const preview = manager.getByTestId('alloc-preview');
    await expect.poll(() => preview.textContent()).toContain('Haddad');
    expect(await preview.textContent()).toContain('Hôtel Aérogare Roissy');
    await manager.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => manager.getByTestId('without-room').textContent()).toContain('0 parties');
    expect(await manager.getByTestId('without-room-list').count()).toBe(0);
    // The board counts the party's seats on the shuttle it was given, and the billing shows the room-night.
    await expect.poll(() => manager.getByTestId('hotel-shuttles').first().textContent()).toMatch(/ 1 of 30 seats taken/);
    const billing = manager.getByTestId('hotel-billing');
    await expect.poll(() => billing.locator('tbody tr').first().textContent()).toMatch(/^AF1780Hôtel Aérogare Roissy11€\d+\.\d\d$/);
    const [download] = await Promise.all([
      manager.waitForEvent('download'),
      manager.getByRole('button', { name: 'Download hotel billing (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toMatch(/AF1780.*Hôtel Aérogare Roissy/);

    const card = kiosk.getByTestId('kiosk-hotel');
    await card.waitFor();
    expect(await kiosk.getByTestId('hotel-name').textContent()).toBe('Hôtel Aérogare Roissy');
    expect(await kiosk.getByTestId('hotel-transport').textContent()).toContain('حافلة مجانية');
    expect(await card.textContent()).toContain('فندقك الليلة');
    expect(await kiosk.getByTestId('hotel-back').textContent()).toContain('عُد إلى المطار');
    expect(await card.locator('svg[role="img"]').count()).toBe(1);
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-ar-hotel.png`, fullPage: true });
  });

  it('the hotel desk (duty manager screen for now) sees its guest and marks check-in', async () => {
    const guest = manager.getByTestId('hotel-guest').filter({ hasText: 'HADDAD' });
    await guest.waitFor();
    await guest.getByRole('button', { name: 'Mark checked in' }).click();
    await expect.poll(() => guest.textContent()).toContain('checked in');
    await expect.poll(() => manager.getByTestId('hotel-row').first().textContent()).toMatch(/checked in 1 (single|double|family|accessible)/);
  });
});
