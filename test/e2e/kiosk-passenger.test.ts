import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { connectDevice, type TestDevice } from '../helpers/socket-clients.ts';
import { openKiosk, scan } from '../helpers/kiosk-page.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { flightNumbered } from '../helpers/demo-state.ts';
import { op } from '../helpers/ops.ts';
import { CLAIRE, publishNotice } from '../helpers/manager-ops.ts';

describe('the passenger at the kiosk, in chromium', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let staff: TestDevice;
  // Dated the day the hub's demo AF1634 leaves: a pass of another day is refused.
  let MOREAU_PASS = '';

  beforeAll(async () => {
    staff = await env.staff('A101');
    const af1634 = flightNumbered(env.hub.hub.current, 'AF1634');
    MOREAU_PASS = bcbp('MOREAU/ANNE MRS', [
      {
        pnr: 'XK4P2Q',
        from: 'LHR',
        to: 'CDG',
        carrier: 'BA',
        flight: '0304',
        julian: julianFor(af1634.scheduledDeparture),
        conditional: '>5321WW1325BBA 0014',
      },
      { pnr: 'XK4P2Q', from: 'CDG', to: 'BCN', carrier: 'AF', flight: '1634', julian: julianFor(af1634.scheduledDeparture) },
    ]);
  });

  function requestIdOf(ticket: string): string {
    const r = Object.values(env.hub.hub.current.requests).find((x) => x.ticket === ticket);
    if (!r) throw new Error(`no request with ticket ${ticket}`);
    return r.id;
  }
  async function staffDoes(type: 'request.claim' | 'request.deliver', ticket: string): Promise<void> {
    const ack = await staff.submit(op({ kind: 'staff', id: 'A101' }, { type, payload: { requestId: requestIdOf(ticket) } }));
    expect(ack).toMatchObject({ ok: true });
  }
  const currentStep = (page: Page) => page.locator('.timeline [aria-current="step"]').textContent();

  it('a scanned pass fills in the flight, and the ticket shows number, timeline and an honest wait', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');

    await scan(kiosk, 'https://example.com/loyalty/4412-889-0021');
    await expect.poll(() => kiosk.getByTestId('scan-error').textContent()).toContain('not a boarding pass');
    await kiosk.getByRole('button', { name: 'Type my flight number instead' }).click();
    await expect.poll(() => kiosk.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('flight');

    await scan(kiosk, MOREAU_PASS);
    await expect.poll(() => kiosk.getByTestId('identified').textContent()).toContain('AF1634 to Barcelona: MOREAU');
    expect(await kiosk.getByTestId('scan-error').count()).toBe(0);
    // The pass replaces the typed flight and surname fields.
    expect(await kiosk.getByLabel('Flight number').count()).toBe(0);

    await kiosk.getByLabel('Water').check();
    await kiosk.getByLabel('Baby care (milk, nappies)').check();
    await kiosk.getByRole('button', { name: 'One more Infants (under 2)' }).click();
    await kiosk.getByLabel('Anything else we should know? (optional)').fill('Formula milk please');
    await kiosk.getByRole('button', { name: 'Send my request' }).click();

    const ticket = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    expect(ticket).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    await expect.poll(() => kiosk.getByTestId('net-state').textContent()).toContain('Sent');
    expect(await currentStep(kiosk)).toContain('Request received');
    await expect.poll(() => kiosk.getByTestId('wait-range').textContent(), { timeout: 20_000 }).toMatch(/About \d+ to \d+ minutes/);
    // AF1634: 2 h 30 late on 830 km, so EU 261 care; the infant counts as a person for the vouchers.
    const entitled = await kiosk.getByTestId('entitlements').textContent();
    expect(entitled).toContain('Your flight is delayed 2 hours or more: you are entitled to meals and refreshments.');
    expect(entitled).toContain('two free phone calls or emails');
    expect(entitled).toContain('EU 261/2004');
    expect(await kiosk.getByTestId('wait').textContent()).toContain('Your place in the queue: 1');
    const stored = env.hub.hub.current.requests[requestIdOf(ticket)]!;
    expect(stored).toMatchObject({
      surname: 'MOREAU',
      flightNumber: 'AF1634',
      party: { adults: 1, children: 0, infants: 1 },
      note: 'Formula milk please',
    });
    expect(stored.needs.sort()).toEqual(['baby', 'water']);
    // Once the hub has it, the kiosk shows nothing of who asked.
    expect(await kiosk.locator('body').textContent()).not.toMatch(/MOREAU|Formula/);

    await staffDoes('request.claim', ticket);
    await expect.poll(() => kiosk.getByTestId('ticket-status').textContent()).toBe('On the way — Amira');
    expect(await currentStep(kiosk)).toContain('On the way — Amira');
    await expect.poll(() => kiosk.getByTestId('wait').textContent(), { timeout: 20_000 }).toContain('on the way to you');
    await staffDoes('request.deliver', ticket);
    await expect.poll(() => kiosk.getByTestId('ticket-status').textContent()).toBe('Delivered');
    expect(await kiosk.locator('.timeline .step.done').count()).toBe(3);
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-flow-delivered.png`, fullPage: true });

    // Back home: the pass is gone, and scanning it again finds nothing open.
    await kiosk.getByRole('button', { name: 'Done' }).click();
    expect(await kiosk.getByTestId('identified').count()).toBe(0);
    await kiosk.context().close();
  });

  it('a returning passenger finds their ticket at another gate by number or by scanning the pass again', async () => {
    const first = await openKiosk(chromium.browser, env.hub.url, 'K32');
    await scan(first, MOREAU_PASS);
    await first.getByLabel('Blanket').check();
    await first.getByRole('button', { name: 'Send my request' }).click();
    const ticket = (await first.getByTestId('ticket-number').textContent())!.trim();
    await expect.poll(() => first.getByTestId('net-state').textContent()).toContain('Sent');
    await staffDoes('request.claim', ticket);

    // Back at the first kiosk later, the same pass offers the open ticket.
    await first.getByRole('button', { name: 'Done' }).click();
    await scan(first, MOREAU_PASS);
    await first.getByRole('button', { name: `See ticket ${ticket}` }).click();
    await expect.poll(() => first.getByTestId('lookup-result').textContent()).toContain(ticket);
    await first.context().close();

    const other = await openKiosk(chromium.browser, env.hub.url, 'K41');
    await other.getByRole('button', { name: 'I already have a ticket' }).click();
    await other.getByLabel('Ticket number').fill('ZZZ-ZZZ');
    await other.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => other.getByTestId('lookup-result').textContent()).toContain('No ticket found');

    await other.getByLabel('Ticket number').fill(ticket.toLowerCase().replace('-', ''));
    await other.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => other.getByTestId('lookup-result').textContent()).toContain(ticket);
    expect(await other.getByTestId('ticket-status').first().textContent()).toBe('On the way — Amira');
    expect(await other.locator('body').textContent()).not.toMatch(/MOREAU/);

    await staffDoes('request.deliver', ticket);
    // The screen keeps itself fresh while the passenger watches.
    await expect.poll(() => other.getByTestId('ticket-status').first().textContent(), { timeout: 25_000 }).toBe('Delivered');

    await scan(other, MOREAU_PASS);
    await expect.poll(() => other.getByTestId('lookup-result').locator('.ticket-number').count()).toBe(2);
    await other.screenshot({ path: `${ARTIFACTS}/kiosk-flow-lookup-by-pass.png`, fullPage: true });
    await other.context().close();
  });

  it('keeps the very first thing typed on a kiosk nobody has touched yet', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    // fill() sends input events with no key or touch before them, as some on-screen keyboards do.
    await kiosk.getByLabel('Flight number').fill('AF1634');
    await kiosk.getByLabel('Surname').fill('Lambert');
    expect(await kiosk.getByLabel('Flight number').inputValue()).toBe('AF1634');
    expect(await kiosk.getByLabel('Surname').inputValue()).toBe('Lambert');
    await kiosk.context().close();
  });

  it('a pass for a flight that does not leave from here, or an unknown typed flight, gets a clear message', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    await scan(kiosk, bcbp('SMITH/JOHN', [{ from: 'JFK', to: 'LAX', carrier: 'AA', flight: '0100' }]));
    await expect.poll(() => kiosk.getByTestId('scan-error').textContent()).toContain('None of the flights on your boarding pass leaves from CDG');
    expect(await kiosk.getByTestId('scan-error').textContent()).toContain('AA0100 JFK → LAX');
    await scan(kiosk, MOREAU_PASS.slice(0, 45));
    await expect.poll(() => kiosk.getByTestId('scan-error').textContent()).toContain('Only part of the barcode was read');

    await kiosk.getByLabel('Flight number').fill('XX9999');
    await kiosk.getByLabel('Surname').fill('Smith');
    await kiosk.getByRole('button', { name: 'Send my request' }).click();
    const errors = await kiosk.getByTestId('form-errors').textContent();
    expect(errors).toContain('We cannot find flight XX9999 departing today');
    expect(errors).toContain('Choose at least one need');
    await kiosk.context().close();
  });

  it("shows the duty manager's latest notice for the flight on the home screen and with the ticket, in the passenger's language", async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    const manager = await connectDevice(env.hub.url, { token: await env.token('M201') });
    const flightId = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!.id;
    const nextUpdateAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const ack = await manager.submit(op(CLAIRE, publishNotice({ kind: 'flight', flightId }, { leadSeconds: 0, nextUpdateAt })));
    manager.close();
    expect(ack).toMatchObject({ ok: true });

    await kiosk.getByTestId('notice').waitFor({ timeout: 15_000 });
    const notice = await kiosk.getByTestId('notice').textContent();
    expect(notice).toContain('Latest news about flight AF1634');
    expect(notice).toContain('What we know');
    expect(notice).toContain('A technical fault on the aircraft is being repaired.');
    expect(notice).toContain("What we don't know yet");
    expect(notice).toMatch(/Next update at \d{1,2}:\d\d/);
    await kiosk.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => kiosk.getByTestId('notice').textContent()).toContain("Une panne technique de l'avion");
    // Spanish was not written: English, marked as English for screen readers.
    await kiosk.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => kiosk.getByTestId('notice').locator('dl').getAttribute('lang')).toBe('en');

    await kiosk.getByLabel('Número de vuelo').fill('AF1634');
    await kiosk.getByLabel('Apellido').fill('García');
    await kiosk.getByLabel('Agua').check();
    await kiosk.getByRole('button', { name: 'Enviar mi solicitud' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('notice').textContent()).toContain('Últimas noticias del vuelo AF1634');
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-flow-notice-ticket-es.png`, fullPage: true });
    await kiosk.context().close();
  });

  it('speaks Arabic right to left, keeps the language bar and larger text on every screen', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    await kiosk.getByRole('button', { name: 'Larger text' }).click();
    expect(await kiosk.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('26px');
    await kiosk.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => kiosk.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join())).toBe('rtl,ar');
    expect(await kiosk.getByRole('heading', { level: 1 }).textContent()).toBe('المساعدة عند البوابة');
    await kiosk.getByRole('button', { name: 'لدي تذكرة بالفعل' }).click();
    await kiosk.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => kiosk.getByRole('heading', { level: 2 }).first().textContent()).toBe('查找我的服务单');
    expect(await kiosk.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await kiosk.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('26px');
    await kiosk.context().close();
  });

  it('the last language tapped wins, even when an earlier choice is still loading', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    // Hold the Arabic catalog on the wire, as a slow network would, while the passenger changes their mind.
    let releaseArabic!: () => void;
    const arabicHeld = new Promise<void>((resolve) => (releaseArabic = resolve));
    let arabicAsked!: () => void;
    const arabicRequested = new Promise<void>((resolve) => (arabicAsked = resolve));
    await kiosk.route(/\/ar[-.][^/]*\.js$/, async (route) => {
      arabicAsked();
      await arabicHeld;
      await route.continue();
    });
    await kiosk.getByRole('button', { name: 'العربية' }).click();
    await arabicRequested;
    await kiosk.getByRole('button', { name: 'English' }).click();
    const arabicLoaded = kiosk.waitForResponse(/\/ar[-.][^/]*\.js$/);
    releaseArabic();
    const arabic = await arabicLoaded;
    // The page imports the same catalog module: that settles once the module has run, right after the kiosk's own
    // import of it, so the late catalog has had its say (all of it in microtasks) before the screen is read.
    // A string, so that the test runner's rewriting of import() stays out of the page.
    await kiosk.evaluate(`import(${JSON.stringify(arabic.url())}).then(() => true)`);
    expect(await kiosk.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join())).toBe('ltr,en');
    expect(await kiosk.getByLabel('Flight number').count()).toBe(1);
    await kiosk.context().close();
  });

  it('in Arabic, lists needs with the Arabic conjunction and lets typed Latin names and notes keep their direction', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    await kiosk.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await kiosk.getByLabel('رقم الرحلة').fill('AF1634');
    await kiosk.getByLabel('اسم العائلة').fill('Moreau');
    // A Latin surname or note typed on an Arabic screen reads left to right inside its field.
    expect(await kiosk.getByLabel('اسم العائلة').evaluate((e) => [e.getAttribute('dir'), getComputedStyle(e).direction].join())).toBe('auto,ltr');
    await kiosk.getByLabel('ماء').check();
    await kiosk.getByLabel('بطانية').check();
    await kiosk.getByRole('button', { name: 'أرسل طلبي' }).click();
    const asked = (await kiosk.locator('.asked').textContent())!;
    expect(asked).toContain('ماء');
    expect(asked).toContain(' وبطانية');
    expect(asked).not.toContain(',');
    await kiosk.context().close();
  });

  it('after a minute untouched it warns, "I\'m still here" keeps the screen, and ten seconds more clear it', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32', { fakeClock: true });
    const idle = () => kiosk.evaluate(() => document.documentElement.dataset.kioskIdle);
    await kiosk.getByRole('button', { name: 'Français' }).click();
    await kiosk.getByLabel('Nom de famille').fill('Dupont');
    await kiosk.getByLabel('Couverture').check();
    await kiosk.clock.fastForward(30_000);
    expect(await kiosk.getByRole('alertdialog').count()).toBe(0);
    await kiosk.clock.fastForward(31_000);
    await kiosk.getByRole('alertdialog').waitFor();
    expect(await idle()).toBe('warning');
    expect(await kiosk.getByRole('alertdialog').textContent()).toContain('Êtes-vous toujours là');
    await kiosk.getByRole('button', { name: 'Je suis toujours là' }).click();
    await kiosk.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await idle()).toBe('active');
    expect(await kiosk.getByLabel('Nom de famille').inputValue()).toBe('Dupont');

    await kiosk.clock.fastForward(61_000);
    await kiosk.getByRole('alertdialog').waitFor();
    await kiosk.clock.fastForward(11_000);
    await kiosk.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect.poll(idle).toBe('idle');
    await expect.poll(() => kiosk.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await kiosk.getByLabel('Surname').inputValue()).toBe('');
    expect(await kiosk.getByLabel('Blanket').isChecked()).toBe(false);
    expect(await kiosk.locator('body').textContent()).not.toContain('Dupont');
    await kiosk.context().close();
  });
});
