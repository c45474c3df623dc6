import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Flight } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { enrollKioskPage } from '../helpers/enroll.ts';
import { askByTyping, scan } from '../helpers/kiosk-page.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { seriousViolations } from '../helpers/axe.ts';

const PARIS = 'Europe/Paris';

/** A kiosk in a browser set to the airport's zone, so its clock times are the airport's. */
async function parisKiosk(browser: Browser, url: string, gate: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, timezoneId: PARIS, locale: 'en-GB' });
  const page = await context.newPage();
  await enrollKioskPage(page, url, gate);
  await page.locator('.flights li').first().waitFor();
  return page;
}

/** Minutes past midnight of a clock time however it is written: "21:30", "9:30 PM". */
function minutesOfDay(text: string): number {
  const m = /(\d{1,2}):(\d{2})\s*([AP]M)?/i.exec(text);
  if (!m) throw new Error(`no clock time in "${text}"`);
  const written = Number(m[1]);
  const h = m[3] ? (written % 12) + (m[3].toUpperCase() === 'PM' ? 12 : 0) : written;
  return h * 60 + Number(m[2]);
}

function parisMinutes(iso: string): number {
  const [h, min] = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .split(':')
    .map(Number);
  return h! * 60 + min!;
}

async function ask(page: Page, flight: string, surname: string): Promise<void> {
  await askByTyping(page, surname, { flight });
}

describe('care timing, flight numbers and dated passes at the kiosk (issue 12, items 4, 6, 7)', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  const flight = (number: string): Flight => Object.values(env.hub.hub.current.flights).find((f) => f.number === number)!;

  it('AF1634, 2 h 30 late: care is owed now, to be offered by scheduled departure + 2 h at the latest', async () => {
    const kiosk = await parisKiosk(chromium.browser, env.hub.url, 'K32');
    await ask(kiosk, 'AF1634', 'Lambert');
    const entitled = kiosk.getByTestId('entitlements');
    await entitled.waitFor();
    const text = (await entitled.textContent())!;
    expect(text).toContain('Your flight is delayed 2 hours or more: you are entitled to meals and refreshments.');
    const by = /Owed now — to be offered by (.+?) at the latest/.exec(text);
    expect(by, text).not.toBeNull();
    const af1634 = flight('AF1634');
    expect(minutesOfDay(by![1]!)).toBe(parisMinutes(new Date(Date.parse(af1634.scheduledDeparture) + 2 * 3600_000).toISOString()));
    expect(text).not.toContain('Owed from');
    expect(text).toContain('EU 261/2004 Art. 6(1)(a)(i), Art. 9(1)(a)');
    expect(await seriousViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-care-owed-now.png`, fullPage: true });
    await kiosk.context().close();
  });

  it('typing "AF 84" finds AF0084', async () => {
    const kiosk = await parisKiosk(chromium.browser, env.hub.url, 'K36');
    await ask(kiosk, 'AF 84', 'Okafor');
    await expect.poll(() => kiosk.getByTestId('net-state').textContent()).toContain('Sent');
    const stored = Object.values(env.hub.hub.current.requests).find((r) => r.surname === 'Okafor');
    expect(stored).toMatchObject({ flightNumber: 'AF0084', flightId: flight('AF0084').id });
    expect(await kiosk.getByTestId('entitlements').textContent()).toContain('flight AF0084');
    await kiosk.context().close();
  });

  it("a pass dated another day gets a clear message, not today's flight", async () => {
    const kiosk = await parisKiosk(chromium.browser, env.hub.url, 'K32');
    const af1634 = flight('AF1634');
    const yesterday = new Date(Date.parse(af1634.scheduledDeparture) - 24 * 3600_000).toISOString();
    await scan(kiosk, bcbp('MOREAU/ANNE', [{ from: 'CDG', to: 'BCN', carrier: 'AF', flight: '1634', julian: julianFor(yesterday) }]));
    const date = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', timeZone: PARIS }).format(new Date(yesterday));
    await expect
      .poll(() => kiosk.getByTestId('scan-error').textContent())
      .toContain(`This boarding pass is for flight AF1634 on ${date}, not today.`);
    expect(await kiosk.getByTestId('identified').count()).toBe(0);
    expect(await seriousViolations(kiosk)).toEqual([]);

    // The same pass dated today is read.
    await scan(kiosk, bcbp('MOREAU/ANNE', [{ from: 'CDG', to: 'BCN', carrier: 'AF', flight: '1634', julian: julianFor(af1634.scheduledDeparture) }]));
    await expect.poll(() => kiosk.getByTestId('identified').textContent()).toContain('AF1634 to Barcelona: MOREAU');
    await kiosk.context().close();
  });
});
