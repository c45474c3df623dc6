import { describe, expect, it } from 'vitest';
import { Language } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { openKiosk, scan } from '../helpers/kiosk-page.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { KIOSK_LANGUAGES } from '../../kiosk/src/languages.ts';

/** Each language's button, named in its own language as the kiosk's bar shows it. */
const LANGUAGE_BUTTON = Object.fromEntries(KIOSK_LANGUAGES.map((l) => [l.code, l.name])) as Record<Language, string>;

describe('every kiosk screen in every language passes axe-core and is photographed', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it.each(Language.options)('%s', async (lang) => {
    const page = await openKiosk(chromium.browser, env.hub.url, 'K32', { fakeClock: true });
    const findings: string[] = [];
    const check = async (screen: string) => {
      await page.screenshot({ path: `${ARTIFACTS}/kiosk-${lang}-${screen}.png`, fullPage: true });
      findings.push(...(await seriousViolations(page)).map((f) => `${screen}: ${f}`));
    };
    await page.getByRole('button', { name: LANGUAGE_BUTTON[lang] }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);

    await check('home');
    await page.locator('button.primary.big').click();
    await page.getByTestId('form-errors').waitFor();
    await check('home-errors');

    await scan(page, 'this is not a boarding pass at all, sorry');
    await page.getByTestId('scan-error').waitFor();
    await check('scan-error');

    const af1634 = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    await scan(page, bcbp('NGUYEN/LAN', [{ from: 'CDG', to: 'BCN', carrier: 'AF', flight: '1634', julian: julianFor(af1634.scheduledDeparture) }]));
    await page.getByTestId('identified').waitFor();
    await page.locator('.need input').first().check();
    await check('scanned');

    await page.locator('button.primary.big').click();
    await page.getByTestId('ticket-number').waitFor();
    await page.getByTestId('wait-range').waitFor({ timeout: 20_000 });
    await check('ticket');
    const ticket = (await page.getByTestId('ticket-number').textContent())!.trim();

    // "Done", then "I already have a ticket".
    await page.locator('.ticket .actions button').nth(1).click();
    await page.locator('.scan-card .actions button').nth(1).click();
    await page.locator('input[name="ticket"]').waitFor();
    await check('lookup');
    await page.locator('input[name="ticket"]').fill(ticket);
    await page.locator('.lookup button[type="submit"]').click();
    await page.getByTestId('lookup-result').locator('.ticket-number').waitFor();
    await check('lookup-result');

    await page.clock.fastForward(61_000);
    await page.getByRole('alertdialog').waitFor();
    await check('idle-warning');

    expect(findings).toEqual([]);
    await page.context().close();
  });
});
