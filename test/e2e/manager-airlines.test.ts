import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { emptyState, entitlementsForFlight, replay, type HubState, type PullResult } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';

async function axeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe("duty manager edits airlines' care rules in chromium; entitlements follow everywhere", () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let page: Page;
  let kiosk: TestDevice;

  beforeAll(async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    page = await context.newPage();
    kiosk = await env.kiosk('K32');
    await signInStaff(page, env.hub.url, 'M201', '7319');
  });

  const tab = (name: string) => page.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name });
  const careOwed = (flight: string) =>
    page.locator(`[data-testid="flight-board-row"][data-flight="${flight}"]`).getByTestId('flight-entitlement').textContent();
  const row = (code: string) => page.locator(`[data-testid="airline-row"][data-airline="${code}"]`);
  const amountOf = (form: Locator, group: string) => form.getByRole('group', { name: group }).getByLabel(/^Amount/);

  it("changes Air France's meal voucher and adds its own policy: the board and kiosks follow live", async () => {
    await tab('Board').click();
    await expect.poll(() => careOwed('AF1634')).toMatch(/^EU261 · meal €15 × 1/);

    await tab('Airlines').click();
    expect(await row('AF').textContent()).toMatch(/Air France.*EU 261.*none: the law only.*€15\.00 per person.*€150\.00 a night.*€40\.00 a trip/);
    expect(await row('AC').textContent()).toContain('EU 261 + Canada APPR');
    expect(await axeViolations(page)).toEqual([]);

    await row('AF').getByRole('button', { name: 'Edit Air France' }).click();
    const form = page.getByRole('form', { name: 'Edit Air France' });
    expect(await amountOf(form, 'Meal voucher per person').inputValue()).toBe('15.00');
    await amountOf(form, 'Meal voucher per person').fill('18.50');
    await form.getByLabel(/^Own policy: care from/).fill('60');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save airline' }).click();

    await expect.poll(() => page.getByTestId('airline-status').textContent()).toBe('Air France saved: every tablet and kiosk now uses these rules.');
    expect(await row('AF').textContent()).toMatch(/meals and calls from 60 min of delay.*€18\.50 per person/);
    expect(env.hub.hub.current.airlines.AF).toMatchObject({
      ownPolicy: { careFromMinutes: 60 },
      mealVoucherPerPerson: { minor: 1850, currency: 'EUR' },
      regimes: ['eu261'],
    });
    // Who changed what, and when, below the table; the limits' log is not cluttered with it.
    await expect
      .poll(() => page.getByTestId('airline-log').locator('> li').first().textContent())
      .toMatch(/Claire Dubois \(M201\).*AF own policy: none → care from 60 min.*AF meal voucher per person: 15\.00 EUR → 18\.50 EUR/);
    await page.screenshot({ path: `${ARTIFACTS}/manager-airlines.png`, fullPage: true });

    // The kiosk at the gate gets the new rules pushed and works out the new care with them.
    await waitFor(() => kiosk.received.flatMap((m) => m.entries).find((e) => e.op.type === 'airline.upsert'), 'the new rules pushed to the kiosk');
    const pulled: PullResult = await kiosk.pull(0);
    const onKiosk: HubState = pulled.kind === 'snapshot' ? pulled.state : replay(emptyState(), pulled.entries).state;
    const barcelona = Object.values(onKiosk.flights).find((f) => f.number === 'AF1634')!;
    // 2 h 30 late from Paris: EU 261 owes the meal now, sooner than the policy's 60 min of waiting; the new amount applies.
    expect(entitlementsForFlight(onKiosk, barcelona)!.entitlements.find((e) => e.kind === 'meal')).toMatchObject({
      source: 'eu261',
      voucher: { unit: { minor: 1850, currency: 'EUR' } },
    });

    await tab('Board').click();
    await expect.poll(() => careOwed('AF1634')).toMatch(/^EU261 · meal €18\.50 × 1/);
    expect(await careOwed('BA0305')).toMatch(/^EU261 · meal €15 × 1/);
  });

  it('refuses a bad value with a clear message and changes nothing', async () => {
    const before = structuredClone(env.hub.hub.current.airlines);
    await tab('Airlines').click();
    await row('AF').getByRole('button', { name: 'Edit Air France' }).click();
    const form = page.getByRole('form', { name: 'Edit Air France' });
    const errors = form.getByTestId('airline-errors');

    await amountOf(form, 'Meal voucher per person').fill('12.345');
    await form.getByRole('button', { name: 'Save airline' }).click();
    expect(await errors.locator('li').allTextContents()).toEqual(['Meal voucher per person: an amount has at most two decimals']);
    expect(await amountOf(form, 'Meal voucher per person').getAttribute('aria-invalid')).toBe('true');

    await amountOf(form, 'Meal voucher per person').fill('12.35');
    await form.getByLabel('EU 261').uncheck();
    await form.getByLabel(/^Own policy: care from/).fill('');
    await form.getByRole('button', { name: 'Save airline' }).click();
    await expect
      .poll(() => errors.locator('li').allTextContents())
      .toEqual(['an airline needs at least one passenger-rights law (EU 261, UK261, Canada APPR) or its own policy']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/manager-airlines-error.png`, fullPage: true });

    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(env.hub.hub.current.airlines).toEqual(before);
    expect(await row('AF').textContent()).toContain('€18.50 per person');
    await tab('Board').click();
    await expect.poll(() => careOwed('AF1634')).toMatch(/^EU261 · meal €18\.50 × 1/);
  });

  it('adds an airline, and will not let "add" overwrite one that exists', async () => {
    await tab('Airlines').click();
    await page.getByRole('button', { name: 'Add an airline' }).click();
    const form = page.getByRole('form', { name: 'New airline' });
    await form.getByLabel(/^Code/).fill('af');
    await form.getByLabel('Name', { exact: true }).fill('Another');
    await form.getByLabel('UK261').check();
    await form.getByRole('button', { name: 'Save airline' }).click();
    expect(await form.getByTestId('airline-errors').locator('li').allTextContents()).toEqual([
      'Code: Air France already uses AF: edit its row instead',
    ]);

    await form.getByLabel(/^Code/).fill('lh');
    await form.getByLabel('Name', { exact: true }).fill('Lufthansa');
    await form.getByLabel('UK261').uncheck();
    await form.getByLabel('EU 261').check();
    await amountOf(form, 'Meal voucher per person').fill('12');
    await form.getByLabel(/^Another meal every/).fill('3');
    await form.getByRole('button', { name: 'Save airline' }).click();

    await row('LH').waitFor();
    expect(await row('LH').textContent()).toMatch(/Lufthansa.*EU 261.*€12\.00 per person, one more every 3 h of waiting.*staff choose the amount/);
    await waitFor(() => env.hub.hub.current.airlines.LH, 'Lufthansa on the hub');
    expect(env.hub.hub.current.airlines.LH).toEqual({
      code: 'LH',
      name: 'Lufthansa',
      regimes: ['eu261'],
      mealVoucherPerPerson: { minor: 1200, currency: 'EUR' },
      mealEveryHours: 3,
    });
    expect(env.hub.hub.current.airlines.AF!.name).toBe('Air France');
  });
});
