import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { allocationsOf, type Actor, type OpBody } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { getWithToken } from '../helpers/rest.ts';
import { createRequest, op } from '../helpers/ops.ts';
import { tinyHotel } from '../helpers/hotel-fixtures.ts';

const SOFIA: Actor = { kind: 'staff', id: 'A103' };
const TOM: Actor = { kind: 'staff', id: 'A104' };
const CLAIRE: Actor = { kind: 'staff', id: 'M201' };

describe('hotel rooms over real sockets: the hub decides, and only the right people may act', () => {
  const env = useTestHub();
  let sofia: TestDevice;
  let tom: TestDevice;
  let manager: TestDevice;
  let kiosk: TestDevice;
  let kioskActor: Actor;
  let otherKiosk: TestDevice;
  const ids: string[] = [];
  let night = '';

  beforeAll(async () => {
    sofia = await env.staff('A103');
    tom = await env.staff('A104');
    manager = await env.staff('M201');
    ({ kiosk, me: kioskActor } = await env.enrolledKiosk('K41'));
    ({ kiosk: otherKiosk } = await env.enrolledKiosk('K41'));
    night = Object.values(env.hub.hub.current.roomBlocks!).find((b) => b.hotelId === 'aerogare-roissy')!.night;
    for (let i = 0; i < 2; i++) {
      const body = createRequest({ gate: 'K41', flightNumber: 'AF1780', needs: ['hotel'], party: { adults: 2, children: 0, infants: 0 } });
      if (body.type === 'request.create') ids.push(body.payload.requestId);
      expect(await kiosk.submit(op(kioskActor, body))).toMatchObject({ ok: true });
    }
    const tiny = tinyHotel(night, 1);
    for (const b of tiny) expect(await manager.submit(op(CLAIRE, b))).toMatchObject({ ok: true });
  });

  const lastRoom = (requestId: string): OpBody => ({
    type: 'room.allocate',
    payload: { allocationId: uuidv7(), requestId, hotelId: 'tiny', night, rooms: ['double'], transport: { kind: 'taxi' } },
  });

  it('two agents take the last room at the same moment: one succeeds, the other is told', async () => {
    const [a, b] = await Promise.all([sofia.submit(op(SOFIA, lastRoom(ids[0]!))), tom.submit(op(TOM, lastRoom(ids[1]!)))]);
    const answers = [a, b];
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.find((x) => !x.ok)).toMatchObject({
      ok: false,
      code: 'conflict',
      reason: `no double room left at Hôtel Minuscule on the night of ${night}: someone else just took the last one`,
    });
    const held = Object.values(allocationsOf(env.hub.hub.current)).filter((x) => x.hotelId === 'tiny' && x.status === 'allocated');
    expect(held).toHaveLength(1);
  });

  it('the kiosk that asked sees its room; another kiosk never does', async () => {
    const winner = Object.values(allocationsOf(env.hub.hub.current)).find((x) => x.hotelId === 'tiny')!;
    await waitFor(
      () =>
        kiosk.received.some((m) => m.entries.some((e) => e.op.type === 'kiosk.view' && e.op.payload.roomAllocations.some((a) => a.id === winner.id))),
      'the kiosk told',
    );
    const pulled = await otherKiosk.pull(0);
    const text = JSON.stringify(pulled);
    expect(text).not.toContain(winner.id);
    expect(text).toContain('Hôtel Minuscule');
  });

  it('kiosks and agents cannot keep hotels, rooms or shuttles, or check guests in', async () => {
    const allocationId = Object.values(allocationsOf(env.hub.hub.current)).find((x) => x.hotelId === 'tiny')!.id;
    const managerOps: OpBody[] = [
      { type: 'hotel.rooms', payload: { hotelId: 'tiny', night, type: 'double', count: 99, rateCents: 1, currency: 'EUR' } },
      { type: 'hotel.shuttle', payload: { shuttleId: uuidv7(), hotelId: 'tiny', departsAt: new Date().toISOString(), seats: 50 } },
      { type: 'room.checkin', payload: { allocationId } },
    ];
    for (const b of managerOps) {
      expect(await kiosk.submit(op(kioskActor, b))).toMatchObject({ ok: false });
      expect(await sofia.submit(op(SOFIA, b))).toMatchObject({ ok: false, code: 'forbidden' });
    }
    // A kiosk cannot take a room for itself either.
    expect(await kiosk.submit(op(kioskActor, lastRoom(ids[1]!)))).toMatchObject({ ok: false });
    expect(env.hub.hub.current.roomBlocks!['tiny|' + night + '|double']!.count).toBe(1);
  });

  it('huge or malformed payloads are refused with a reason and the hub carries on', async () => {
    const hugeName: OpBody = {
      type: 'hotel.upsert',
      payload: {
        id: 'huge',
        name: 'x'.repeat(12_000),
        address: 'a',
        distanceKm: 1,
        phone: '+33 1 00 00 00 00',
        deskHours: '24 h',
        transport: 'taxi',
        pickupPoint: 'p',
        meals: [],
      },
    };
    const hugeAnswer = await manager.submit(op(CLAIRE, hugeName));
    expect(hugeAnswer).toMatchObject({ ok: false });
    const manyRooms = lastRoom(ids[1]!);
    if (manyRooms.type === 'room.allocate') manyRooms.payload.rooms = Array.from({ length: 3000 }, () => 'double' as const);
    expect(await sofia.submit(op(SOFIA, manyRooms))).toMatchObject({ ok: false });
    const negative = await manager.submit(
      op(CLAIRE, { type: 'hotel.rooms', payload: { hotelId: 'tiny', night, type: 'double', count: -5, rateCents: 1, currency: 'EUR' } }),
    );
    expect(negative).toMatchObject({ ok: false, code: 'invalid' });
    if (!negative.ok) expect(negative.reason).toContain('a count cannot be negative');
    // Still serving.
    expect(
      await manager.submit(
        op(CLAIRE, { type: 'hotel.rooms', payload: { hotelId: 'tiny', night, type: 'single', count: 2, rateCents: 7000, currency: 'EUR' } }),
      ),
    ).toMatchObject({
      ok: true,
    });
  });

  it('the billing CSV is for duty managers only and counts the room-night', async () => {
    expect((await getWithToken(env.hub.url, '/api/hotels.csv', await env.token('A103'))).status).toBe(403);
    const res = await getWithToken(env.hub.url, '/api/hotels.csv', await env.token('M201'));
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('AF1780');
    expect(csv).toMatch(/Hôtel Minuscule,1,2,99\.00,EUR/);
  });

  it('a fresh device connects to a state holding hotels', async () => {
    const d = await connectDevice(env.hub.url, { token: await env.token('A105') });
    const pulled = JSON.stringify(await d.pull(0));
    d.close();
    expect(pulled).toContain('aerogare-roissy');
  });
});
