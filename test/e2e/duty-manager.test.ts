import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { signInManager } from '../helpers/staff-page.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, createRequest, op } from '../helpers/ops.ts';
import { voucherBody } from '../helpers/core-fixtures.ts';
import { airportInputValue, type Actor } from '../../core/index.ts';

/** Local input value for a datetime-local field; the browser context runs in UTC. */
// The manager types departures on the airport's clock (Paris), whatever zone the tablet is set to.
const localInput = (iso: string) => airportInputValue(iso, 'Europe/Paris');

describe('duty manager view in chromium: live board, flights, notices, limits, escalations, report', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let context: BrowserContext;
  let page: Page;
  let kiosk: TestDevice;
  let kioskActor: Actor;
  let agent: TestDevice;

  beforeAll(async () => {
    context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', acceptDownloads: true });
    page = await context.newPage();
    ({ kiosk, me: kioskActor } = await env.enrolledKiosk('K32'));
    agent = await env.staff('A101');

    await signInManager(page, env.hub.url);
  });

  const tab = (name: string | RegExp) => page.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name });
  const passenger = async (o: Parameters<typeof createRequest>[0]) => {
    const body = createRequest(o);
    expect(await kiosk.submit(op(kioskActor, body))).toMatchObject({ ok: true });
    return body.type === 'request.create' ? body.payload.requestId : '';
  };

  it('the board follows requests and deliveries live, without reload', async () => {
    await page.getByRole('heading', { name: /Live board/ }).waitFor();
    await expect.poll(() => page.getByTestId('connection').textContent()).toContain('Online');
    expect(await page.getByTestId('total-open').textContent()).toContain('0');

    const first = await passenger({ needs: ['water', 'blanket'] });
    await passenger({ needs: ['baby'], party: { adults: 1, children: 0, infants: 1 } });
    await expect.poll(() => page.getByTestId('total-open').locator('.tile-value').textContent()).toBe('2');
    const k32 = page.locator('[data-testid="gate-row"][data-gate="K32"]');
    await expect.poll(() => k32.getByTestId('gate-open').textContent()).toBe('2');
    expect(await k32.textContent()).toMatch(/Water 1.*Blanket 1.*Baby 1/);

    expect(await agent.submit(op(AMIRA, { type: 'request.deliver', payload: { requestId: first, items: { water: 2, blanket: 2 } } }))).toMatchObject({
      ok: true,
    });
    await expect.poll(() => k32.getByTestId('gate-open').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('total-served').locator('.tile-value').textContent()).toBe('1');
    expect(await k32.textContent()).toContain('Amira');
    expect(await k32.textContent()).toContain('water 46');

    const af1634 = page.locator('[data-testid="flight-board-row"][data-flight="AF1634"]');
    expect(await af1634.getByTestId('flight-entitlement').textContent()).toMatch(/EU261/);
    expect(await page.getByTestId('activity-chart').locator('rect.bar-created').count()).toBe(16);
    await page.screenshot({ path: `${ARTIFACTS}/manager-board.png`, fullPage: true });
  });

  it('delays a flight and moves it to another gate; the board and entitlements follow', async () => {
    await tab('Flights').click();
    const madrid = page.locator('[data-testid="flight-row"][data-flight="AF1012"]');
    const flight = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1012')!;
    const later = new Date(Date.parse(flight.scheduledDeparture) + 3 * 3600_000).toISOString();

    await madrid.getByRole('button', { name: 'Delay AF1012' }).click();
    await madrid.getByLabel('New departure').fill(localInput(later));
    await madrid.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => madrid.getByTestId('flight-status').textContent()).toBe('delayed');
    expect(await madrid.getByTestId('flight-delay').textContent()).toBe('3 h 00');

    await madrid.getByRole('button', { name: 'Change gate of AF1012' }).click();
    await madrid.getByLabel('New gate').selectOption('K38');
    await madrid.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => madrid.getByTestId('flight-gate').textContent()).toBe('K38');
    await waitFor(() => env.hub.hub.current.flights[flight.id]!.gate === 'K38', 'hub has the new gate');
    expect(env.hub.hub.current.flights[flight.id]).toMatchObject({ status: 'delayed', estimatedDeparture: later });

    await tab('Board').click();
    const row = page.locator('[data-testid="flight-board-row"][data-flight="AF1012"]');
    expect(await row.textContent()).toContain('3 h 00');
    expect(await row.getByTestId('flight-entitlement').textContent()).toMatch(/EU261/);
  });

  it('imports a flight list and shows each bad line by number', async () => {
    await tab('Flights').click();
    const csv = [
      'number,origin,destination,destinationName,distanceKm,gate,scheduledDeparture',
      'AF7001,CDG,LIS,Lisbon,1460,K33,2026-11-24T09:00:00Z',
      'AF7002,CDG,OPO,Porto,1220,K99,2026-11-24T09:30:00Z',
      'AF7003,CDG,NCE,Nice,690,K35,soon',
    ].join('\n');
    await page.getByLabel('Flight list file (CSV or JSON)').setInputFiles({ name: 'evening.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual([
      'Line 3: gate K99 does not exist',
      expect.stringMatching(/^Line 4: scheduledDeparture: a time looks like/),
    ]);
    await page.screenshot({ path: `${ARTIFACTS}/manager-import-errors.png`, fullPage: true });
    await page.getByRole('button', { name: 'Import 1 flight (skip the lines with problems)' }).click();
    await page.locator('[data-testid="flight-row"][data-flight="AF7001"]').waitFor();
    await waitFor(() => env.hub.hub.current.flights['AF7001-2026-11-24'], 'flight imported on the hub');
  });

  it('publishes a notice: staff see it at once, it reaches kiosks after the lead, the history keeps the update', async () => {
    await tab('Notices').click();
    await page.getByRole('button', { name: 'New notice' }).click();
    const form = page.getByRole('form', { name: 'New notice' });
    await form.getByRole('combobox', { name: /^Flight/ }).selectOption({ label: 'AF1634 → Barcelona (gate K32)' });
    await form.getByLabel('What we know (en)').fill('The aircraft needs a new part, flown in from Lyon.');
    await form.getByLabel("What we don't know yet (en)").fill('When the part lands.');
    await form.getByLabel('What we know (fr)').fill("L'avion attend une pièce, qui arrive de Lyon.");
    await form.getByLabel('Staff see it first, for (seconds)').fill('2');
    await form.getByRole('button', { name: 'Publish notice' }).click();

    const notice = page.getByTestId('notice').first();
    await expect.poll(() => notice.getByTestId('notice-status').textContent()).toMatch(/^Staff only — on kiosks at/);
    const agentGot = await waitFor(
      () => agent.received.flatMap((m) => m.entries).find((e) => e.op.type === 'notice.publish'),
      'agent gets the notice',
    );
    expect(kiosk.received.flatMap((m) => m.entries).some((e) => e.op.type.startsWith('notice.'))).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/manager-notice-staff-only.png`, fullPage: true });

    const kioskGot = await waitFor(
      () => kiosk.received.flatMap((m) => m.entries).find((e) => e.op.type === 'notice.reveal'),
      'kiosk gets it after the lead',
      15_000,
    );
    expect(Date.parse(kioskGot.at) - Date.parse(agentGot.at)).toBeGreaterThanOrEqual(2000);
    await expect.poll(() => notice.getByTestId('notice-status').textContent()).toMatch(/^On kiosks since/);

    await notice.getByRole('button', { name: /^Update notice for AF1634/ }).click();
    const update = page.getByRole('form', { name: 'Update notice' });
    await update.getByLabel('What we know (en)').fill('The part has landed; boarding expected at 21:30.');
    await update.getByRole('button', { name: 'Publish update' }).click();
    await expect.poll(() => page.getByTestId('notice').count()).toBe(2);
    expect(await page.getByTestId('notice').nth(1).getByTestId('notice-status').textContent()).toMatch(/^Was on kiosks from/);
    await page.screenshot({ path: `${ARTIFACTS}/manager-notices.png`, fullPage: true });
  });

  it('changes a limit live, with the change log, and decides an escalation with a note', async () => {
    await tab('Limits').click();
    await page.getByLabel('Agents cap per passenger').fill('120.00');
    await page.getByRole('button', { name: 'Save policy' }).click();
    const log = page.getByTestId('policy-log');
    await log.waitFor();
    expect(await log.textContent()).toMatch(/agent cap per passenger: \d+\.00 EUR → 120\.00 EUR/);
    expect(await log.textContent()).toContain('Claire Dubois (M201)');
    await waitFor(() => env.hub.hub.current.policy.limits.agent.capPerPassengerCents === 12000, 'policy on the hub');

    const requestId = await passenger({ needs: ['hotel'], surname: 'Okafor', party: { adults: 2, children: 0, infants: 0 } });
    const esc = voucherBody(requestId, 52000, 'voucher.escalate', 'hotel');
    expect(await agent.submit(op(AMIRA, esc))).toMatchObject({ ok: true });
    await expect.poll(() => page.getByTestId('escalation-badge').textContent()).toBe('1');
    await tab(/Escalations/).click();
    const card = page.getByTestId('escalation').first();
    await card.waitFor();
    expect(await card.textContent()).toMatch(/520\.00.*hotel.*OKAFOR · 2 people.*Amira/s);
    await card.getByRole('button', { name: /^Decline/ }).click();
    expect(await card.getByRole('alert').textContent()).toBe('say why you decline (at least 3 characters)');
    await card.getByLabel(/^Note on/).fill('Two nights agreed with the airline station manager');
    await page.screenshot({ path: `${ARTIFACTS}/manager-escalation-queue.png`, fullPage: true });
    await card.getByRole('button', { name: /^Approve/ }).click();
    await card.waitFor({ state: 'detached' });
    const voucherId = esc.payload.voucherId;
    await waitFor(() => env.hub.hub.current.vouchers[voucherId]?.status === 'issued', 'approved on the hub');
    expect(env.hub.hub.current.vouchers[voucherId]).toMatchObject({
      authorisedBy: 'M201',
      decisionNote: 'Two nights agreed with the airline station manager',
    });
    expect(await page.locator('.decided').textContent()).toContain('approved by Claire');
  });

  it('shows the end-of-disruption report, downloads it as CSV and prints it', async () => {
    await tab('Report').click();
    const row = page.locator('[data-testid="report-row"][data-flight="AF1634"]');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('2 water, 2 blankets');
    expect(text).toMatch(/520\.00/);
    expect(await page.getByTestId('report-total').textContent()).toMatch(/^Total/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^gatecare-report-\d{8}-\d{4}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^flight,flight_id,destination,status,delay_min,requests,passengers_helped/);
    // 3 requests, 3 people helped (2 adults and a child), 2 still open.
    expect(csv).toMatch(/\r\nAF1634,AF1634-[\d-]+,Barcelona,delayed,150,3,3,2,/);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Duty manager' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download CSV' }).isVisible()).toBe(false);
    expect(await page.getByTestId('report-table').isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/manager-report-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
