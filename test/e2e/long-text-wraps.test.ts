import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { openKiosk } from '../helpers/kiosk-page.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';
import { CLAIRE, publishNotice } from '../helpers/manager-ops.ts';

/** Text with no space to break at: a pasted link, a reference number, a keyboard held down. */
const unbroken = (n: number, ch = 'W') => ch.repeat(n);

/** True when nothing on the page sticks out sideways, so nothing (a QR code, a button) is pushed off screen. */
const fitsWidth = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe('long unbroken text wraps instead of widening the page — in chromium', () => {
  const env = useTestHub({ perTest: true });
  const chromium = useBrowser();

  it("a 500-character note keeps the agent's queue as wide as the tablet", async () => {
    const note = unbroken(500);
    const ack = await env.hub.hub.submit(op(KIOSK, createRequest({ surname: 'Moreau', note })), { kind: 'system' });
    expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
    const ctx = await chromium.browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await ctx.newPage();
      await signInStaff(page, env.hub.url, 'A101', '2468', ['K32']);
      const card = page.getByTestId('request-card').first();
      await card.waitFor();
      expect(await card.textContent()).toContain(note.slice(0, 100));
      const { scrollWidth, innerWidth } = await fitsWidth(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const box = await card.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(innerWidth);
    } finally {
      await ctx.close();
    }
  });

  it("a long unbroken notice keeps the kiosk, and the manager's notices panel, as wide as the screen", async () => {
    const known = unbroken(600, 'M');
    const manager = await env.staff('M201');
    const flightId = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!.id;
    const texts = { en: { known, unknown: unbroken(300, 'Q') } };
    const ack = await manager.submit(op(CLAIRE, publishNotice({ kind: 'flight', flightId }, { leadSeconds: 0, texts })));
    expect(ack).toMatchObject({ ok: true });

    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    try {
      await kiosk.getByTestId('notice').waitFor({ timeout: 15_000 });
      expect(await kiosk.getByTestId('notice').textContent()).toContain(known.slice(0, 100));
      let width = await fitsWidth(kiosk);
      expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);

      // The same notice with the ticket, after a request whose surname and note are long too.
      await kiosk.getByLabel('Flight number').fill('AF1634');
      await kiosk.getByLabel('Surname').fill(unbroken(40, 'X'));
      await kiosk.getByLabel('Water').check();
      await kiosk.getByLabel('Anything else we should know? (optional)').fill(unbroken(500, 'N'));
      await kiosk.getByRole('button', { name: 'Send my request' }).click();
      await kiosk.getByTestId('ticket-number').waitFor();
      await kiosk.getByTestId('notice').waitFor();
      width = await fitsWidth(kiosk);
      expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
    } finally {
      await kiosk.context().close();
    }

    const ctx = await chromium.browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await ctx.newPage();
      await signInStaff(page, env.hub.url, 'M201', '7319');
      await page.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Notices' }).click();
      await page.getByText(known.slice(0, 60)).first().waitFor();
      const width = await fitsWidth(page);
      expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
    } finally {
      await ctx.close();
    }
  });
});
