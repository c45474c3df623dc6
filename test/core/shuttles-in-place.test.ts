import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { apply, type HubState, type Op } from '../../core/index.ts';
import type { Shuttle } from '../../core/hotel-model.ts';
import { demoState } from '../helpers/demo-state.ts';
import { MANAGER, NOW, SOFIA, accepted, by, expectInPlaceAsPure } from '../helpers/core-fixtures.ts';
import { NIGHT, withHotels, withParties } from '../helpers/hotel-fixtures.ts';

function h1Runs(state: HubState): Shuttle[] {
  return Object.values(state.shuttles ?? {})
    .filter((s) => s.hotelId === 'h1')
    .sort((a, b) => a.departsAt.localeCompare(b.departsAt));
}

/** Two hotels, h1 with two shuttle runs, and a party of two on h1's first run (so fewer seats, or another hotel, is refused there). */
function airport(): HubState {
  const hotels = withHotels(demoState(new Date(NOW)), [
    { id: 'h1', distanceKm: 2, rooms: { double: 2 }, transport: 'shuttle', shuttles: [4, 6] },
    { id: 'h2', distanceKm: 5, rooms: { family: 1 }, transport: 'taxi' },
  ]);
  const { state, ids } = withParties(hotels, [{ adults: 2, children: 0, infants: 0 }]);
  const first = h1Runs(state)[0]!;
  return accepted(
    state,
    by(SOFIA, {
      type: 'room.allocate',
      payload: {
        allocationId: uuidv7(),
        requestId: ids[0]!,
        hotelId: 'h1',
        night: NIGHT,
        rooms: ['double'],
        transport: { kind: 'shuttle', shuttleId: first.id },
      },
    }),
  );
}

describe('shuttle runs written in place', () => {
  const base = airport();
  const known = Object.keys(base.shuttles ?? {});

  const shuttleOp = fc
    .record({
      // The runs already kept (one carrying a party) and new ones.
      shuttleId: fc.constantFrom(...known, 'run-a', 'run-b'),
      hotelId: fc.constantFrom('h1', 'h2', 'nowhere'),
      hour: fc.integer({ min: 18, max: 23 }),
      seats: fc.integer({ min: 0, max: 8 }),
    })
    .map((s): Op =>
      by(MANAGER, {
        type: 'hotel.shuttle',
        payload: { shuttleId: s.shuttleId, hotelId: s.hotelId, departsAt: `2026-11-23T${s.hour}:00:00.000Z`, seats: s.seats },
      }),
    );

  it('give exactly the answers and state of the pure reducer, in the map the caller owns, each write counted', () => {
    fc.assert(fc.property(fc.array(shuttleOp, { maxLength: 30 }), (ops) => expectInPlaceAsPure(base, ops, (s) => s.shuttles)));
  });

  it('still refuse fewer seats than are taken, in place as purely', () => {
    const start = structuredClone(base);
    const [taken] = h1Runs(start);
    const fewer = by(MANAGER, {
      type: 'hotel.shuttle',
      payload: { shuttleId: taken!.id, hotelId: taken!.hotelId, departsAt: taken!.departsAt, seats: 1 },
    });
    const out = apply(start, fewer, { seq: start.seq + 1, at: NOW, inPlace: true });
    expect(out).toMatchObject({ ok: false, code: 'conflict' });
    expect(start.shuttles![taken!.id]?.seats).toBe(4);
  });
});
