import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blockKey } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { twoCouplesWithRooms } from '../helpers/hotel-guests.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { signInManager } from '../helpers/staff-page.ts';
import { enrollOutletPage } from '../helpers/outlet-page.ts';

const DESK = 'Hôtel du Mesnil — desk';

/** A hotel desk enrolled from the outlet's set-up screen for the demo's second hotel, then setting its room counts in French. */
describe('a hotel desk chooses its hotel at set-up, sees that hotel’s guests, and sets its room counts (the manager’s Hotels tab follows)', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let desk: Page;
  let night: string;
  const block = () => env.hub.hub.current.roomBlocks![blockKey('mesnil-amelot', night, 'double')]!;

  beforeAll(async () => {
    night = Object.values(env.hub.hub.current.roomBlocks!).find((b) => b.hotelId === 'mesnil-amelot')!.night;
    await twoCouplesWithRooms(env, 'kiosk-desk-setup-01', night);
    desk = await chromium.newPage({ viewport: { width: 800, height: 1100 }, locale: 'en-GB' });
  });

  it('a hotel desk must name its hotel; enrolled for the second demo hotel, it sees that hotel’s guests only', async () => {
    await desk.goto(`${env.hub.url}/outlet/`);
    const outletsBefore = Object.keys(env.hub.hub.current.outlets ?? {}).length;
    await desk.getByLabel('Kind of outlet').selectOption({ label: 'Hotel desk' });
    const choice = desk.getByLabel('Hotel this desk works for');
    await choice.locator('option', { hasText: 'Hôtel du Mesnil' }).waitFor({ state: 'attached' });
    expect(await choice.locator('option').allTextContents()).toEqual(['Choose the hotel', 'Hôtel Aérogare Roissy', 'Hôtel du Mesnil']);
    expect(await seriousViolations(desk)).toEqual([]);
    await enrollOutletPage(desk, { name: DESK });
    await expect.poll(() => desk.getByRole('alert').textContent()).toBe('Choose the hotel this desk works for.');
    expect(Object.keys(env.hub.hub.current.outlets ?? {}).length).toBe(outletsBefore);

    await enrollOutletPage(desk, { name: DESK, hotel: 'Hôtel du Mesnil' });
    await desk.getByRole('heading', { name: 'Guests expected tonight at Hôtel du Mesnil' }).waitFor();
    const outlet = Object.values(env.hub.hub.current.outlets!).find((o) => o.name === DESK);
    expect(outlet).toMatchObject({ kind: 'hotel-desk', hotelId: 'mesnil-amelot', accepts: ['hotel'] });
    const guest = desk.getByTestId('desk-guest');
    await guest.first().waitFor();
    expect(await guest.allTextContents()).toEqual([expect.stringContaining('Bonnet')]);
    expect(await desk.getByTestId('desk-rooms').textContent()).toContain('Double — held: 12 · allocated: 1');
  });

  it('sets its double rooms in French; the manager’s Hotels tab sees the new count; fewer than allocated is refused in French', async () => {
    const manager = await chromium.newPage({ viewport: { width: 1280, height: 1000 } });
    await signInManager(manager, env.hub.url);
    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Hotels' }).click();
    const row = manager.getByTestId('hotel-row').filter({ hasText: 'Hôtel du Mesnil' });
    await expect.poll(() => row.textContent()).toContain('Held 8 single, 12 double');

    await desk.getByLabel('Language').selectOption('fr');
    await desk.getByRole('heading', { name: 'Clients attendus ce soir à Hôtel du Mesnil' }).waitFor();
    const form = desk.getByRole('form', { name: `Chambres réservées pour l’aéroport, nuit du ${night}` });
    expect(await form.getByLabel('Nuit du').inputValue()).toBe(night);
    await form.getByLabel('Type de chambre').selectOption({ label: 'Double' });
    const count = form.getByLabel('Chambres réservées');
    const message = desk.getByTestId('desk-rooms-message');

    // A count that is not one is refused on the desk, in French, and nothing is sent.
    await count.fill('-3');
    await form.getByRole('button', { name: 'Enregistrer les chambres' }).click();
    await expect.poll(() => message.textContent()).toBe('Indiquez un nombre entier de chambres, de 0 à 2000.');
    expect(block().count).toBe(12);

    await count.fill('15');
    await form.getByRole('button', { name: 'Enregistrer les chambres' }).click();
    await expect.poll(() => message.textContent()).toBe(`Enregistré : 15 chambres (Double) réservées pour la nuit du ${night}.`);
    expect(block()).toMatchObject({ count: 15, rateCents: 9500 });
    await expect.poll(() => desk.getByTestId('desk-rooms').textContent()).toContain('Double — contingent : 15 · attribuées : 1');
    await expect.poll(() => row.textContent()).toContain('Held 8 single, 15 double');

    await count.fill('0');
    await form.getByRole('button', { name: 'Enregistrer les chambres' }).click();
    await expect
      .poll(() => message.textContent())
      .toBe(
        `Refusé : 1 chambre (Double) est déjà attribuée à des passagers la nuit du ${night}. Réservez-en au moins autant, ou demandez d’abord à un responsable de permanence de la libérer.`,
      );
    expect(await message.getAttribute('role')).toBe('alert');
    expect(block().count).toBe(15);
    expect(await row.textContent()).toContain('Held 8 single, 15 double');
    expect(await seriousViolations(desk)).toEqual([]);
    await desk.screenshot({ path: `${ARTIFACTS}/outlet-hotel-desk-rooms-fr.png`, fullPage: true });
  });
});
