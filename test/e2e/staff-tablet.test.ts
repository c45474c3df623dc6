import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ticketFor } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { AxeBuilder } from '@axe-core/playwright';
import { KIOSK, SYSTEM, createRequest, op } from '../helpers/ops.ts';

describe('staff tablet: priority queue, stock, vouchers within limits, escalation, session end — in chromium', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  const tablet = (): Promise<Page> => chromium.newPage({ viewport: { width: 1100, height: 1000 } });

  /** A passenger request as the hub receives it from the kiosk at its gate (K32 unless said), asked `minutesAgo`. */
  async function passenger(surname: string, minutesAgo: number, o: NonNullable<Parameters<typeof createRequest>[0]>): Promise<string> {
    const body = createRequest({ surname, ...o });
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const gate = o.gate ?? 'K32';
    const kiosk = { kind: 'kiosk' as const, id: `${KIOSK.id}-${gate}` };
    const ack = await env.hub.hub.submit(op(kiosk, body, at), { kind: 'kiosk', device: kiosk.id, gate });
    expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
    return ticketFor(id);
  }

  it('an agent works the queue on their own authority and a duty manager approves what is above it', async () => {
    const family = await passenger('Durand', 40, { needs: ['water', 'food'], party: { adults: 2, children: 0, infants: 0 } });
    const mobility = await passenger('Okafor', 5, { needs: ['mobility'], party: { adults: 1, children: 0, infants: 0 } });
    const baby = await passenger('Moreau', 20, { needs: ['baby', 'water'], party: { adults: 1, children: 0, infants: 1 } });
    // Another gate the agent does not pick: never on her screen.
    await passenger('Elsewhere', 60, { gate: 'K36', flightNumber: 'AF0084', needs: ['water'] });

    const amira = await tablet();
    await signInStaff(amira, env.hub.url, 'A101', '2468', ['K32', 'K33']);
    await expect.poll(() => amira.getByTestId('connection').textContent()).toContain('Online');

    // Priority: mobility first, then the infant, then the longest-waiting adults; K36 not shown.
    await expect
      .poll(() => amira.getByTestId('request-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-ticket'))))
      .toEqual([mobility, baby, family]);
    const familyCard = amira.locator(`[data-ticket="${family}"]`);
    expect(await familyCard.textContent()).toMatch(/DURAND · 2 adults · FR/);
    expect(await familyCard.textContent()).toMatch(/AF1634 → Barcelona/);
    expect(await familyCard.textContent()).toMatch(/4\d min waiting/);
    expect(await familyCard.getByTestId('entitlements').textContent()).toMatch(/^EU261 · meal €15 × 2/);
    await amira.screenshot({ path: `${ARTIFACTS}/staff-queue-priority.png`, fullPage: true });

    // Claim, hand out two waters now (partly), then the rest.
    await familyCard.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => familyCard.textContent()).toContain('Claimed by you');
    await familyCard.getByRole('button', { name: 'Deliver…' }).click();
    await familyCard.getByLabel(/^Water/).fill('2');
    await familyCard.getByRole('button', { name: 'Delivered partly, more to come' }).click();
    await expect.poll(() => env.hub.hub.current.stock.K32!.water).toBe(46);

    // Asking for more than the gate holds is refused with the reason, and stock stays as it was.
    await familyCard.getByRole('button', { name: 'Deliver…' }).click();
    await familyCard.getByLabel(/^Baby kits/).fill('9');
    await familyCard.getByRole('button', { name: 'Mark delivered' }).click();
    await amira.getByRole('alert').filter({ hasText: 'only 6 baby kits left at gate K32 (9 asked)' }).waitFor();
    expect(env.hub.hub.current.stock.K32!.baby_kit).toBe(6);
    await amira.getByRole('alert').filter({ hasText: 'baby kits' }).getByRole('button', { name: 'OK' }).click();

    // A note for colleagues, then the history shows who did what.
    await familyCard.getByRole('button', { name: 'Add note' }).click();
    await familyCard.getByLabel('Note for colleagues').fill('Sandwiches ordered from the café');
    await familyCard.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => familyCard.textContent()).toContain('Amira');
    await familyCard.getByRole('button', { name: 'History' }).click();
    const history = familyCard.getByRole('list', { name: 'History' });
    await expect
      .poll(() => history.textContent())
      .toMatch(/Amira Benali — claimed.*Amira Benali — delivered partly: 2 water.*Amira Benali — note added/s);

    // Open the stock panel: water at K32 went down.
    await amira.getByRole('button', { name: /^Gate stock/ }).click();
    await expect.poll(() => amira.getByTestId('stock-K32').locator('[data-item="water"]').textContent()).toBe('46');

    // Under the cap (250.00 per person): a meal voucher is issued at once, with its code and QR code.
    const babyCard = amira.locator(`[data-ticket="${baby}"]`);
    await babyCard.getByRole('button', { name: 'Voucher…' }).click();
    // Pre-filled with what EU261 owes this party of two (the airline's 15.00 meal each).
    expect(await babyCard.getByTestId('voucher-prefill').textContent()).toMatch(/Meal 30\.00 EUR.*261/);
    expect(await babyCard.getByLabel(/^Amount/).inputValue()).toBe('30.00');
    expect(await babyCard.getByLabel('Type').inputValue()).toBe('meal');
    await babyCard.getByLabel(/^Amount/).fill('15');
    await babyCard.getByRole('button', { name: 'Issue voucher' }).click();
    const meal = babyCard.getByTestId('voucher').first();
    await expect.poll(() => meal.getAttribute('data-status')).toBe('issued');
    expect(await meal.textContent()).toMatch(/Meal 15\.00 EUR.*GC-[0-9A-Z]{4}-[0-9A-Z]{4}.*issued by Amira/s);
    await meal.getByTestId('voucher-qr').waitFor();
    await expect.poll(() => meal.getByTestId('voucher-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(50);

    // Above what is left (500.00 for two persons, 15.00 used): one tap sends it to the duty manager.
    await babyCard.getByRole('button', { name: 'Voucher…' }).click();
    await babyCard.getByLabel('Type').selectOption('hotel');
    await babyCard.getByLabel(/^Amount/).fill('520');
    await expect
      .poll(() => babyCard.getByRole('status').first().textContent())
      .toContain('520.00 EUR is above the cap for this passenger (485.00 EUR left of 500.00 EUR)');
    expect(await babyCard.getByRole('button', { name: 'Issue voucher' }).count()).toBe(0);
    await babyCard.getByLabel('Why it is needed (for the duty manager)').fill('Two nights with an infant, airport hotel');
    await babyCard.getByRole('button', { name: 'Send to duty manager' }).click();
    await expect.poll(() => babyCard.getByTestId('voucher').nth(1).getAttribute('data-status')).toBe('pending');
    await amira.screenshot({ path: `${ARTIFACTS}/staff-voucher-escalated.png`, fullPage: true });

    // The duty manager sees it live and approves.
    const claire = await tablet();
    await signInStaff(claire, env.hub.url, 'M201', '7319');
    const escalation = claire.getByTestId('escalation');
    await escalation.waitFor();
    expect(await escalation.textContent()).toMatch(/Hotel 520\.00 EUR for MOREAU.*asked by Amira/s);
    expect(await escalation.textContent()).toContain('Two nights with an infant');
    await claire.screenshot({ path: `${ARTIFACTS}/manager-escalation.png`, fullPage: true });
    await escalation.getByRole('button', { name: 'Approve' }).click();
    await escalation.waitFor({ state: 'detached' });

    // The agent sees the answer, and the approved voucher now has its code and QR.
    const answer = amira.getByTestId('escalation-answer');
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/Claire approved the hotel voucher 520\.00 EUR for MOREAU — code GC-/);
    const hotel = babyCard.getByTestId('voucher').nth(1);
    await expect.poll(() => hotel.getAttribute('data-status')).toBe('issued');
    await hotel.getByTestId('voucher-qr').waitFor();
    expect(await hotel.textContent()).toContain('approved by Claire');
    await amira.screenshot({ path: `${ARTIFACTS}/staff-voucher-approved.png`, fullPage: true });

    // Hand the family over to Lucas, who works the same gates.
    await familyCard.getByRole('button', { name: 'Reassign…' }).click();
    await familyCard.getByLabel('Hand over to').selectOption('A102');
    await familyCard.getByRole('button', { name: 'Reassign', exact: true }).click();
    await expect.poll(() => familyCard.textContent()).toContain('Claimed by Lucas');

    // Handing out baby kits down to the threshold raises a low-stock alert on the duty manager's screen.
    await babyCard.getByRole('button', { name: 'Deliver…' }).click();
    await babyCard.getByLabel(/^Baby kits/).fill('4');
    await babyCard.getByRole('button', { name: 'Mark delivered' }).click();
    await expect.poll(() => claire.getByTestId('low-stock').textContent()).toContain('K32: Baby kits 2 (alert at 2)');
    await expect.poll(() => amira.getByTestId('stock-K32').locator('[data-item="baby_kit"]').textContent()).toBe('2 (low)');

    // No WCAG A/AA violations on the tablet, with a form open.
    await babyCard.getByRole('button', { name: 'Voucher…' }).click();
    const axe = await new AxeBuilder({ page: amira }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const axeManager = await new AxeBuilder({ page: claire }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axeManager.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await babyCard.getByRole('button', { name: 'Close' }).click();

    // Cancel with a reason; it moves to the closed list with the reason.
    const mobilityCard = amira.locator(`[data-ticket="${mobility}"]`);
    await mobilityCard.getByRole('button', { name: 'Cancel…' }).click();
    await mobilityCard.getByLabel('Reason for cancelling').fill('Assistance service took over');
    await mobilityCard.getByRole('button', { name: 'Cancel request' }).click();
    await expect.poll(() => mobilityCard.textContent()).toContain('Cancelled: Assistance service took over');
    // The card shows the tablet's optimistic state at once; the hub commits a moment later.
    await expect.poll(() => Object.values(env.hub.hub.current.requests).find((r) => r.ticket === mobility)?.status).toBe('cancelled');
  });

  it('warns before the session ends and signs the agent out when it does', async () => {
    const page = await tablet();
    await signInStaff(page, env.hub.url, 'A102', '1357', ['K32']);
    const soon = (ms: number) =>
      page.evaluate((ms) => {
        const key = 'gatecare.staff.session';
        const s = JSON.parse(localStorage.getItem(key)!) as { expiresAt: string };
        localStorage.setItem(key, JSON.stringify({ ...s, expiresAt: new Date(Date.now() + ms).toISOString() }));
      }, ms);
    await soon(10 * 60_000);
    await page.reload();
    await page.getByTestId('session-warning').waitFor();
    expect(await page.getByTestId('session-warning').textContent()).toMatch(/Your session ends in 10 min/);
    await page.screenshot({ path: `${ARTIFACTS}/staff-session-warning.png` });
    await soon(1500);
    await page.reload();
    await page.getByText('Your session has ended: sign in again with your PIN.').waitFor({ timeout: 10_000 });
    await page.getByLabel('Staff id').waitFor();
  });

  it('a voucher issued offline is marked unconfirmed, and refused on sync with the reason when the budget no longer allows it', async () => {
    const ticket = await passenger('Nguyen', 10, { needs: ['food'], party: { adults: 1, children: 0, infants: 0 } });
    const page = await tablet();
    await signInStaff(page, env.hub.url, 'A105', '4826', ['K32']);
    await expect.poll(() => page.getByTestId('connection').textContent()).toContain('Online');
    const card = page.locator(`[data-ticket="${ticket}"]`);

    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 20_000 }).toContain('Offline');
    // Meanwhile the duty manager cuts every agent's shift budget to 10.00.
    const p = env.hub.hub.current.policy;
    const ack = await env.hub.hub.submit(
      op(SYSTEM, {
        type: 'policy.set',
        payload: {
          currency: p.currency,
          shiftHours: p.shiftHours,
          lowStock: p.lowStock,
          limits: { ...p.limits, agent: { capPerPassengerCents: 250_00, budgetPerShiftCents: 10_00 } },
        },
      }),
      { kind: 'system' },
    );
    expect(ack).toMatchObject({ ok: true });

    await card.getByRole('button', { name: 'Voucher…' }).click();
    await card.getByLabel(/^Amount/).fill('25');
    await card.getByRole('button', { name: 'Issue voucher' }).click();
    await card.getByText('Not confirmed yet').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/staff-voucher-offline-unconfirmed.png` });

    await page.context().setOffline(false);
    // Generous waits: the machine is shared and reconnection backs off.
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 45_000 }).toContain('Online');
    const refusal = page.getByRole('alert').filter({ hasText: 'above your remaining shift budget' });
    await refusal.waitFor({ timeout: 45_000 });
    expect(await refusal.textContent()).toContain(
      `Not done — Meal voucher 25.00 EUR for NGUYEN (${ticket}): 25.00 EUR is above your remaining shift budget (10.00 EUR left of 10.00 EUR)`,
    );
    await expect.poll(() => card.getByTestId('voucher').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/staff-voucher-refused-on-sync.png` });
  }, 150_000);
});
