import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { allocationsOf, blockKey } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { partyWithRoom } from '../helpers/party-with-room.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { getWithToken, postJson } from '../helpers/rest.ts';

describe('the hotel desk: an outlet bound to one hotel sees its guests, checks them in, marks no-shows and sets its rooms — for its hotel only', () => {
  const env = useTestHub();

  const get = (path: string, token?: string) => getWithToken(env.hub.url, path, token);
  const post = (path: string, token: string | undefined, body: unknown) => postJson(env.hub.url, path, body, token);

  it('works on its own hotel and is refused on another’s; other tokens are refused on desk routes', async () => {
    const kiosk = await env.kiosk('K41', 'kiosk-desk-test-01');
    const manager = await env.staff('M201');
    const night = Object.values(env.hub.hub.current.roomBlocks!).find((b) => b.hotelId === 'aerogare-roissy')!.night;
    const devices = { kiosk, kioskId: 'kiosk-desk-test-01', manager };
    const allocate = async (surname: string, hotelId: string, room: 'double' | 'single') =>
      (await partyWithRoom(devices, { surname, hotelId, night, room })).allocationId;
    const ours = await allocate('Lambert', 'aerogare-roissy', 'double');
    const noShow = await allocate('Fontaine', 'aerogare-roissy', 'single');
    const theirs = await allocate('Girard', 'mesnil-amelot', 'double');

    const desk = env.hub.outletTokens.issue('demo-2e-hotel-desk', 'M201').token;
    const cafe = env.hub.outletTokens.issue('demo-2e-cafe', 'M201').token;

    const guests = await get(`/api/outlet/hotel/guests?night=${night}`, desk);
    expect(guests.status).toBe(200);
    const listed = (await guests.json()) as { hotel: { name: string }; guests: { allocationId: string; surname: string; status: string }[] };
    expect(listed.hotel.name).toBe('Hôtel Aérogare Roissy');
    expect(listed.guests.map((g) => g.surname).sort()).toEqual(['Fontaine', 'Lambert']);

    expect((await post('/api/outlet/hotel/checkin', desk, { allocationId: ours })).status).toBe(200);
    expect(allocationsOf(env.hub.hub.current)[ours]!.status).toBe('checked_in');
    expect((await post('/api/outlet/hotel/no-show', desk, { allocationId: noShow })).status).toBe(200);
    expect(allocationsOf(env.hub.hub.current)[noShow]!.status).toBe('no_show');
    // A checked-in party is no no-show.
    const late = await post('/api/outlet/hotel/no-show', desk, { allocationId: ours });
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({ error: 'the party has checked in: it is not a no-show' });

    // Another hotel's guest: refused, nothing changed.
    for (const path of ['/api/outlet/hotel/checkin', '/api/outlet/hotel/no-show']) {
      const other = await post(path, desk, { allocationId: theirs });
      expect(other.status).toBe(403);
      expect(await other.json()).toEqual({ error: 'this booking is at another hotel: Hôtel Aérogare Roissy — desk handles its own guests only' });
    }
    expect(allocationsOf(env.hub.hub.current)[theirs]!.status).toBe('allocated');

    // Its own rooms only: the body names no hotel, and the rate stays the manager's.
    const before = env.hub.hub.current.roomBlocks![blockKey('aerogare-roissy', night, 'double')]!;
    expect((await post('/api/outlet/hotel/rooms', desk, { night, type: 'double', count: before.count + 3 })).status).toBe(200);
    expect(env.hub.hub.current.roomBlocks![blockKey('aerogare-roissy', night, 'double')]).toMatchObject({
      count: before.count + 3,
      rateCents: before.rateCents,
    });
    expect((await post('/api/outlet/hotel/rooms', desk, { night, type: 'double', count: 1, hotelId: 'mesnil-amelot' })).status).toBe(400);
    const below = await post('/api/outlet/hotel/rooms', desk, { night, type: 'double', count: 0 });
    expect(below.status).toBe(409);
    expect(((await below.json()) as { error: string }).error).toContain('already allocated');

    // A café, staff, kiosks and no token are refused on desk routes.
    const cafeAnswer = await get('/api/outlet/hotel/guests', cafe);
    expect(cafeAnswer.status).toBe(403);
    expect(await cafeAnswer.json()).toEqual({ error: "Café 2E — Hall K is not a hotel desk: only a hotel's desk sees and checks in its guests" });
    for (const token of [undefined, await env.token('M201'), 'forged.token']) {
      expect((await get('/api/outlet/hotel/guests', token)).status).toBe(401);
      expect((await post('/api/outlet/hotel/checkin', token, { allocationId: theirs })).status).toBe(401);
    }
    // The desk token opens no staff route.
    expect((await fetch(`${env.hub.url}/api/snapshot`, { headers: { authorization: `Bearer ${desk}` } })).status).toBe(401);
    // Hostile bodies get a reason.
    expect((await post('/api/outlet/hotel/checkin', desk, `{"allocationId": ${'['.repeat(5000)}${']'.repeat(5000)}}`)).status).toBe(400);
    expect((await post('/api/outlet/hotel/rooms', desk, { night, type: 'double', count: 1, extra: 'x'.repeat(100_000) })).status).toBe(413);
    expect((await get('/api/outlet/hotel/guests?night=tomorrow', desk)).status).toBe(400);
  });

  it('a desk enrolled for its hotel from the set-up screen: the open hotel list names ids and names only; bad enrolments and room counts get a reason', async () => {
    const listed = await get('/api/outlets/hotels');
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(JSON.parse(text)).toEqual({
      hotels: [
        { id: 'aerogare-roissy', name: 'Hôtel Aérogare Roissy' },
        { id: 'mesnil-amelot', name: 'Hôtel du Mesnil' },
      ],
    });
    // Nothing a caller without a token should learn: where, how to call, rooms, rates, shuttles, guests.
    for (const secret of ['Roissy-en-France', '+33', 'rate', 'count', 'shuttle', 'seats', 'exit']) expect(text).not.toContain(secret);

    const enroll = (body: Record<string, unknown>) =>
      post('/api/outlets/enroll', undefined, {
        outletId: `desk-${uuidv7()}`,
        name: 'Mesnil desk',
        kind: 'hotel-desk',
        accepts: ['hotel'],
        staffId: 'M201',
        pin: '7319',
        ...body,
      });
    const refused = async (body: Record<string, unknown>, status: number, error: RegExp) => {
      const answer = await enroll(body);
      expect(answer.status).toBe(status);
      expect(((await answer.json()) as { error: string }).error).toMatch(error);
    };
    const outletsBefore = Object.keys(env.hub.hub.current.outlets ?? {}).length;
    await refused({}, 409, /a hotel desk works for one hotel: choose which/);
    await refused({ hotelId: 'nowhere' }, 409, /no hotel nowhere: a duty manager adds it first/);
    await refused({ kind: 'cafe', accepts: ['meal'], hotelId: 'mesnil-amelot' }, 409, /only a hotel desk is bound to a hotel/);
    await refused({ hotelId: 'x'.repeat(65) }, 400, /hotelId/);
    await refused({ hotelId: { $ne: null } }, 400, /hotelId/);
    await refused({ hotelId: 'mesnil-amelot', staffId: 'A101', pin: '2468' }, 401, /./);
    expect(Object.keys(env.hub.hub.current.outlets ?? {}).length).toBe(outletsBefore);

    const enrolled = await enroll({ hotelId: 'mesnil-amelot' });
    expect(enrolled.status).toBe(200);
    const { token, outlet } = (await enrolled.json()) as { token: string; outlet: { hotelId: string } };
    expect(outlet.hotelId).toBe('mesnil-amelot');
    const guests = (await (await get('/api/outlet/hotel/guests', token)).json()) as {
      hotel: { id: string };
      night: string;
      rooms: { type: string; held: number; taken: number }[];
    };
    expect(guests.hotel.id).toBe('mesnil-amelot');
    const double = () => guests.rooms.find((r) => r.type === 'double')!;
    expect(double().held).toBe(env.hub.hub.current.roomBlocks![blockKey('mesnil-amelot', guests.night, 'double')]!.count);

    // Its own hotel's rooms only; the hub's refusals carry a name the desk can say in its language.
    const night = guests.night;
    // Girard's double, allocated in the test above.
    const taken = double().taken;
    expect(taken).toBeGreaterThan(0);
    const below = await post('/api/outlet/hotel/rooms', token, { night, type: 'double', count: taken - 1 });
    expect(below.status).toBe(409);
    expect(await below.json()).toMatchObject({ refusal: 'below_allocated', allocated: taken });
    const noBlock = await post('/api/outlet/hotel/rooms', token, { night: '2030-01-01', type: 'double', count: 3 });
    expect(noBlock.status).toBe(404);
    expect(await noBlock.json()).toMatchObject({ refusal: 'no_block' });
    for (const count of [-1, 1.5, 2001, 1e9, '3', null])
      expect((await post('/api/outlet/hotel/rooms', token, { night, type: 'double', count })).status).toBe(400);
    expect((await post('/api/outlet/hotel/rooms', token, { night, type: 'penthouse', count: 1 })).status).toBe(400);
    expect((await post('/api/outlet/hotel/rooms', token, `{"night": ${'['.repeat(5000)}${']'.repeat(5000)}}`)).status).toBe(400);
    const roissy = env.hub.hub.current.roomBlocks![blockKey('aerogare-roissy', night, 'double')]!.count;
    expect((await post('/api/outlet/hotel/rooms', token, { night, type: 'double', count: taken + 4 })).status).toBe(200);
    expect(env.hub.hub.current.roomBlocks![blockKey('mesnil-amelot', night, 'double')]!.count).toBe(taken + 4);
    expect(env.hub.hub.current.roomBlocks![blockKey('aerogare-roissy', night, 'double')]!.count).toBe(roissy);

    // Kiosk and staff tokens open no desk route.
    const kiosk = await enrollKiosk(env.hub.url, 'K41');
    for (const other of [kiosk.token, await env.token('A101'), await env.token('M201')])
      expect((await post('/api/outlet/hotel/rooms', other, { night, type: 'double', count: 50 })).status).toBe(401);
  });
});
