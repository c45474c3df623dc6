import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS, PHONE_CONTEXT } from '../helpers/browser.ts';
import { askByTyping } from '../helpers/kiosk-page.ts';
import { enrollKioskPage } from '../helpers/enroll.ts';
import { signInManager, signInStaff } from '../helpers/staff-page.ts';
import { AMIRA, op } from '../helpers/ops.ts';

/** The phone (360 × 740, touch) after delivery and when it asks for more, with the tablets open beside it. */
describe('the phone leaves a word for the team and asks for something new', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it("a word left on the phone after delivery appears on the duty manager's board, with no agent named; a new request from the phone reaches the gate's tablet and the phone follows it", async () => {
    const kiosk = await chromium.newPage({ viewport: { width: 900, height: 1200 } });
    const manager = await chromium.newPage({ viewport: { width: 1200, height: 900 } });
    const agentPage = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    const phone = await chromium.newPage(PHONE_CONTEXT);
    // The passenger answers "Block" to the permission prompt (headless chromium may leave the prompt pending instead).
    await phone.addInitScript(() => {
      Notification.requestPermission = () => Promise.resolve('denied');
    });

    await enrollKioskPage(kiosk, env.hub.url, 'K32');
    const ticket = await askByTyping(kiosk, 'Moreau');
    await kiosk.getByTestId('phone-link').waitFor();
    const address = (await kiosk.getByTestId('phone-url').textContent())!.trim();

    await phone.goto(address);
    await expect.poll(() => phone.getByTestId('ticket-number').textContent()).toBe(ticket);
    // Before delivery there is nothing to thank for.
    expect(await phone.getByTestId('thanks').count()).toBe(0);
    // Notifications refused: the page says so and goes on working.
    await phone.getByRole('button', { name: 'Notify me when something changes' }).tap();
    await expect.poll(() => phone.getByTestId('notify').textContent()).toContain('Notifications are off on this phone');

    // The duty manager's board is open, as the agent delivers.
    await signInManager(manager, env.hub.url);
    await manager.getByRole('heading', { name: /Live board/ }).waitFor();
    const words = manager.getByTestId('team-words');
    await expect.poll(() => words.textContent()).toContain('No words yet');

    const agent = await env.staff('A101');
    const requestId = Object.values(env.hub.hub.current.requests).find((r) => r.ticket === ticket)!.id;
    expect(await agent.submit(op(AMIRA, { type: 'request.deliver', payload: { requestId, items: { water: 1 } } }))).toMatchObject({ ok: true });
    await expect.poll(() => phone.getByTestId('ticket-status').textContent()).toBe('Delivered');

    const word = 'Thank you all, the water came so fast — merci !';
    await phone.getByLabel(/leave a word for the team/).fill(word);
    await phone.getByRole('button', { name: 'Send to the team' }).tap();
    await expect.poll(() => phone.getByTestId('thanks-left').textContent()).toBe(word);
    expect(await phone.getByRole('button', { name: 'Send to the team' }).count()).toBe(0);

    const shown = manager.getByTestId('team-word');
    await expect.poll(() => shown.count()).toBe(1);
    expect(await shown.textContent()).toContain(word);
    expect(await shown.textContent()).toContain('AF1634 · gate K32');
    // Thanks, not scores: the agent who delivered is named nowhere in the words.
    expect(await words.textContent()).not.toMatch(/Amira|A101|Benali/);
    await manager.screenshot({ path: `${ARTIFACTS}/phone-thanks-board.png`, fullPage: true });

    // Something new from the phone: the gate's tablet shows it, the phone follows it.
    await signInStaff(agentPage, env.hub.url, 'A101', '2468');
    const ask = phone.getByTestId('ask-more');
    await ask.getByRole('button', { name: 'Send my request' }).tap();
    expect(await ask.getByRole('alert').textContent()).toBe('Choose at least one need');
    await ask.getByLabel('Blanket').check();
    await ask.getByLabel('Children').fill('2');
    await ask.getByLabel(/Anything else/).fill('Our gate is cold');
    await ask.getByRole('button', { name: 'Send my request' }).tap();
    await expect.poll(() => ask.getByTestId('ask-sent').textContent()).toContain('gate K32');
    const asked = ask.getByTestId('asked-ticket');
    await expect.poll(() => asked.count()).toBe(1);
    const newTicket = (await asked.locator('strong').textContent())!.trim();
    expect(newTicket).not.toBe(ticket);
    expect(await asked.getByTestId('asked-status').textContent()).toBe('Received');

    const card = agentPage.locator(`[data-ticket="${newTicket}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('MOREAU');
    await card.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => asked.getByTestId('asked-status').textContent()).toBe('On the way — Amira');
    await phone.screenshot({ path: `${ARTIFACTS}/phone-en-thanks-and-ask.png`, fullPage: true });
  });
});
