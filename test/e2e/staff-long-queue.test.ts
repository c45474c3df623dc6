import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

/** A surge at one gate: the tablet draws only the cards near the screen, yet the whole queue is there. */
describe('staff tablet with a long queue — in chromium', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  const OPEN = 300;

  async function kioskAsks(surname: string): Promise<string> {
    const body = createRequest({ surname, needs: ['water'], party: { adults: 1, children: 0, infants: 0 } });
    const ack = await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' });
    expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
    return env.hub.hub.current.requests[body.type === 'request.create' ? body.payload.requestId : '']!.ticket;
  }

  it(`${OPEN} open requests: few cards in the page, the full count, and a new request found by scrolling to it`, async () => {
    const tickets: string[] = [];
    for (let i = 0; i < OPEN; i++) tickets.push(await kioskAsks(`Traveller${i}`));
    const ctx = await chromium.browser.newContext({ viewport: { width: 1100, height: 900 } });
    try {
      const page = await ctx.newPage();
      await signInStaff(page, env.hub.url, 'A101', '2468', ['K32']);
      await page.getByRole('heading', { name: `Open requests (${OPEN})` }).waitFor();
      const cards = page.getByTestId('request-card');
      const drawn = await cards.count();
      expect(drawn).toBeGreaterThan(0);
      expect(drawn).toBeLessThan(60);
      // Queue order at the top, each card saying where it stands in the whole queue.
      const first = page.locator(`[data-ticket="${tickets[0]}"]`);
      await first.waitFor();
      expect(await first.getAttribute('aria-posinset')).toBe('1');
      expect(await first.getAttribute('aria-setsize')).toBe(String(OPEN));

      const latecomer = await kioskAsks('Latecomer');
      await page.getByRole('heading', { name: `Open requests (${OPEN + 1})` }).waitFor();
      const card = page.locator(`[data-ticket="${latecomer}"]`);
      // Last in the queue (same tier, newest), so far below: not drawn until the agent scrolls there.
      expect(await card.count()).toBe(0);
      await page.waitForFunction(
        (ticket) => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          return document.querySelector(`[data-ticket="${ticket}"]`) !== null;
        },
        latecomer,
        { polling: 100, timeout: 20_000 },
      );
      await card.scrollIntoViewIfNeeded();
      expect(await card.isVisible()).toBe(true);
      expect(await card.textContent()).toContain('LATECOMER');
      expect(await card.getAttribute('aria-posinset')).toBe(String(OPEN + 1));
      expect(await cards.count()).toBeLessThan(60);
      expect(await page.locator(`[data-ticket="${tickets[0]}"]`).count()).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
