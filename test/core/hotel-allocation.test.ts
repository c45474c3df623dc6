import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import {
  ROOM_TYPES,
  allocationsOf,
  expectedGuests,
  hotelBilling,
  bedsNeeded,
  holdsRoom,
  planFlight,
  planParties,
  roomsHeld,
  roomsTaken,
  seatsTaken,
  shuttlesFor,
  suggestForRequest,
  tonight,
  type HubState,
  type OpBody,
  type PlannedAllocation,
} from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { MANAGER, NOW, SOFIA, accepted, by, run } from '../helpers/core-fixtures.ts';
import { NIGHT, withHotels, withParties, type HotelSpec, type PartySpec } from '../helpers/hotel-fixtures.ts';
import { AMIRA } from '../helpers/ops.ts';

const TOM = { kind: 'staff', id: 'A104' } as const;
/** The demo airport without its demo hotels: each test says which hotels exist. */
const base = (): HubState => ({ ...demoState(new Date(NOW)), hotels: {}, roomBlocks: {}, shuttles: {} });
const opts = { night: NIGHT, now: NOW };

function allocateBody(requestId: string, a: Pick<PlannedAllocation, 'hotelId' | 'night' | 'rooms' | 'transport' | 'people' | 'split'>): OpBody {
  return {
    type: 'room.allocate',
    payload: {
      allocationId: uuidv7(),
      requestId,
      hotelId: a.hotelId,
      night: a.night,
      rooms: a.rooms,
      transport: a.transport,
      people: a.people,
      ...(a.split ? { split: true } : {}),
    },
  };
}

/** Two people in one double room at the Ibis that night, by the given transport. */
const doubleAtIbis = (requestId: string, transport: PlannedAllocation['transport']): OpBody =>
  allocateBody(requestId, { hotelId: 'ibis', night: NIGHT, rooms: ['double'], transport, people: 2, split: false });

