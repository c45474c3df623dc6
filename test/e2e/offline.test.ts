import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { askByTyping } from '../helpers/kiosk-page.ts';
import { enrollKioskPage } from '../helpers/enroll.ts';
import { signInStaff, storedRefusals } from '../helpers/staff-page.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

/** Kiosk and staff tablet in chromium, with the network cut (context.setOffline) and the hub restarted. */
describe('offline-first in chromium: nothing entered is lost', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  const newPage = (width: number, height: number): Promise<Page> => chromium.newPage({ viewport: { width, height } });

  /** Only once the service worker is active is the whole shell in its cache: then the network may go. */
  async function shellCached(page: Page): Promise<void> {
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 15_000 }).toBe('activated');
  }

  const signIn = (page: Page, id: string, pin: string) => signInStaff(page, env.hub.url, id, pin);

  /** A passenger asks for water on the kiosk; returns the ticket number shown. */
  const ask = (kiosk: Page, surname: string): Promise<string> => askByTyping(kiosk, surname);

  const connection = (page: Page) => page.getByTestId('connection').textContent();

  it('three requests made offline survive a reload served by the service worker and reach staff exactly once', async () => {
    const kiosk = await newPage(900, 1200);
    await enrollKioskPage(kiosk, env.hub.url, 'K32');
    await shellCached(kiosk);
    const staff = await newPage(1100, 800);
    await signIn(staff, 'A101', '2468');

    await kiosk.context().setOffline(true);
    const tickets: string[] = [];
    for (const surname of ['Moreau', 'Dubois', 'Nguyen']) {
      tickets.push(await ask(kiosk, surname));
      expect(await kiosk.getByTestId('net-state').textContent()).toBe('Saved on this kiosk — it will be sent as soon as the network is back');
      await kiosk.getByRole('button', { name: 'Ask for something else' }).click();
    }
    expect(new Set(tickets).size).toBe(3);

    // Reloaded with no network: the shell comes from the service worker, the outbox from IndexedDB.
    await kiosk.reload();
    await expect
      .poll(() => kiosk.getByTestId('outbox-note').textContent(), { timeout: 10_000 })
      .toBe('3 requests saved on this kiosk — they will be sent as soon as the network is back');
    await kiosk.screenshot({ path: `${ARTIFACTS}/offline-kiosk-three-saved.png` });
    for (const t of tickets) expect(await staff.locator(`[data-ticket="${t}"]`).count()).toBe(0);

    await kiosk.context().setOffline(false);
    for (const t of tickets) await staff.locator(`[data-ticket="${t}"]`).waitFor({ timeout: 20_000 });
    await expect.poll(() => kiosk.getByTestId('outbox-note').count(), { timeout: 10_000 }).toBe(0);
    for (const t of tickets) expect(await staff.locator(`[data-ticket="${t}"]`).count()).toBe(1);
    const onHub = Object.values(env.hub.hub.current.requests).filter((r) => tickets.includes(r.ticket));
    expect(onHub.map((r) => r.surname).sort()).toEqual(['Dubois', 'Moreau', 'Nguyen']);
    await staff.screenshot({ path: `${ARTIFACTS}/offline-staff-three-arrived.png` });
  });

  it('a claim made offline survives a reload and is sent; one that lost the race says who won', async () => {
    const first = createRequest({ surname: 'Laurent' });
    const second = createRequest({ surname: 'Garcia' });
    for (const body of [first, second]) expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    const ticketOf = (body: typeof first) => env.hub.hub.current.requests[(body.payload as { requestId: string }).requestId]!.ticket;

    const amira = await newPage(1100, 900);
    await signIn(amira, 'A101', '2468');
    await shellCached(amira);
    const lucas = await newPage(1100, 900);
    await signIn(lucas, 'A102', '1357');
    const amiraCard = (body: typeof first) => amira.locator(`[data-ticket="${ticketOf(body)}"]`);
    await amiraCard(second).waitFor();

    await amira.context().setOffline(true);
    await expect.poll(() => connection(amira), { timeout: 10_000 }).toContain('Offline');
    await amiraCard(first).getByRole('button', { name: 'Claim' }).click();
    await amiraCard(second).getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => connection(amira)).toContain('2 unsent');
    // Meanwhile, online, Lucas claims the second one first.
    await lucas
      .locator(`[data-ticket="${ticketOf(second)}"]`)
      .getByRole('button', { name: 'Claim' })
      .click();
    await expect.poll(() => env.hub.hub.current.requests[(second.payload as { requestId: string }).requestId]?.claimedBy).toBe('A102');

    await amira.reload();
    await expect.poll(() => connection(amira), { timeout: 10_000 }).toContain('2 unsent');
    expect(await connection(amira)).toContain('Offline');
    expect(await amiraCard(first).textContent()).toContain('Claimed by you');

    await amira.context().setOffline(false);
    await expect.poll(() => connection(amira), { timeout: 20_000 }).toBe('Online');
    const alert = amira.getByRole('alert').filter({ hasText: 'Not done' });
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toMatch(/^Not done — Claim for .*: already claimed by Lucas/);
    expect(await amiraCard(first).textContent()).toContain('Claimed by you');
    await expect.poll(() => amiraCard(second).textContent()).toContain('Claimed by Lucas');
    const claimed = env.hub.hub.current.requests[(first.payload as { requestId: string }).requestId]!;
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: 'A101' });
    expect(claimed.history.filter((h) => h.action === 'claimed')).toHaveLength(1);
    await amira.screenshot({ path: `${ARTIFACTS}/offline-staff-claim-conflict.png` });

    // The refusal stays until Amira has read it, reload or not.
    await amira.reload();
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('already claimed by Lucas');
    await alert.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => storedRefusals(amira)).toBe(0);
    await amira.reload();
    await amiraCard(first).waitFor();
    expect(await alert.count()).toBe(0);
  });

  it('a hub restart while kiosk and tablet are connected: both reconnect and converge with no one touching them', async () => {
    const kiosk = await newPage(900, 1200);
    await enrollKioskPage(kiosk, env.hub.url, 'K32');
    const staff = await newPage(1100, 900);
    await signIn(staff, 'A101', '2468');
    const before = createRequest({ surname: 'Petit' });
    await env.hub.hub.submit(op(KIOSK, before), { kind: 'system' });
    const beforeTicket = env.hub.hub.current.requests[(before.payload as { requestId: string }).requestId]!.ticket;
    const card = staff.locator(`[data-ticket="${beforeTicket}"]`);
    await card.waitFor();

    await env.stop();
    await expect.poll(() => connection(staff), { timeout: 10_000 }).toContain('Offline');
    // While the hub is down, work goes on.
    const during = await ask(kiosk, 'Rousseau');
    expect(await kiosk.getByTestId('net-state').textContent()).toContain('Saved on this kiosk');
    await card.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => connection(staff)).toContain('1 unsent');

    await env.start({ samePort: true });
    await staff.locator(`[data-ticket="${during}"]`).waitFor({ timeout: 20_000 });
    await expect.poll(() => connection(staff), { timeout: 20_000 }).toBe('Online');
    await expect.poll(() => kiosk.getByTestId('net-state').textContent(), { timeout: 20_000 }).toBe('Sent — staff have your request');
    expect(env.hub.hub.current.requests[(before.payload as { requestId: string }).requestId]).toMatchObject({ status: 'claimed', claimedBy: 'A101' });
    expect(Object.values(env.hub.hub.current.requests).filter((r) => r.ticket === during)).toHaveLength(1);
  });
});
