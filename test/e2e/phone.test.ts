import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS, PHONE_CONTEXT } from '../helpers/browser.ts';
import { askByTyping } from '../helpers/kiosk-page.ts';
import { enrollKioskPage } from '../helpers/enroll.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { AMIRA, op } from '../helpers/ops.ts';

/** Kiosk, staff tablet and the passenger's own phone (360 × 740, touch) in chromium, on the real hub. */
describe("the passenger's phone, from the kiosk's QR code", () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('follows the ticket live, writes to the staff and reads the answer, gets a voucher, catches up after going offline, and a revoked link gets a clear page', async () => {
    const kiosk = await chromium.newPage({ viewport: { width: 900, height: 1200 } });
    const staff = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    const phone = await chromium.newPage(PHONE_CONTEXT);

    await enrollKioskPage(kiosk, env.hub.url, 'K32');
    await signInStaff(staff, env.hub.url, 'A101', '2468');
    const ticket = await askByTyping(kiosk, 'Moreau');

    // The kiosk shows the QR code and the address, made by the hub once it holds the request.
    const link = kiosk.getByTestId('phone-link');
    await link.waitFor();
    expect(await link.getByRole('img', { name: 'QR code to open your ticket on your phone' }).count()).toBe(1);
    const address = (await kiosk.getByTestId('phone-url').textContent())!.trim();
    expect(address).toMatch(new RegExp(`^${env.hub.url}/p/#[A-Za-z0-9_-]{43}$`));
    await kiosk.screenshot({ path: `${ARTIFACTS}/phone-kiosk-link.png` });

    await phone.goto(address);
    await expect.poll(() => phone.getByTestId('ticket-number').textContent()).toBe(ticket);
    expect(await phone.getByTestId('ticket-status').textContent()).toBe('Received');
    expect(await phone.getByTestId('flight-gate').textContent()).toBe('Gate K32');
    expect(await phone.getByTestId('entitlements').count()).toBe(1);
    expect(await phone.textContent('body')).not.toContain('Moreau');

    const card = staff.locator(`[data-ticket="${ticket}"]`);
    await card.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => phone.getByTestId('ticket-status').textContent()).toBe('On the way — Amira');

    // The written thread: shown as text, never as HTML, and flagged on the card until answered.
    await phone.getByLabel('Your message').fill('We moved to gate K40 <b>café</b>');
    await phone.getByRole('button', { name: 'Send', exact: true }).tap();
    await card.getByTestId('thread-flag').waitFor();
    expect(await card.getByTestId('thread-passenger').textContent()).toContain('We moved to gate K40 <b>café</b>');
    await card.getByRole('textbox', { name: /^Answer/ }).fill('Thanks, I am coming to K40 with water');
    await card.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => phone.getByTestId('message-staff').textContent()).toContain('Thanks, I am coming to K40 with water');
    expect(await phone.getByTestId('message-staff').textContent()).toContain('Amira, staff');
    expect(await phone.getByTestId('message-passenger').textContent()).toContain('<b>café</b>');
    expect(await phone.locator('.thread b').count()).toBe(0);
    await expect.poll(() => card.getByTestId('thread-flag').count()).toBe(0);

    // A voucher issued on the tablet appears on the phone, code and QR.
    const agent = await env.staff('A101');
    const requestId = Object.values(env.hub.hub.current.requests).find((r) => r.ticket === ticket)!.id;
    expect(
      await agent.submit(
        op(AMIRA, { type: 'voucher.issue', payload: { voucherId: uuidv7(), requestId, kind: 'meal', amountCents: 1500, currency: 'EUR' } }),
      ),
    ).toMatchObject({ ok: true });
    const voucher = phone.getByTestId('voucher');
    await voucher.waitFor();
    const code = Object.values(env.hub.hub.current.vouchers).find((v) => v.requestId === requestId)!.code;
    expect(await voucher.textContent()).toContain(code);
    expect(await voucher.getByRole('img', { name: `QR code of voucher ${code}` }).count()).toBe(1);
    await phone.screenshot({ path: `${ARTIFACTS}/phone-en-ticket.png`, fullPage: true });

    // Offline: the phone says so and keeps what it knew; back online it catches up by itself.
    await phone.context().setOffline(true);
    await phone.getByTestId('offline').waitFor();
    expect(await phone.getByTestId('ticket-number').textContent()).toBe(ticket);
    expect(await agent.submit(op(AMIRA, { type: 'request.deliver', payload: { requestId, items: { water: 1 } } }))).toMatchObject({ ok: true });
    await phone.context().setOffline(false);
    await expect.poll(() => phone.getByTestId('ticket-status').textContent(), { timeout: 20_000 }).toBe('Delivered');
    expect(await phone.getByTestId('offline').count()).toBe(0);

    // "Lost phone": the agent switches the link off; the phone shows a clear page at once, and after a reload.
    await card.getByRole('button', { name: 'Lost phone…' }).click();
    await card.getByRole('button', { name: 'Switch the phone link off now' }).click();
    await expect.poll(() => phone.getByTestId('closed').textContent()).toContain('This link was switched off by the staff');
    expect(await phone.getByTestId('ticket-number').count()).toBe(0);
    await phone.reload();
    await expect.poll(() => phone.getByTestId('closed').textContent()).toContain('This link was switched off by the staff');
    expect(await phone.textContent('body')).not.toContain(ticket);
    // The kiosk offers a fresh link for the same ticket.
    await expect.poll(async () => (await kiosk.getByTestId('phone-url').textContent())!.trim()).not.toBe(address);
  });

  it('a forged link gets a clear page; the phone page passes axe in all seven languages at 360 px, and long unbroken text wraps', async () => {
    const phone = await chromium.newPage(PHONE_CONTEXT);
    await phone.goto(`${env.hub.url}/p/#${'A'.repeat(43)}`);
    await expect.poll(() => phone.getByTestId('closed').textContent()).toContain('This link does not open a ticket');

    const kiosk = await chromium.newPage({ viewport: { width: 900, height: 1200 } });
    await enrollKioskPage(kiosk, env.hub.url, 'K32');
    await kiosk.getByRole('button', { name: 'العربية' }).click();
    await kiosk.getByRole('button', { name: 'English' }).click();
    await askByTyping(kiosk, 'Haddad');
    const address = (await kiosk.getByTestId('phone-url').textContent())!.trim();
    await phone.goto(address);
    await phone.reload();
    await phone.getByTestId('ticket-number').waitFor();
    // Long unbroken text (a pasted link, a word with no spaces) wraps at 360 px: nothing scrolls sideways.
    await phone.getByLabel('Your message').fill(`Is there a pharmacy near the gate? ${'x'.repeat(480)}`);
    await phone.getByRole('button', { name: 'Send', exact: true }).tap();
    await phone.getByTestId('message-passenger').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await seriousViolations(phone)).toEqual([]);

    // axe in every language the phone speaks (the kiosk's seven).
    const headings = { fr: 'Votre ticket GateCare', es: null, de: null, it: null, zh: null, ar: 'تذكرتك في GateCare' } as const;
    for (const [code, heading] of Object.entries(headings)) {
      await phone.getByRole('combobox').selectOption(code);
      await expect.poll(() => phone.evaluate(() => document.documentElement.lang)).toBe(code);
      if (heading) await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).not.toBe('Your GateCare ticket');
      expect(await seriousViolations(phone), code).toEqual([]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), code).toBe(true);
    }
    await expect.poll(() => phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await phone.screenshot({ path: `${ARTIFACTS}/phone-ar-ticket.png`, fullPage: true });
  });
});