describe('hotel rooms decided by the hub', () => {
  it('two agents on the last room: the first gets it, the second is told why', () => {
    const s0 = withHotels(base(), [{ id: 'ibis', distanceKm: 2, rooms: { double: 1 } }]);
    const { state, ids } = withParties(s0, [
      { adults: 2, children: 0, infants: 0 },
      { adults: 2, children: 0, infants: 0 },
    ]);
    const taxi = { kind: 'taxi' } as const;
    const first = accepted(
      state,
      by(SOFIA, allocateBody(ids[0]!, { hotelId: 'ibis', night: NIGHT, rooms: ['double'], transport: taxi, people: 2, split: false })),
    );
    const second = run(
      first,
      by(TOM, allocateBody(ids[1]!, { hotelId: 'ibis', night: NIGHT, rooms: ['double'], transport: taxi, people: 2, split: false })),
    );
    expect(second).toEqual({
      ok: false,
      code: 'conflict',
      reason: `no double room left at Hotel ibis on the night of ${NIGHT}: someone else just took the last one`,
    });
    expect(roomsTaken(first, 'ibis', NIGHT).double).toBe(1);
    expect(first.requests[ids[0]!]!.history.at(-1)).toMatchObject({ action: 'room allocated', by: 'A103' });
  });

  it('keeps a party together unless a split is asked for, and never gives fewer beds than people', () => {
    const s0 = withHotels(base(), [{ id: 'ibis', distanceKm: 2, rooms: { double: 3 } }]);
    const { state, ids } = withParties(s0, [{ adults: 2, children: 2, infants: 0 }]);
    const taxi = { kind: 'taxi' } as const;
    const tooSmall = run(
      state,
      by(SOFIA, allocateBody(ids[0]!, { hotelId: 'ibis', night: NIGHT, rooms: ['double'], transport: taxi, people: 4, split: false })),
    );
    expect(tooSmall).toMatchObject({ ok: false, code: 'invalid', reason: '1 room sleep 2, not 4' });
    const half = run(
      state,
      by(SOFIA, allocateBody(ids[0]!, { hotelId: 'ibis', night: NIGHT, rooms: ['double'], transport: taxi, people: 2, split: false })),
    );
    expect(half).toMatchObject({ ok: false, code: 'invalid' });
    if (!half.ok) expect(half.reason).toMatch(/split the party/);
    const allowed = accepted(
      state,
      by(SOFIA, allocateBody(ids[0]!, { hotelId: 'ibis', night: NIGHT, rooms: ['double'], transport: taxi, people: 2, split: true })),
    );
    expect(Object.values(allocationsOf(allowed))).toHaveLength(1);
  });

  it('release, no-show and move free the room and the shuttle seats', () => {
    const s0 = withHotels(base(), [
      { id: 'ibis', distanceKm: 2, rooms: { double: 1 }, shuttles: [3] },
      { id: 'novotel', distanceKm: 4, rooms: { double: 1 }, transport: 'taxi' },
    ]);
    const { state, ids } = withParties(s0, [
      { adults: 2, children: 0, infants: 0 },
      { adults: 2, children: 0, infants: 0 },
    ]);
    const shuttle = shuttlesFor(state, 'ibis')[0]!;
    const body = doubleAtIbis(ids[0]!, { kind: 'shuttle', shuttleId: shuttle.id });
    const allocationId = body.type === 'room.allocate' ? body.payload.allocationId : '';
    const taken = accepted(state, by(SOFIA, body));
    expect(seatsTaken(taken, shuttle.id)).toBe(2);
    for (const outcome of ['released', 'no_show'] as const) {
      const freed = accepted(taken, by(TOM, { type: 'room.release', payload: { allocationId, outcome } }));
      expect(roomsTaken(freed, 'ibis', NIGHT).double).toBe(0);
      expect(seatsTaken(freed, shuttle.id)).toBe(0);
      expect(allocationsOf(freed)[allocationId]!.status).toBe(outcome);
      // The freed room goes to the next party.
      accepted(freed, by(TOM, doubleAtIbis(ids[1]!, { kind: 'taxi' })));
    }
    const moved = accepted(
      taken,
      by(SOFIA, {
        type: 'room.move',
        payload: { allocationId, newAllocationId: uuidv7(), hotelId: 'novotel', night: NIGHT, rooms: ['double'], transport: { kind: 'taxi' } },
      }),
    );
    expect(roomsTaken(moved, 'ibis', NIGHT).double).toBe(0);
    expect(roomsTaken(moved, 'novotel', NIGHT).double).toBe(1);
    expect(seatsTaken(moved, shuttle.id)).toBe(0);
    expect(moved.requests[ids[0]!]!.history.at(-1)).toMatchObject({
      action: 'room moved',
      detail: `Hotel ibis, double, night of ${NIGHT} → Hotel novotel, double, night of ${NIGHT}`,
    });
  });

  it('a room block and a shuttle cannot shrink below what is allocated; only duty managers keep hotels', () => {
    const s0 = withHotels(base(), [{ id: 'ibis', distanceKm: 2, rooms: { double: 2 }, shuttles: [4] }]);
    const { state, ids } = withParties(s0, [{ adults: 2, children: 0, infants: 1 }]);
    const shuttle = shuttlesFor(state, 'ibis')[0]!;
    const s1 = accepted(state, by(SOFIA, doubleAtIbis(ids[0]!, { kind: 'shuttle', shuttleId: shuttle.id })));
    const shrink = run(
      s1,
      by(MANAGER, { type: 'hotel.rooms', payload: { hotelId: 'ibis', night: NIGHT, type: 'double', count: 0, rateCents: 9000, currency: 'EUR' } }),
    );
    expect(shrink).toMatchObject({
      ok: false,
      code: 'conflict',
      reason: `1 double room at Hotel ibis is already allocated on the night of ${NIGHT}: release some before holding fewer`,
    });
    const fewerSeats = run(
      s1,
      by(MANAGER, { type: 'hotel.shuttle', payload: { shuttleId: shuttle.id, hotelId: 'ibis', departsAt: shuttle.departsAt, seats: 2 } }),
    );
    // Two adults and an infant on a lap still take three seats.
    expect(fewerSeats).toMatchObject({ ok: false, code: 'conflict', reason: '3 seats on this shuttle are already allocated: it cannot have fewer' });
    const agent = run(
      s1,
      by(AMIRA, { type: 'hotel.rooms', payload: { hotelId: 'ibis', night: NIGHT, type: 'double', count: 9, rateCents: 9000, currency: 'EUR' } }),
    );
    expect(agent).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('check-in only for a room still held; a checked-in party is no no-show', () => {
    const s0 = withHotels(base(), [{ id: 'ibis', distanceKm: 2, rooms: { single: 1 } }]);
    const { state, ids } = withParties(s0, [{ adults: 1, children: 0, infants: 0 }]);
    const body = allocateBody(ids[0]!, { hotelId: 'ibis', night: NIGHT, rooms: ['single'], transport: { kind: 'taxi' }, people: 1, split: false });
    const allocationId = body.type === 'room.allocate' ? body.payload.allocationId : '';
    const s1 = accepted(state, by(SOFIA, body));
    const s2 = accepted(s1, by(MANAGER, { type: 'room.checkin', payload: { allocationId } }));
    expect(allocationsOf(s2)[allocationId]!.status).toBe('checked_in');
    expect(run(s2, by(SOFIA, { type: 'room.release', payload: { allocationId, outcome: 'no_show' } }))).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(run(s1, by(SOFIA, { type: 'room.checkin', payload: { allocationId } }))).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('the hotel desk and the purge', () => {
  it('the desk sees its expected guests by name until the purge blanks them; allocations never hold a name', () => {
    const s0 = withHotels(base(), [{ id: 'ibis', distanceKm: 2, rooms: { double: 1 } }]);
    const { state, ids } = withParties(s0, [{ adults: 2, children: 0, infants: 0 }]);
    const s1 = accepted(
      state,
      by(SOFIA, allocateBody(ids[0]!, { hotelId: 'ibis', night: NIGHT, rooms: ['double'], transport: { kind: 'taxi' }, people: 2, split: false })),
    );
    expect(expectedGuests(s1, 'ibis', NIGHT)).toMatchObject([{ surname: 'Moreau', people: 2, rooms: ['double'], status: 'allocated' }]);
    expect(JSON.stringify(allocationsOf(s1))).not.toContain('Moreau');
    const flightId = s1.requests[ids[0]!]!.flightId;
    const purged = accepted(s1, by({ kind: 'system', id: 'purge' }, { type: 'passengers.purge', payload: { flightId } }), '2026-11-26T00:00:00.000Z');
    expect(expectedGuests(purged, 'ibis', NIGHT)).toMatchObject([{ surname: '', people: 2 }]);
    expect(hotelBilling(purged)).toMatchObject([{ hotelId: 'ibis', roomNights: 1, costCents: 9000 }]);
  });
});

describe('the allocation planner', () => {
  it('previews a whole flight: families together, the wheelchair user in the accessible room, what is left and the cost', () => {
    const s0 = withHotels(base(), [
      { id: 'near', distanceKm: 1, rooms: { double: 1, family: 1, accessible: 1 }, shuttles: [6, 20] },
      { id: 'far', distanceKm: 9, rooms: { single: 2, double: 2 }, transport: 'taxi' },
    ]);
    const { state, ids } = withParties(s0, [
      { adults: 1, children: 0, infants: 0 },
      { adults: 2, children: 2, infants: 1 },
      { adults: 1, children: 0, infants: 0, mobility: true },
      { adults: 2, children: 0, infants: 0 },
    ]);
    expect(tonight(state, NOW)).toBe(NIGHT);
    const plan = planFlight(state, state.requests[ids[0]!]!.flightId, opts);
    const at = (id: string) => plan.placed.filter((a) => a.requestId === id);
    expect(at(ids[2]!)).toMatchObject([{ hotelId: 'near', rooms: ['accessible'] }]);
    expect(at(ids[1]!)).toMatchObject([{ hotelId: 'near', rooms: ['family'], seats: 5, transport: { kind: 'shuttle' } }]);
    expect(at(ids[3]!)).toMatchObject([{ hotelId: 'near', rooms: ['double'] }]);
    expect(at(ids[0]!)).toMatchObject([{ hotelId: 'far', rooms: ['single'], transport: { kind: 'taxi' } }]);
    expect(plan.unplaced).toEqual([]);
    expect(plan.left.far).toEqual({ single: 1, double: 2, family: 0, accessible: 0 });
    expect(plan.costCents).toBe(9000 + 14000 + 9000 + 9000);
  });

  it('an unaccompanied minor follows the airline rule: an escort room by default, or left to the airline', () => {
    const s0 = withHotels(base(), [{ id: 'near', distanceKm: 1, rooms: { single: 3 } }]);
    const { state, ids } = withParties(s0, [{ adults: 0, children: 1, infants: 0, minor: true }]);
    const r = state.requests[ids[0]!]!;
    expect(planParties(state, [r], opts).placed).toMatchObject([{ rooms: ['single', 'single'], people: 1 }]);
    const af = state.airlines.AF!;
    const strict = accepted(state, by(MANAGER, { type: 'airline.upsert', payload: { ...af, unaccompaniedMinorHotel: 'airline_escort' } }));
    expect(planParties(strict, [r], opts)).toMatchObject({ placed: [], unplaced: [{ requestId: r.id, reason: 'minor_airline_escort' }] });
  });

  it('the card suggestion keeps the accessible room for a mobility party of the same flight still without one', () => {
    const s0 = withHotels(base(), [{ id: 'near', distanceKm: 1, rooms: { accessible: 1 } }]);
    const { state, ids } = withParties(s0, [
      { adults: 1, children: 0, infants: 0 },
      { adults: 1, children: 0, infants: 0, mobility: true },
    ]);
    expect(suggestForRequest(state, ids[0]!, opts)).toEqual({ requestId: ids[0], reason: 'no_room' });
    expect(suggestForRequest(state, ids[1]!, opts)).toMatchObject([{ hotelId: 'near', rooms: ['accessible'] }]);
  });
});

const roomCounts = fc.record({
  single: fc.integer({ min: 0, max: 3 }),
  double: fc.integer({ min: 0, max: 3 }),
  family: fc.integer({ min: 0, max: 2 }),
  accessible: fc.integer({ min: 0, max: 2 }),
});
const hotelSpecs = fc
  .array(
    fc.record({
      distanceKm: fc.integer({ min: 0, max: 30 }),
      rooms: roomCounts,
      shuttles: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 2 }),
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((hs): HotelSpec[] => hs.map((h, i) => ({ ...h, id: `h${i}` })));
const partySpecs = fc.array(
  fc.record({
    adults: fc.integer({ min: 0, max: 4 }),
    children: fc.integer({ min: 0, max: 3 }),
    infants: fc.integer({ min: 0, max: 1 }),
    mobility: fc.boolean(),
    minor: fc.boolean(),
  }),
  { minLength: 1, maxLength: 8 },
) as fc.Arbitrary<PartySpec[]>;

/** The hotels and parties in the hub's state, and the plan for all the parties. */
function setUp(
  hotels: HotelSpec[],
  parties: PartySpec[],
  options: Parameters<typeof planParties>[2] = opts,
): { state: HubState; ids: string[]; plan: ReturnType<typeof planParties> } {
  const { state, ids } = withParties(
    withHotels(base(), hotels),
    parties.map((p) => (p.adults + p.children + p.infants === 0 ? { ...p, adults: 1 } : p)),
  );
  const plan = planParties(
    state,
    ids.map((id) => state.requests[id]!),
    options,
  );
  return { state, ids, plan };
}

describe('allocation rules hold for any hotels and parties (properties)', () => {
  it('the hub accepts every room of a plan and no hotel ever holds more guests than rooms', () => {
    fc.assert(
      fc.property(hotelSpecs, partySpecs, fc.boolean(), (hotels, parties, allowSplit) => {
        const { state, ids, plan } = setUp(hotels, parties, { ...opts, allowSplit });
        let s = state;
        // The plan's allocations as the preview's Apply sends them: each is accepted, since the plan never counts a room or a seat twice.
        for (const a of plan.placed) s = accepted(s, by(SOFIA, allocateBody(a.requestId, a)));
        for (const h of hotels) {
          const held = roomsHeld(s, h.id, NIGHT);
          const taken = roomsTaken(s, h.id, NIGHT);
          for (const t of ROOM_TYPES) expect(taken[t]).toBeLessThanOrEqual(held[t]);
          for (const sh of shuttlesFor(s, h.id)) expect(seatsTaken(s, sh.id)).toBeLessThanOrEqual(sh.seats);
        }
        for (const u of plan.unplaced) expect(plan.placed.some((a) => a.requestId === u.requestId)).toBe(false);
        expect(new Set([...plan.placed.map((a) => a.requestId), ...plan.unplaced.map((u) => u.requestId)]).size).toBe(ids.length);
      }),
      { numRuns: 60 },
    );
  });

  it('a party is never split unless allowed, and always gets a bed for everyone', () => {
    fc.assert(
      fc.property(hotelSpecs, partySpecs, fc.boolean(), (hotels, parties, allowSplit) => {
        const { state, ids, plan } = setUp(hotels, parties, { ...opts, allowSplit });
        for (const id of ids) {
          const mine = plan.placed.filter((a) => a.requestId === id);
          if (mine.length === 0) continue;
          if (!allowSplit) expect(mine).toHaveLength(1);
          expect(mine.reduce((n, a) => n + a.people, 0)).toBe(bedsNeeded(state.requests[id]!));
          for (const a of mine)
            expect(a.rooms.reduce((n, t) => n + { single: 1, double: 2, family: 4, accessible: 2 }[t], 0)).toBeGreaterThanOrEqual(a.people);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('accessible rooms go to mobility parties first: none to anyone else while a mobility party is without a room', () => {
    fc.assert(
      fc.property(hotelSpecs, partySpecs, (hotels, parties) => {
        const { state, plan } = setUp(hotels, parties);
        const mobility = (id: string) => state.requests[id]!.needs.includes('mobility');
        for (const a of plan.placed) if (mobility(a.requestId)) expect(a.rooms).toContain('accessible');
        const mobilityLeftOut = plan.unplaced.some((u) => mobility(u.requestId));
        if (mobilityLeftOut) {
          for (const a of plan.placed) if (!mobility(a.requestId)) expect(a.rooms).not.toContain('accessible');
        }
      }),
      { numRuns: 80 },
    );
  });

  it('racing agents on the same rooms: whatever the order, allocated rooms never exceed the block', () => {
    fc.assert(
      fc.property(
        roomCounts,
        fc.array(fc.record({ agent: fc.constantFrom(SOFIA, TOM), type: fc.constantFrom(...ROOM_TYPES) }), { minLength: 1, maxLength: 12 }),
        (rooms, tries) => {
          const { state, ids } = setUp(
            [{ id: 'h0', distanceKm: 1, rooms }],
            tries.map(() => ({ adults: 1, children: 0, infants: 0 })),
          );
          let s = state;
          tries.forEach((t, i) => {
            const out = run(
              s,
              by(
                t.agent,
                allocateBody(ids[i]!, { hotelId: 'h0', night: NIGHT, rooms: [t.type], transport: { kind: 'taxi' }, people: 1, split: false }),
              ),
            );
            if (out.ok) s = out.state;
            else expect(out.reason).toMatch(/no .* room left|holds no/);
          });
          const taken = roomsTaken(s, 'h0', NIGHT);
          for (const t of ROOM_TYPES) expect(taken[t]).toBe(Math.min(rooms[t], tries.filter((x) => x.type === t).length));
          expect(Object.values(allocationsOf(s)).every(holdsRoom)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
