import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { airportClock, airportClockIn, type Op } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { openKiosk } from '../helpers/kiosk-page.ts';
import { signInManager, signInStaff } from '../helpers/staff-page.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { CLAIRE, publishNotice } from '../helpers/manager-ops.ts';
import { op } from '../helpers/ops.ts';
import { seriousViolations } from '../helpers/axe.ts';

/**
 * Journeys that cross screens: what one person does on one device, another sees on theirs.
 * Each test opens the screens side by side, as separate devices (browser contexts).
 */
describe('journeys across screens, in chromium', () => {
  const env = useTestHub({ perTest: true });
  const chromium = useBrowser();
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function tablet(timezoneId?: string): Promise<Page> {
    const ctx = await chromium.browser.newContext({ viewport: { width: 1100, height: 1000 }, ...(timezoneId ? { timezoneId } : {}) });
    contexts.push(ctx);
    return ctx.newPage();
  }
  async function kiosk(gate: string, timezoneId?: string): Promise<Page> {
    const page = await openKiosk(chromium.browser, env.hub.url, gate, timezoneId ? { timezoneId } : {});
    contexts.push(page.context());
    return page;
  }
  /** A passenger at the kiosk types their flight and name, asks for food for two and gets a ticket. */
  async function askForFood(page: Page, surname: string): Promise<string> {
    await page.getByLabel('Flight number').fill('AF1634');
    await page.getByLabel('Surname').fill(surname);
    await page.getByLabel('Food').check();
    await page.getByRole('button', { name: 'One more Adults' }).click();
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => page.getByTestId('net-state').textContent()).toContain('Sent');
    return (await page.getByTestId('ticket-number').textContent())!.trim();
  }
  async function managerDoes(body: Parameters<typeof op>[1]): Promise<void> {
    const claire = await env.staff('M201');
    expect(await claire.submit(op(CLAIRE, body) as Op)).toMatchObject({ ok: true });
  }

  /** A passenger's kiosk with a ticket at K32 and Amira's tablet showing its card. */
  async function passengerAndAgent(): Promise<{ passenger: Page; amira: Page; ticket: string; card: ReturnType<Page['locator']> }> {
    const passenger = await kiosk('K32');
    const ticket = await askForFood(passenger, 'Moreau');
    const amira = await tablet();
    await signInStaff(amira, env.hub.url, 'A101', '2468', ['K32']);
    return { passenger, amira, ticket, card: amira.locator(`[data-ticket="${ticket}"]`) };
  }

  it('a voucher issued on the tablet reaches the passenger on the kiosk live, with its code and QR', async () => {
    const findings: string[] = [];
    const { passenger, card } = await passengerAndAgent();
    expect(await passenger.getByTestId('party-size').textContent()).toBe('For 2 people');
    await card.getByRole('button', { name: 'Voucher…' }).click();
    expect(await card.getByLabel(/^Amount/).inputValue()).toBe('30.00');
    await card.getByRole('button', { name: 'Issue voucher' }).click();
    await expect.poll(() => card.getByTestId('voucher').first().getAttribute('data-status')).toBe('issued');
    const mealCode = Object.values(env.hub.hub.current.vouchers)[0]!.code;

    // The kiosk shows it at once, code in large type and its QR, until when it is valid.
    const meal = passenger.getByTestId('kiosk-voucher').first();
    await expect.poll(() => meal.getByTestId('voucher-code').textContent()).toBe(mealCode);
    const flight = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    const text = await meal.textContent();
    expect(text).toContain('Meal voucher');
    expect(text).toContain('€30.00');
    expect(text).toContain(`Valid until ${airportClockIn(flight.estimatedDeparture, 'Europe/Paris', 'en')}`);
    expect(Number(await meal.getByTestId('voucher-qr').getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
    expect(await meal.getByRole('img', { name: `QR code of voucher ${mealCode}` }).count()).toBe(1);

    // In Arabic, the English description stays isolated and the code reads left to right.
    await passenger.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => passenger.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await meal.textContent()).toContain('قسيمة وجبة');
    expect(await meal.getByTestId('voucher-code').getAttribute('dir')).toBe('ltr');
    findings.push(...(await seriousViolations(passenger)));
    await passenger.screenshot({ path: `${ARTIFACTS}/journey-kiosk-vouchers-ar.png`, fullPage: true });
    expect(findings).toEqual([]);
  });

  it('an escalated voucher waits on the kiosk, appears once approved, says so when declined, and another kiosk finds them all', async () => {
    const findings: string[] = [];
    const { passenger, ticket, card } = await passengerAndAgent();

    // Above the agent's cap: the passenger is told it waits for the duty manager, with no code yet.
    await card.getByRole('button', { name: 'Voucher…' }).click();
    await card.getByLabel('Type').selectOption('hotel');
    await card.getByLabel(/^Amount/).fill('600');
    await card.getByLabel('Why it is needed (for the duty manager)').fill('Family of two, two nights');
    await card.getByRole('button', { name: 'Send to duty manager' }).click();
    const hotel = passenger.getByTestId('kiosk-voucher').first();
    await expect.poll(() => hotel.getAttribute('data-status')).toBe('pending');
    expect(await hotel.textContent()).toContain("Waiting for the duty manager's answer");
    expect(await hotel.getByTestId('voucher-code').count()).toBe(0);
    expect(await passenger.locator('body').textContent()).not.toContain('Family of two');
    findings.push(...(await seriousViolations(passenger)));
    await passenger.screenshot({ path: `${ARTIFACTS}/journey-kiosk-voucher-pending.png`, fullPage: true });

    // Approved: the code and QR appear on the kiosk without a reload; the manager's note does not.
    const hotelVoucher = Object.values(env.hub.hub.current.vouchers).find((v) => v.kind === 'hotel')!;
    await managerDoes({ type: 'voucher.approve', payload: { voucherId: hotelVoucher.id, note: 'Agreed with the station manager' } });
    await expect.poll(() => hotel.getByTestId('voucher-code').textContent()).toBe(hotelVoucher.code);
    await hotel.getByTestId('voucher-qr').waitFor();

    // A third one declined: an honest line, no code.
    await card.getByRole('button', { name: 'Voucher…' }).click();
    await card.getByLabel('Type').selectOption('taxi');
    await card.getByLabel(/^Amount/).fill('900');
    await card.getByLabel('Why it is needed (for the duty manager)').fill('Taxi to Lyon');
    await card.getByRole('button', { name: 'Send to duty manager' }).click();
    const taxi = passenger.getByTestId('kiosk-voucher').nth(1);
    await expect.poll(() => taxi.getAttribute('data-status')).toBe('pending');
    const taxiVoucher = Object.values(env.hub.hub.current.vouchers).find((v) => v.kind === 'taxi')!;
    await managerDoes({ type: 'voucher.decline', payload: { voucherId: taxiVoucher.id, reason: 'Train ticket offered instead' } });
    await expect.poll(() => taxi.getAttribute('data-status')).toBe('declined');
    expect(await taxi.textContent()).toContain('This voucher was not approved by the duty manager');
    expect(await passenger.locator('body').textContent()).not.toMatch(/station manager|Train ticket|Lyon/);

    // Another kiosk finds the ticket by number and shows the same vouchers.
    const other = await kiosk('K41');
    await other.getByRole('button', { name: 'I already have a ticket' }).click();
    await other.getByLabel('Ticket number').fill(ticket);
    await other.getByRole('button', { name: 'Find' }).click();
    const found = other.getByTestId('lookup-result');
    await expect.poll(() => found.getByTestId('kiosk-voucher').count()).toBe(2);
    expect(await found.getByTestId('voucher-code').allTextContents()).toEqual([hotelVoucher.code]);
    expect(await found.getByTestId('kiosk-voucher').nth(1).getAttribute('data-status')).toBe('declined');
    findings.push(...(await seriousViolations(other)));
    expect(findings).toEqual([]);
  });
  it('a notice reaches the agents of the gate at once, saying when kiosks will show it; the kiosk waits for the lead', async () => {
    const passenger = await kiosk('K32');
    const amira = await tablet();
    await signInStaff(amira, env.hub.url, 'A101', '2468', ['K32', 'K33']);
    const af1634 = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;

    const first = publishNotice({ kind: 'flight', flightId: af1634.id }, { leadSeconds: 120 });
    await managerDoes(first);
    const notice = env.hub.hub.current.notices[first.payload.noticeId]!;
    const onTablet = amira.getByTestId('gate-notice');
    await expect.poll(() => onTablet.count()).toBe(1);
    expect(await onTablet.textContent()).toContain('AF1634 (gate K32)');
    expect(await onTablet.textContent()).toContain('A technical fault on the aircraft is being repaired.');
    expect(await onTablet.getByTestId('kiosk-when').textContent()).toBe(`Kiosks show this at ${airportClock(notice.revealAt, 'Europe/Paris')}`);

    // The kiosk has not got it: it sees a later change to the flight, but no notice yet.
    const later = new Date(Date.parse(af1634.estimatedDeparture) + 30 * 60_000).toISOString();
    await managerDoes({ type: 'flight.delay', payload: { flightId: af1634.id, estimatedDeparture: later } });
    const laterOnKiosk = airportClockIn(later, 'Europe/Paris', 'en');
    await expect.poll(() => passenger.locator('.flights').textContent()).toContain(laterOnKiosk);
    expect(await passenger.getByTestId('notice').count()).toBe(0);

    // An update with no lead replaces it: kiosks show it, the tablet says since when, the history keeps both.
    const update = publishNotice(
      { kind: 'flight', flightId: af1634.id },
      { leadSeconds: 0, replaces: first.payload.noticeId, texts: { en: { known: 'A new aircraft is on its way from Lyon.', unknown: '' } } },
    );
    await managerDoes(update);
    await expect.poll(() => passenger.getByTestId('notice').textContent()).toContain('A new aircraft is on its way from Lyon.');
    const revealedAt = await waitFor(() => env.hub.hub.current.notices[update.payload.noticeId]!.revealedAt, 'the hub reveals the update');
    await expect.poll(() => onTablet.getByTestId('kiosk-when').textContent()).toBe(`On the kiosks since ${airportClock(revealedAt, 'Europe/Paris')}`);
    expect(await onTablet.count()).toBe(1);
    await amira.getByText('History for your gates (2)').click();
    const history = amira.getByTestId('gate-notice-history');
    expect(await history.locator('li').count()).toBe(2);
    expect(await history.textContent()).toMatch(/A new aircraft.*replaced.*A technical fault/s);
    expect(await seriousViolations(amira)).toEqual([]);
    await amira.screenshot({ path: `${ARTIFACTS}/journey-tablet-notices.png`, fullPage: true });
  });

  it('every kiosk reads the airport clock, whatever zone the device is set to', async () => {
    const zones = ['Europe/Paris', 'America/Vancouver', 'Asia/Tokyo'];
    const af1634 = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    const departs = airportClockIn(af1634.estimatedDeparture, 'Europe/Paris', 'en');

    const kiosks = await Promise.all(zones.map((z) => kiosk('K32', z)));
    // The device zones really differ: the same instant reads differently on each device's own clock.
    const ownClocks = await Promise.all(kiosks.map((k) => k.evaluate((iso) => new Date(iso).getHours(), af1634.estimatedDeparture)));
    expect(new Set(ownClocks).size).toBe(3);
    const lines = await Promise.all(kiosks.map((k) => k.locator('.flights li', { hasText: 'AF1634' }).textContent()));
    expect(lines[0]).toContain(departs);
    expect(new Set(lines).size).toBe(1);

    await askForFood(kiosks[1]!, 'Tanaka');
    const received = airportClockIn(Object.values(env.hub.hub.current.requests)[0]!.createdAt, 'Europe/Paris', 'en');
    // Asked in Vancouver: the ticket's "received at" is still Paris time.
    expect(await kiosks[1]!.locator('.timeline li').first().textContent()).toContain(received);
  });

  it('every staff screen reads the airport clock, whatever zone the tablet is set to', async () => {
    const zones = ['Europe/Paris', 'America/Vancouver', 'Asia/Tokyo'];
    const af1634 = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    const ticket = await askForFood(await kiosk('K32'), 'Tanaka');
    const tablets = await Promise.all(zones.map((z) => tablet(z)));
    await Promise.all(tablets.map((t) => signInStaff(t, env.hub.url, 'A101', '2468', ['K32'])));
    const created = airportClock(Object.values(env.hub.hub.current.requests)[0]!.createdAt, 'Europe/Paris');
    const histories = await Promise.all(
      tablets.map(async (t) => {
        const card = t.locator(`[data-ticket="${ticket}"]`);
        await card.getByRole('button', { name: 'History' }).click();
        return card.getByRole('list', { name: 'History' }).textContent();
      }),
    );
    expect(histories[0]).toContain(created);
    expect(new Set(histories).size).toBe(1);

    // The duty manager's board, on a tablet set to Tokyo, shows Paris departures.
    const manager = await tablet('Asia/Tokyo');
    await signInManager(manager, env.hub.url);
    const row = manager.locator('[data-testid="flight-board-row"][data-flight="AF1634"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe(airportClock(af1634.estimatedDeparture, 'Europe/Paris'));
  });
});
