import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyState } from '../../core/state.ts';
import type { HubState } from '../../core/model.ts';
import type { RoomAllocation } from '../../core/hotel-model.ts';
import { ALLOCATION_STATUSES, ROOM_TYPES } from '../../core/hotel-values.ts';
import { withAllocation } from '../../core/handlers/hotels.ts';
import { activeAllocationsOf, holdsRoom, roomsTaken, seatsTaken } from '../../core/hotel-state.ts';
import { kioskRequestRecords } from '../../core/views.ts';

const HOTELS = ['ibis', 'novotel'];
const NIGHTS = ['2027-01-01', '2027-01-02'];
const SHUTTLES = ['0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002'];
const REQUESTS = ['r1', 'r2', 'r3'];
const IDS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

/** Reading every allocation, as the rules did before the index. */
const scan = {
  roomsTaken(all: RoomAllocation[], hotelId: string, night: string, except?: string): Record<string, number> {
    const c: Record<string, number> = Object.fromEntries(ROOM_TYPES.map((t) => [t, 0]));
    for (const a of all) if (a.id !== except && a.hotelId === hotelId && a.night === night && holdsRoom(a)) for (const t of a.rooms) c[t]! += 1;
    return c;
  },
  seatsTaken(all: RoomAllocation[], shuttleId: string, except?: string): number {
    let n = 0;
    for (const a of all) if (a.id !== except && holdsRoom(a) && a.transport.kind === 'shuttle' && a.transport.shuttleId === shuttleId) n += a.seats;
    return n;
  },
};

const allocation = fc.record({
  id: fc.constantFrom(...IDS),
  requestId: fc.constantFrom(...REQUESTS),
  hotelId: fc.constantFrom(...HOTELS),
  night: fc.constantFrom(...NIGHTS),
  rooms: fc.array(fc.constantFrom(...ROOM_TYPES), { minLength: 1, maxLength: 3 }),
  seats: fc.integer({ min: 1, max: 5 }),
  shuttle: fc.option(fc.constantFrom(...SHUTTLES), { nil: null }),
  status: fc.constantFrom(...ALLOCATION_STATUSES),
  minute: fc.integer({ min: 0, max: 59 }),
});

type Written = typeof allocation extends fc.Arbitrary<infer A> ? A : never;

function toAllocation(x: Written): RoomAllocation {
  return {
    id: x.id,
    requestId: x.requestId,
    flightId: 'AF1634-2027-01-01',
    hotelId: x.hotelId,
    night: x.night,
    rooms: x.rooms,
    people: 1,
    seats: x.seats,
    transport: x.shuttle ? { kind: 'shuttle', shuttleId: x.shuttle } : { kind: 'taxi' },
    costCents: 100,
    currency: 'EUR',
    status: x.status,
    allocatedAt: `2027-01-01T20:${String(x.minute).padStart(2, '0')}:00.000Z`,
    allocatedBy: 'A101',
    allocatedByName: 'Amira',
    changedAt: null,
  };
}

describe('room allocations read from an index kept as they are written in place', () => {
  it('rooms taken, shuttle seats taken and a request’s rooms equal a reading of every allocation, whenever the index was first read', () => {
    fc.assert(
      fc.property(fc.array(allocation, { maxLength: 40 }), fc.nat(40), (writes, readAt) => {
        let state: HubState = { ...emptyState(), roomAllocations: {} };
        const map = state.roomAllocations!;
        writes.forEach((w, i) => {
          // A first read part-way builds the index from what is there; later writes keep it current.
          if (i === readAt) roomsTaken(state, HOTELS[0]!, NIGHTS[0]!);
          state = withAllocation(state, toAllocation(w), { seq: i + 1, at: '2027-01-01T20:00:00.000Z', inPlace: true });
        });
        expect(state.roomAllocations).toBe(map);
        const all = Object.values(map);
        for (const except of [undefined, ...IDS]) {
          for (const h of HOTELS) for (const n of NIGHTS) expect(roomsTaken(state, h, n, except)).toEqual(scan.roomsTaken(all, h, n, except));
          for (const s of SHUTTLES) expect(seatsTaken(state, s, except)).toBe(scan.seatsTaken(all, s, except));
        }
        for (const r of REQUESTS) {
          const expected = all
            .filter((a) => a.requestId === r && holdsRoom(a))
            .sort((a, b) => a.allocatedAt.localeCompare(b.allocatedAt) || (a.id < b.id ? -1 : 1));
          expect(activeAllocationsOf(state, r)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a kiosk receives every room of its request, released ones included, in the order they were first given', () => {
    let state: HubState = { ...emptyState(), roomAllocations: {} };
    state = {
      ...state,
      requests: {
        r1: {
          id: 'r1',
          ticket: 'K32-001',
          gate: 'K32',
          flightId: 'AF1634-2027-01-01',
          flightNumber: 'AF1634',
          surname: 'Moreau',
          needs: ['hotel'],
          party: { adults: 2, children: 0, infants: 0 },
          language: 'fr',
          unaccompaniedMinor: false,
          note: '',
          device: 'kiosk-1',
          status: 'claimed',
          createdAt: '2027-01-01T19:00:00.000Z',
          claimedBy: 'A101',
          claimedByName: 'Amira',
          claimedAt: '2027-01-01T19:05:00.000Z',
          deliveredAt: null,
          handedOut: {},
          cancelReason: null,
          staffNotes: [],
          history: [],
        },
      },
    };
    const ctx = { seq: 1, at: '2027-01-01T20:00:00.000Z', inPlace: true };
    const base = { requestId: 'r1', hotelId: 'ibis', night: NIGHTS[0]!, rooms: ['double' as const], seats: 2, shuttle: null, minute: 0 };
    state = withAllocation(state, toAllocation({ ...base, id: 'a2', status: 'allocated' }), ctx);
    state = withAllocation(state, toAllocation({ ...base, id: 'a1', requestId: 'r2', status: 'allocated' }), ctx);
    state = withAllocation(state, toAllocation({ ...base, id: 'a3', status: 'allocated' }), ctx);
    state = withAllocation(state, toAllocation({ ...base, id: 'a2', status: 'released' }), ctx);
    const rooms = kioskRequestRecords(state, 'r1').roomAllocations;
    expect(rooms.map((a) => [a.id, a.status])).toEqual([
      ['a2', 'released'],
      ['a3', 'allocated'],
    ]);
  });
});
