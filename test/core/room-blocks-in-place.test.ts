import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { apply, type HubState, type Op } from '../../core/index.ts';
import type { RoomType } from '../../core/plain.ts';
import { demoState } from '../helpers/demo-state.ts';
import { MANAGER, NOW, SOFIA, accepted, by, expectInPlaceAsPure } from '../helpers/core-fixtures.ts';
import { NIGHT, withHotels, withParties } from '../helpers/hotel-fixtures.ts';

const NIGHTS = [NIGHT, '2026-11-24', '2026-11-25'];
const TYPES: RoomType[] = ['double', 'single', 'family'];

/** Two hotels with blocks on the first night, and one double of h1 already given to a party (so fewer than 1 is refused there). */
function airport(): HubState {
  const hotels = withHotels(demoState(new Date(NOW)), [
    { id: 'h1', distanceKm: 2, rooms: { double: 2, single: 1 }, transport: 'taxi' },
    { id: 'h2', distanceKm: 5, rooms: { family: 1 }, transport: 'taxi' },
  ]);
  const { state, ids } = withParties(hotels, [{ adults: 2, children: 0, infants: 0 }]);
  return accepted(
    state,
    by(SOFIA, {
      type: 'room.allocate',
      payload: { allocationId: uuidv7(), requestId: ids[0]!, hotelId: 'h1', night: NIGHT, rooms: ['double'], transport: { kind: 'taxi' } },
    }),
  );
}

const blockOp = fc
  .record({
    hotelId: fc.constantFrom('h1', 'h2', 'nowhere'),
    night: fc.constantFrom(...NIGHTS),
    type: fc.constantFrom(...TYPES),
    count: fc.integer({ min: 0, max: 4 }),
  })
  .map((b): Op => by(MANAGER, { type: 'hotel.rooms', payload: { ...b, rateCents: 9000, currency: 'EUR' } }));

describe('room blocks written in place', () => {
  const base = airport();

  it('give exactly the answers and state of the pure reducer, in the map the caller owns, each write counted', () => {
    fc.assert(fc.property(fc.array(blockOp, { maxLength: 30 }), (ops) => expectInPlaceAsPure(base, ops, (s) => s.roomBlocks)));
  });

  it('still refuse holding fewer rooms than are given, in place as purely', () => {
    const start = structuredClone(base);
    const fewer = by(MANAGER, {
      type: 'hotel.rooms',
      payload: { hotelId: 'h1', night: NIGHT, type: 'double', count: 0, rateCents: 9000, currency: 'EUR' },
    });
    const out = apply(start, fewer, { seq: start.seq + 1, at: NOW, inPlace: true });
    expect(out).toMatchObject({ ok: false, code: 'conflict' });
    expect(start.roomBlocks!['h1|2026-11-23|double']?.count).toBe(2);
  });
});
