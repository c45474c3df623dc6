import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { enrollOutletPage, scanAtOutlet } from '../helpers/outlet-page.ts';
import { AMIRA, createRequest, KIOSK, op } from '../helpers/ops.ts';

describe('the /outlet/ app: enrolment, scan, part redemption with a receipt, refusals, English and French', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  /** A ticket at K32 with an issued meal voucher of `cents`; answers the voucher's code and id. */
  async function voucherFor(surname: string, cents: number): Promise<{ code: string; voucherId: string }> {
    const kiosk = await env.kiosk('K32');
    const agent = await env.staff('A101');
    const body = createRequest({ surname });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kiosk.submit(op(KIOSK, body))).toMatchObject({ ok: true });
    const voucherId = uuidv7();
    expect(
      await agent.submit(op(AMIRA, { type: 'voucher.issue', payload: { voucherId, requestId, kind: 'meal', amountCents: cents, currency: 'EUR' } })),
    ).toMatchObject({ ok: true });
    return { code: env.hub.hub.current.vouchers[voucherId]!.code, voucherId };
  }

  it('a duty manager enrols the café once (a wrong PIN is said plainly); it finds a voucher by code, takes part, shows the receipt', async () => {
    const { code } = await voucherFor('Lefebvre', 1500);
    const context = await chromium.browser.newContext({ viewport: { width: 800, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${env.hub.url}/outlet/`);
    await page.getByRole('heading', { name: 'Enrol this outlet' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await enrollOutletPage(page, { name: 'Café 2E', pin: '0000' });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Not enrolled: .*PIN/);
    await enrollOutletPage(page, { name: 'Café 2E' });
    await page.getByRole('heading', { name: 'Café 2E' }).waitFor();
    const outlet = Object.values(env.hub.hub.current.outlets ?? {}).find((o) => o.name === 'Café 2E');
    expect(outlet).toMatchObject({ kind: 'cafe', accepts: ['meal'], enrolledBy: 'M201' });

    // The token is kept: a reload opens the counter, not the set-up screen.
    await page.reload();
    await page.getByRole('heading', { name: 'Scan a voucher' }).waitFor();

    await scanAtOutlet(page, 'hello');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Nothing to spend: not a voucher code/);
    await scanAtOutlet(page, code.toLowerCase());
    const card = page.getByTestId('outlet-voucher');
    await card.waitFor();
    expect(await card.textContent()).toContain('Surname starting with L');
    expect(await card.textContent()).not.toContain('Lefebvre');
    expect(await card.getByTestId('voucher-remaining').textContent()).toBe('€15.00 of €15.00');
    expect(await seriousViolations(page)).toEqual([]);

    const amount = card.getByLabel('Amount to take (EUR)');
    await amount.fill('15.001');
    await card.getByRole('button', { name: 'Take this amount' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toBe('Check the amount: an amount has at most two decimals.');
    await amount.fill('20');
    await card.getByRole('button', { name: 'Take this amount' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toBe('Only €15.00 is left on this voucher.');
    await amount.fill('9,50');
    await card.getByRole('button', { name: 'Take this amount' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    expect(await receipt.getByTestId('receipt-reference').textContent()).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await receipt.getByTestId('receipt-amount').textContent()).toBe('€9.50');
    expect(await receipt.getByTestId('receipt-left').textContent()).toBe('€5.50');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/outlet-receipt.png`, fullPage: true });

    // In French: the words and the amounts as a French cashier reads them.
    await page.getByRole('button', { name: 'Next passenger' }).click();
    await page.getByLabel('Language').selectOption('fr');
    await scanAtOutlet(page, `GATECARE-VOUCHER:${code}:meal:15.00:EUR`);
    await card.waitFor();
    expect(await card.getByTestId('voucher-remaining').textContent()).toBe('5,50\u00a0€ sur 15,00\u00a0€');
    await card.getByRole('button', { name: /Tout débiter/ }).click();
    await page.getByRole('heading', { name: 'Débité — reçu' }).waitFor();
    expect(await page.getByTestId('receipt-left').textContent()).toBe('0,00\u00a0€');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/outlet-receipt-fr.png`, fullPage: true });

    // Spent: the next scan says so, naming where, and offers nothing to take.
    await page.getByRole('button', { name: 'Passager suivant' }).click();
    await scanAtOutlet(page, code);
    await card.getByTestId('voucher-refusal').waitFor();
    // In the outlet's language from the hub's code and what it names, never the hub's English words.
    expect(await card.getByTestId('voucher-refusal').textContent()).toMatch(
      /^Déjà dépensé\. Le bon GC-[0-9A-Z]{4}-[0-9A-Z]{4} a déjà été dépensé \(chez Café 2E, reçu R-[0-9A-Z]{4}-[0-9A-Z]{4}\)\.$/,
    );
    expect(await card.getByRole('button').count()).toBe(0);
    await context.close();
  });

  it('refuses a voucher the outlet does not take, and a voided one, in plain words', async () => {
    const meal = await voucherFor('Garnier', 1200);
    const voided = await voucherFor('Roux', 1000);
    const manager = await env.staff('M201');
    expect(
      await manager.submit(op({ kind: 'staff', id: 'M201' }, { type: 'voucher.void', payload: { voucherId: voided.voucherId, reason: 'lost' } })),
    ).toMatchObject({ ok: true });
    const context = await chromium.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${env.hub.url}/outlet/`);
    await enrollOutletPage(page, { name: 'Taxi desk 2E', kind: 'Taxi desk' });
    await page.getByRole('heading', { name: 'Taxi desk 2E' }).waitFor();
    const refusal = page.getByTestId('voucher-refusal');
    await scanAtOutlet(page, meal.code);
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('Not taken here. A meal voucher cannot be spent at Taxi desk 2E, which takes taxi vouchers.');
    await scanAtOutlet(page, voided.code);
    await expect.poll(() => refusal.textContent()).toMatch(/^Voided\. Voucher GC-.* was voided by the duty manager: it cannot be spent\.$/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('in French, a spend the hub refuses is said in French from its code and what it names', async () => {
    const { code, voucherId } = await voucherFor('Marchand', 1500);
    const context = await chromium.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${env.hub.url}/outlet/`);
    await enrollOutletPage(page, { name: 'Brasserie 2E' });
    await page.getByRole('heading', { name: 'Brasserie 2E' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await scanAtOutlet(page, code);
    const card = page.getByTestId('outlet-voucher');
    await card.getByRole('button', { name: /Tout débiter/ }).waitFor();
    // Meanwhile another counter takes it all: this page's spend reaches the hub second.
    const other = await fetch(`${env.hub.url}/api/outlets/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outletId: 'outlet-fr-other-01', name: 'Café Hall L', kind: 'cafe', accepts: ['meal'], staffId: 'M201', pin: '7319' }),
    });
    const { token } = (await other.json()) as { token: string };
    const taken = await fetch(`${env.hub.url}/api/outlet/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ redemptionId: uuidv7(), voucherId, amountCents: 1500 }),
    });
    const { receipt } = (await taken.json()) as { receipt: { reference: string } };
    await card.getByRole('button', { name: /Tout débiter/ }).click();
    await expect
      .poll(() => card.getByRole('alert').textContent())
      .toBe(`Refusé : Le bon ${code} a déjà été dépensé (chez Café Hall L, reçu ${receipt.reference}).`);
    await context.close();
  });

  it('opens a demo outlet from the link the start prints: the token is kept and taken off the address', async () => {
    const { token } = env.hub.outletTokens.issue('demo-2e-restaurant', 'M201');
    const context = await chromium.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${env.hub.url}/outlet/#token=${token}`);
    await page.getByRole('heading', { name: 'Brasserie 2E' }).waitFor();
    await page.getByRole('heading', { name: 'Scan a voucher' }).waitFor();
    expect(page.url()).not.toContain('token');
    await page.reload();
    await page.getByRole('heading', { name: 'Brasserie 2E' }).waitFor();
    await context.close();
  });
});
