import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { signInManager, signInStaff } from '../helpers/staff-page.ts';
import { KIOSK, op, requestIdOf } from '../helpers/ops.ts';
import { coupleAskingForHotel } from '../helpers/hotel-guests.ts';
import { airportInputValue, blockKey, shuttlesFor, tonight, type OpBody } from '../../core/index.ts';

const HOTEL = 'Hôtel Les Tilleuls';
const ZONE = 'Europe/Paris';

/**
 * The duty manager sets a hotel up on the Hotels tab (on a tablet set to Vancouver, typing airport
 * time): a bad value is named by its field and nothing is sent; rooms and a shuttle run follow; the
 * agent's card suggests the new, nearer hotel; holding fewer rooms than allocated is the hub's refusal.
 */
describe('the Hotels tab’s forms: add a hotel, its rooms and a shuttle run; an agent’s card suggests it; the hub refuses fewer rooms than allocated', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let manager: Page;
  let agent: Page;
  const parties = ['Lefebvre', 'Mercier'].map(coupleAskingForHotel);
  const card = (body: OpBody) => agent.locator(`[data-ticket="${env.hub.hub.current.requests[requestIdOf(body)]!.ticket}"]`);
  const hotelId = () => Object.values(env.hub.hub.current.hotels ?? {}).find((h) => h.name === HOTEL)?.id;
  const row = () => manager.getByTestId('hotel-row').filter({ hasText: HOTEL });
  const field = (form: Locator, label: string | RegExp) => form.getByLabel(label, { exact: typeof label === 'string' });
  const errorOf = async (input: Locator) => {
    const id = await input.getAttribute('aria-describedby');
    return id ? manager.locator(`[id="${id}"]`).textContent() : null;
  };

  beforeAll(async () => {
    for (const body of parties) expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    manager = await chromium.newPage({ viewport: { width: 1280, height: 1000 }, timezoneId: 'America/Vancouver' });
    await signInManager(manager, env.hub.url);
    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Hotels' }).click();
  });

  it('adds a hotel: a bad value is named next to its field and nothing is sent; then the hotel, two double rooms and a shuttle run', async () => {
    const hotelsBefore = JSON.stringify(env.hub.hub.current.hotels);
    await manager.getByRole('button', { name: 'Add a hotel' }).click();
    const form = manager.getByRole('form', { name: 'New hotel' });
    await field(form, 'Name').fill(HOTEL);
    await field(form, 'Address (passengers are shown it with a QR)').fill('3 rue des Tilleuls, 95700 Roissy-en-France');
    await field(form, 'Distance from the terminal (km)').fill('-2');
    await field(form, 'Phone').fill('call us');
    await field(form, 'Check-in desk hours').fill('24 h');
    await field(form, 'Pickup point at the airport').fill('Terminal 2E, exit 12, shuttle stop 6');
    await field(form, 'Transport from the airport').selectOption('Shuttle');
    await form.getByLabel('Dinner').check();
    await form.getByRole('button', { name: 'Add hotel' }).click();
    expect(await errorOf(field(form, 'Distance from the terminal (km)'))).toBe('a distance cannot be negative');
    expect(await errorOf(field(form, 'Phone'))).toMatch(/^a phone number has 6 to 30 digits/);
    expect(await field(form, 'Name').getAttribute('aria-invalid')).toBeNull();
    // Nothing left the tablet: no operation waits in its outbox, and the hub holds the same hotels.
    expect(await manager.getByTestId('hotel-setup-status').count()).toBe(0);
    expect(JSON.stringify(env.hub.hub.current.hotels)).toBe(hotelsBefore);

    await field(form, 'Distance from the terminal (km)').fill('0,8');
    await field(form, 'Phone').fill('+33 1 34 29 00 00');
    await form.getByRole('button', { name: 'Add hotel' }).click();
    await expect.poll(() => manager.getByTestId('hotel-setup-status').first().textContent()).toBe(`${HOTEL}: saved.`);
    await expect.poll(hotelId).toBe('hotel-les-tilleuls');
    expect(env.hub.hub.current.hotels![hotelId()!]).toMatchObject({ distanceKm: 0.8, transport: 'shuttle', meals: ['dinner'] });
    // Nearest first on the board.
    expect(await manager.getByTestId('hotel-row').first().getByRole('heading').textContent()).toContain(HOTEL);

    await row()
      .getByRole('button', { name: `Rooms at ${HOTEL}` })
      .click();
    const rooms = manager.getByRole('form', { name: `Rooms at ${HOTEL}` });
    const night = tonight(env.hub.hub.current, new Date().toISOString());
    expect(await field(rooms, 'Night of').inputValue()).toBe(night);
    await field(rooms, 'Room type').selectOption('double');
    await field(rooms, /^Rooms held/).fill('-1');
    await field(rooms, 'Rate a night').fill('89.999');
    await rooms.getByRole('button', { name: 'Save rooms' }).click();
    expect(await errorOf(field(rooms, /^Rooms held/))).toBe('a count cannot be negative');
    expect(await errorOf(field(rooms, 'Rate a night'))).toBe('an amount has at most two decimals');
    expect(env.hub.hub.current.roomBlocks?.[blockKey(hotelId()!, night, 'double')]).toBeUndefined();
    await field(rooms, /^Rooms held/).fill('2');
    await field(rooms, 'Rate a night').fill('89.50');
    await rooms.getByRole('button', { name: 'Save rooms' }).click();
    await expect
      .poll(() => env.hub.hub.current.roomBlocks?.[blockKey(hotelId()!, night, 'double')])
      .toMatchObject({ count: 2, rateCents: 8950, currency: 'EUR' });
    await expect.poll(() => row().textContent()).toContain('Held 2 double');

    // The run leaves in an hour and a half, typed as the airport's clock reads, on a tablet set to Vancouver.
    const departs = new Date(Math.ceil((Date.now() + 90 * 60_000) / 60_000) * 60_000).toISOString();
    await row()
      .getByRole('button', { name: `Shuttle runs to ${HOTEL}` })
      .click();
    const shuttle = manager.getByRole('form', { name: `Shuttle run to ${HOTEL}` });
    await field(shuttle, 'Leaves at (airport time)').fill(airportInputValue(departs, ZONE));
    await field(shuttle, 'Seats').fill('0');
    await shuttle.getByRole('button', { name: 'Save shuttle run' }).click();
    expect(await errorOf(field(shuttle, 'Seats'))).toBe('a shuttle has at least one seat');
    expect(shuttlesFor(env.hub.hub.current, hotelId()!)).toEqual([]);
    await field(shuttle, 'Seats').fill('12');
    await shuttle.getByRole('button', { name: 'Save shuttle run' }).click();
    await expect.poll(() => shuttlesFor(env.hub.hub.current, hotelId()!).map((s) => [s.departsAt, s.seats])).toEqual([[departs, 12]]);
    await expect
      .poll(() => row().getByTestId('hotel-shuttles').textContent())
      .toBe(`Shuttles: ${airportInputValue(departs, ZONE).slice(11)} 0 of 12 seats taken`);
  });

  it('the agent’s card suggests the new hotel; once a room is allocated, holding fewer is refused by the hub next to the form and nothing changes', async () => {
    agent = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    await signInStaff(agent, env.hub.url, 'A103', '8642', ['K41']);
    const expected = new RegExp(`^Suggested: ${HOTEL}, 1 double room, shuttle \\d\\d:\\d\\d from Terminal 2E, exit 12, shuttle stop 6$`);
    await expect.poll(() => card(parties[0]!).getByTestId('hotel-suggestion').textContent(), { timeout: 15_000 }).toMatch(expected);
    await card(parties[0]!).getByRole('button', { name: 'Allocate', exact: true }).click();
    const night = tonight(env.hub.hub.current, new Date().toISOString());
    await expect.poll(() => row().textContent()).toContain('allocated 1 double');

    await row()
      .getByRole('button', { name: `Rooms at ${HOTEL}` })
      .click();
    const rooms = manager.getByRole('form', { name: `Rooms at ${HOTEL}` });
    await field(rooms, 'Room type').selectOption('double');
    expect(await field(rooms, 'Rooms held (1 allocated)').inputValue()).toBe('2');
    await field(rooms, 'Rooms held (1 allocated)').fill('0');
    await rooms.getByRole('button', { name: 'Save rooms' }).click();
    const status = row().getByTestId('hotel-setup-status');
    await expect
      .poll(() => status.textContent())
      .toBe(
        `Double rooms at ${HOTEL} on the night of ${night} not saved: 1 double room at ${HOTEL} is already allocated on the night of ${night}: release some before holding fewer`,
      );
    expect(await status.getAttribute('role')).toBe('alert');
    expect(env.hub.hub.current.roomBlocks?.[blockKey(hotelId()!, night, 'double')]?.count).toBe(2);
    await manager.screenshot({ path: `${ARTIFACTS}/staff-hotel-forms-refusal.png`, fullPage: true });

    // The second double room is still there: the next party is offered it.
    await expect.poll(() => card(parties[1]!).getByTestId('hotel-suggestion').textContent()).toMatch(expected);
  });
});
