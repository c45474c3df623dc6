import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { KIOSK, SYSTEM, op, requestIdOf } from '../helpers/ops.ts';
import { coupleAskingForHotel } from '../helpers/hotel-guests.ts';
import { ROOM_TYPES, activeAllocationsOf, tonight, type OpBody } from '../../core/index.ts';

/** Two agents' tablets on AF1780 (cancelled, rebooked next morning: a hotel is owed) with one double room left in the whole airport. */
describe("the agent's card: one-tap hotel suggestion, racing agents on the last room, move / release / no-show", () => {
  const env = useTestHub();
  const chromium = useBrowser();
  let sofia: Page;
  let tom: Page;
  const laurent = coupleAskingForHotel('Laurent');
  const garcia = coupleAskingForHotel('Garcia');
  const ticketOf = (body: OpBody) => env.hub.hub.current.requests[requestIdOf(body)]!.ticket;
  const held = (body: OpBody) => activeAllocationsOf(env.hub.hub.current, requestIdOf(body));
  const card = (page: Page, body: OpBody) => page.locator(`[data-ticket="${ticketOf(body)}"]`);
  const system = async (body: OpBody) => expect(await env.hub.hub.submit(op(SYSTEM, body), { kind: 'system' })).toMatchObject({ ok: true });
  const rooms = async (hotelId: string, type: (typeof ROOM_TYPES)[number], count: number) =>
    system({
      type: 'hotel.rooms',
      payload: { hotelId, night: tonight(env.hub.hub.current, new Date().toISOString()), type, count, rateCents: 12000, currency: 'EUR' },
    });

  async function tablet(id: string, pin: string): Promise<Page> {
    const page = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    await signInStaff(page, env.hub.url, id, pin, ['K41']);
    return page;
  }

  beforeAll(async () => {
    // The demo's two hotels hold nothing tonight but one double room at the nearer one.
    for (const hotelId of ['aerogare-roissy', 'mesnil-amelot']) for (const t of ROOM_TYPES) await rooms(hotelId, t, 0);
    await rooms('aerogare-roissy', 'double', 1);
    for (const body of [laurent, garcia]) expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    sofia = await tablet('A103', '8642');
    tom = await tablet('A104', '9753');
  });

  const suggestion = (page: Page, body: OpBody) => card(page, body).getByTestId('hotel-suggestion').textContent();

  it("both cards suggest the last room; the first tap gets it, the other agent is told in the hub's words and sees no room left", async () => {
    const expected = /^Suggested: Hôtel Aérogare Roissy, 1 double room, shuttle \d\d:\d\d from Terminal 2E, arrivals level, exit 10, shuttle stop 4$/;
    await expect.poll(() => suggestion(sofia, laurent), { timeout: 15_000 }).toMatch(expected);
    await expect.poll(() => suggestion(tom, garcia), { timeout: 15_000 }).toMatch(expected);

    // Tom's tablet loses the network with the suggestion still on screen, so his tap is sent only after Sofia's has landed.
    await expect.poll(() => tom.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 15_000 }).toBe('activated');
    await tom.context().setOffline(true);
    await expect.poll(() => tom.getByTestId('connection').textContent(), { timeout: 10_000 }).toContain('Offline');

    await card(sofia, laurent).getByRole('button', { name: 'Allocate', exact: true }).click();
    await expect.poll(() => held(laurent).map((a) => `${a.hotelId} ${a.rooms.join('+')}`)).toEqual(['aerogare-roissy double']);
    await expect
      .poll(() => card(sofia, laurent).getByTestId('card-room').textContent())
      .toMatch(/^Room: Hôtel Aérogare Roissy, 1 double room, shuttle/);

    await card(tom, garcia).getByRole('button', { name: 'Allocate', exact: true }).click();
    await tom.context().setOffline(false);
    const refusal = tom.getByRole('alert').filter({ hasText: 'Not done' });
    await expect
      .poll(() => refusal.textContent(), { timeout: 20_000 })
      .toMatch(
        /^Not done — Room for GARCIA \(.+\): no double room left at Hôtel Aérogare Roissy on the night of .*: someone else just took the last one/,
      );
    expect(held(garcia)).toEqual([]);
    await expect.poll(() => suggestion(tom, garcia)).toBe('Hotel owed: no room that keeps the party together is left');
    await expect.poll(() => card(tom, laurent).getByTestId('card-room').textContent()).toMatch(/^Room: Hôtel Aérogare Roissy/);
    await tom.screenshot({ path: `${ARTIFACTS}/staff-hotel-last-room-refused.png` });
  });

  it('choosing otherwise checks the rooms on the tablet first, then a move, a no-show and a release from the cards free the rooms', async () => {
    await rooms('mesnil-amelot', 'double', 1);
    const laurentCard = card(sofia, laurent);
    await laurentCard.getByRole('button', { name: 'Move…' }).click();
    const form = laurentCard.getByRole('form', { name: 'Move the room' });
    await form.getByLabel('Hotel').selectOption({ label: 'Hôtel du Mesnil · 6 km · taxi' });
    await form.getByLabel(/^Double/).fill('0');
    await form.getByRole('button', { name: 'Move here' }).click();
    expect(await form.getByRole('alert').textContent()).toBe('Choose at least one room');
    await form.getByLabel(/^Double/).fill('1');
    await form.getByRole('button', { name: 'Move here' }).click();
    await expect.poll(() => held(laurent).map((a) => `${a.hotelId} ${a.transport.kind}`)).toEqual(['mesnil-amelot taxi']);
    await expect
      .poll(() => laurentCard.getByTestId('card-room').textContent())
      .toBe('Room: Hôtel du Mesnil, 1 double room, taxi from Terminal 2E, arrivals level, exit 8, taxi rank');

    // The move freed the double at the nearer hotel: Tom's card suggests it again at once.
    const garciaCard = card(tom, garcia);
    await expect.poll(() => suggestion(tom, garcia)).toMatch(/^Suggested: Hôtel Aérogare Roissy, 1 double room/);
    await garciaCard.getByRole('button', { name: 'Allocate', exact: true }).click();
    await expect.poll(() => held(garcia).length).toBe(1);
    const garciaAllocation = held(garcia)[0]!.id;
    await garciaCard.getByRole('button', { name: 'No-show' }).click();
    await expect.poll(() => env.hub.hub.current.roomAllocations?.[garciaAllocation]?.status).toBe('no_show');
    await expect.poll(() => suggestion(tom, garcia)).toMatch(/^Suggested: Hôtel Aérogare Roissy, 1 double room/);

    const laurentAllocation = held(laurent)[0]!.id;
    await laurentCard.getByRole('button', { name: 'Release room' }).click();
    await expect.poll(() => env.hub.hub.current.roomAllocations?.[laurentAllocation]?.status).toBe('released');
    await expect.poll(() => suggestion(sofia, laurent)).toMatch(/^Suggested: Hôtel Aérogare Roissy, 1 double room/);
  });
});
