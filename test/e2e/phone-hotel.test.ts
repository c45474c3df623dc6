import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { askPhoneLink } from '../helpers/phone-client.ts';
import { createRequest, op } from '../helpers/ops.ts';
import { activeAllocationsOf, airportClockIn, tonight, type Actor } from '../../core/index.ts';

/** The passenger's phone (360 × 740, touch) in French while an agent allocates, moves and releases the party's room. */
describe("the hotel on the passenger's phone", () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('an allocation shows the hotel, its map link, the shuttle and when to be back in French; a move shows the new hotel at once; a release takes it away', async () => {
    const { kiosk, me } = await env.enrolledKiosk('K41');
    // AF1780 is the demo's cancelled flight, rebooked next morning: a hotel is owed.
    const body = createRequest({ gate: 'K41', flightNumber: 'AF1780', surname: 'Lefèvre', language: 'fr', needs: ['hotel'] });
    if (body.type !== 'request.create') throw new Error('unexpected');
    const requestId = body.payload.requestId;
    expect(await kiosk.submit(op(me, body))).toMatchObject({ ok: true });
    const ticket = env.hub.hub.current.requests[requestId]!.ticket;
    const link = await askPhoneLink(kiosk, { ticket }, `${env.hub.url}/kiosk/?gate=K41`);
    if (!link.ok) throw new Error(link.reason);

    const phone = await chromium.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, timezoneId: 'Asia/Tokyo' });
    await phone.goto(link.url);
    await expect.poll(() => phone.getByTestId('ticket-number').textContent()).toBe(ticket);
    expect(await phone.getByTestId('phone-hotel').count()).toBe(0);

    const sofia: Actor = { kind: 'staff', id: 'A103' };
    const agent = await env.staff('A103', ['K41']);
    const night = tonight(env.hub.hub.current, new Date().toISOString());
    const shuttle = Object.values(env.hub.hub.current.shuttles ?? {}).sort((a, b) => a.departsAt.localeCompare(b.departsAt))[0]!;
    const allocationId = '0190b000-0000-7000-8000-0000000000a1';
    expect(
      await agent.submit(
        op(sofia, {
          type: 'room.allocate',
          payload: {
            allocationId,
            requestId,
            hotelId: 'aerogare-roissy',
            night,
            rooms: ['family'],
            transport: { kind: 'shuttle', shuttleId: shuttle.id },
          },
        }),
      ),
    ).toMatchObject({ ok: true });

    const hotel = phone.getByTestId('phone-hotel');
    await expect.poll(() => hotel.count(), { timeout: 10_000 }).toBe(1);
    expect(await hotel.getByRole('heading').textContent()).toBe('Votre hôtel cette nuit');
    expect(await phone.getByTestId('hotel-name').textContent()).toBe('Hôtel Aérogare Roissy');
    // Airport time (Paris), though the phone is set to Tokyo.
    const at = airportClockIn(shuttle.departsAt, 'Europe/Paris', 'fr');
    expect(await phone.getByTestId('hotel-transport').textContent()).toBe(
      `Navette gratuite à ${at} depuis Terminal 2E, arrivals level, exit 10, shuttle stop 4`,
    );
    expect(await phone.getByTestId('hotel-map').getAttribute('href')).toBe(
      `https://www.openstreetmap.org/search?query=${encodeURIComponent('6 allée du Verger, 95700 Roissy-en-France')}`,
    );
    expect(await hotel.textContent()).toContain('Votre chambre : chambre familiale');
    expect(await hotel.textContent()).toContain('Compris : dîner et petit-déjeuner');
    expect(await phone.getByTestId('hotel-back').textContent()).toMatch(/^Nouveau vol à \d?\d:\d\d : soyez à l'aéroport avant \d?\d:\d\d$/);
    await phone.screenshot({ path: `${ARTIFACTS}/phone-fr-hotel.png`, fullPage: true });

    const movedId = '0190b000-0000-7000-8000-0000000000a2';
    expect(
      await agent.submit(
        op(sofia, {
          type: 'room.move',
          payload: { allocationId, newAllocationId: movedId, hotelId: 'mesnil-amelot', night, rooms: ['family'], transport: { kind: 'taxi' } },
        }),
      ),
    ).toMatchObject({ ok: true });
    await expect.poll(() => phone.getByTestId('hotel-name').textContent(), { timeout: 10_000 }).toBe('Hôtel du Mesnil');
    expect(await phone.getByTestId('hotel-name').count()).toBe(1);
    expect(await phone.getByTestId('hotel-transport').textContent()).toBe(
      'Taxi depuis Terminal 2E, arrivals level, exit 8, taxi rank : bon de taxi remis à la porte',
    );

    expect(await agent.submit(op(sofia, { type: 'room.release', payload: { allocationId: movedId, outcome: 'released' } }))).toMatchObject({
      ok: true,
    });
    expect(activeAllocationsOf(env.hub.hub.current, requestId)).toEqual([]);
    await expect.poll(() => phone.getByTestId('phone-hotel').count(), { timeout: 10_000 }).toBe(0);
  });
});
