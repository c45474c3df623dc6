/**
 * One operation of every type a device or the hub submits, on fresh records, for the per-type cost
 * measure (bench/type-cost-child.ts): what each needs done first, and who submits it. Steps read the
 * hub's live state, so one generated right after another's submit sees it applied.
 */
import { v7 as uuidv7 } from 'uuid';
import type { HubState, OpBody, OpType } from '../core/index.ts';
import type { Identity } from '../server/hub.ts';

/** The ids one timed item works on: a request, its vouchers, rooms, a notice, an outlet, a flight. */
export interface Ids {
  request: string;
  voucher: string;
  allocation: string;
  moved: string;
  notice: string;
  extra: string;
  /** A number unique in this hub's life, for names and flight numbers. */
  n: number;
}

let counter = 0;
export function freshIds(): Ids {
  counter++;
  return { request: uuidv7(), voucher: uuidv7(), allocation: uuidv7(), moved: uuidv7(), notice: uuidv7(), extra: uuidv7(), n: counter };
}

export const KIOSK: Identity = { kind: 'kiosk', device: 'bench-history-kiosk', gate: 'K32' };
const AGENT: Identity = { kind: 'staff', id: 'A101' };
const MANAGER: Identity = { kind: 'staff', id: 'M201' };
const SYSTEM: Identity = { kind: 'system' };

export const BENCH_HOTEL = 'bench-hotel';
const BENCH_OUTLET = 'bench-cafe-outlet';

type Step = (ids: Ids, s: HubState) => [Identity, OpBody];

/** The flight the bench's requests are for (its id carries the demo's day). */
function af1634(s: HubState): string {
  const f = Object.values(s.flights).find((x) => x.number === 'AF1634');
  if (!f) throw new Error('the demo flight AF1634 is missing');
  return f.id;
}

/** The night a room is allocated on: a new one every 500 allocations, so no block grows past its 2,000 rooms. */
function night(ids: Ids): string {
  const d = new Date(Date.UTC(2027, 0, 1) + Math.floor(ids.n / 500) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function benchFlightId(ids: Ids): string {
  return `ZZ${String(ids.n % 10_000).padStart(4, '0')}-${ids.n}`;
}

function roomBlock(type: 'double' | 'single'): Step {
  return (ids, s) => {
    const key = `${BENCH_HOTEL}|${night(ids)}|${type}`;
    const count = (s.roomBlocks?.[key]?.count ?? 0) + 1;
    return [MANAGER, { type: 'hotel.rooms', payload: { hotelId: BENCH_HOTEL, night: night(ids), type, count, rateCents: 9_000, currency: 'EUR' } }];
  };
}

const createRequest: Step = ({ request }) => [
  KIOSK,
  {
    type: 'request.create',
    // One passenger per request, so the per-passenger voucher cap never refuses the bench's vouchers.
    payload: {
      requestId: request,
      gate: 'K32',
      flightNumber: 'AF1634',
      surname: `Bench ${request.slice(-12)}`,
      needs: ['water'],
      party: { adults: 1, children: 0, infants: 0 },
      language: 'en',
      note: '',
    },
  },
];

/** Helper steps that are not themselves a type's timed step. */
const HELPERS = {
  'rooms.double': roomBlock('double'),
  'rooms.single': roomBlock('single'),
  'voucher.redeemAll': ({ voucher, extra }) => [
    SYSTEM,
    { type: 'voucher.redeem', payload: { redemptionId: extra, voucherId: voucher, outletId: BENCH_OUTLET, amountCents: 100 } },
  ],
  'flight.past': (ids, s) => {
    const base = s.flights[af1634(s)]!;
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
    return [
      SYSTEM,
      {
        type: 'flight.upsert',
        payload: {
          ...base,
          id: benchFlightId(ids),
          number: `ZZ${String(ids.n % 10_000).padStart(4, '0')}`,
          scheduledDeparture: past,
          estimatedDeparture: past,
          status: 'scheduled',
        },
      },
    ];
  },
} satisfies Record<string, Step>;

/** Every timed type's operation on one item. */
const TIMED = {
  'request.create': createRequest,
  'request.claim': ({ request }) => [AGENT, { type: 'request.claim', payload: { requestId: request } }],
  'request.deliver': ({ request }) => [AGENT, { type: 'request.deliver', payload: { requestId: request } }],
  'request.release': ({ request }) => [AGENT, { type: 'request.release', payload: { requestId: request } }],
  'request.reassign': ({ request }) => [AGENT, { type: 'request.reassign', payload: { requestId: request, to: 'A102' } }],
  'request.cancel': ({ request }) => [AGENT, { type: 'request.cancel', payload: { requestId: request, reason: 'passenger rebooked elsewhere' } }],
  'request.note': ({ request }) => [AGENT, { type: 'request.note', payload: { requestId: request, text: 'wheelchair on its way' } }],
  'voucher.issue': ({ request, voucher }) => [
    AGENT,
    { type: 'voucher.issue', payload: { voucherId: voucher, requestId: request, kind: 'meal', amountCents: 100, currency: 'EUR' } },
  ],
  'voucher.escalate': ({ request, voucher }) => [
    AGENT,
    { type: 'voucher.escalate', payload: { voucherId: voucher, requestId: request, kind: 'hotel', amountCents: 30_000, currency: 'EUR' } },
  ],
  'voucher.approve': ({ voucher }) => [MANAGER, { type: 'voucher.approve', payload: { voucherId: voucher } }],
  'voucher.decline': ({ voucher }) => [MANAGER, { type: 'voucher.decline', payload: { voucherId: voucher, reason: 'covered by the airline desk' } }],
  'voucher.redeem': ({ voucher, extra }) => [
    SYSTEM,
    { type: 'voucher.redeem', payload: { redemptionId: extra, voucherId: voucher, outletId: BENCH_OUTLET, amountCents: 50 } },
  ],
  'voucher.redeemOffline': ({ voucher, extra }) => [
    SYSTEM,
    {
      type: 'voucher.redeemOffline',
      payload: { redemptionId: extra, voucherId: voucher, outletId: BENCH_OUTLET, amountCents: 50, at: new Date().toISOString() },
    },
  ],
  'voucher.void': ({ voucher }) => [MANAGER, { type: 'voucher.void', payload: { voucherId: voucher, reason: 'issued to the wrong ticket' } }],
  'thread.passenger': ({ request }) => [SYSTEM, { type: 'thread.passenger', payload: { requestId: request, text: 'Is there water at K32?' } }],
  'thread.staff': ({ request }) => [AGENT, { type: 'thread.staff', payload: { requestId: request, text: 'Yes, at the desk.' } }],
  'phone.revoke': ({ request }) => [AGENT, { type: 'phone.revoke', payload: { requestId: request } }],
  'thanks.leave': ({ request }) => [SYSTEM, { type: 'thanks.leave', payload: { requestId: request, text: 'Thank you, team' } }],
  'phone.ask': (ids, s) => {
    const [, create] = createRequest({ ...ids, request: ids.extra }, s);
    if (create.type !== 'request.create') throw new Error('unreachable');
    return [SYSTEM, { type: 'phone.ask', payload: { ...create.payload, fromRequestId: ids.request } }];
  },
  'stock.restock': () => [AGENT, { type: 'stock.restock', payload: { gate: 'K32', item: 'water', quantity: 1 } }],
  'stock.set': ({ n }) => [MANAGER, { type: 'stock.set', payload: { gate: 'K33', item: 'blanket', quantity: 50 + (n % 50) } }],
  'flight.delay': (_, s) => {
    const f = s.flights[af1634(s)]!;
    return [MANAGER, { type: 'flight.delay', payload: { flightId: f.id, estimatedDeparture: f.estimatedDeparture } }];
  },
  'flight.gate': ({ n }, s) => {
    const f = Object.values(s.flights).find((x) => x.number === 'AF1446');
    if (!f) throw new Error('the demo flight AF1446 is missing');
    return [MANAGER, { type: 'flight.gate', payload: { flightId: f.id, gate: n % 2 ? 'K45' : 'K46' } }];
  },
  'flight.cancel': (ids) => [MANAGER, { type: 'flight.cancel', payload: { flightId: benchFlightId(ids), rebookedDeparture: null } }],
  'flight.upsert': (ids, s) => HELPERS['flight.past'](ids, s),
  'passengers.import': (ids) => [
    MANAGER,
    {
      type: 'passengers.import',
      payload: {
        flightId: benchFlightId(ids),
        passengers: [{ surname: 'Listed', givenName: 'Anne', bookingRef: 'ABC123', cabin: 'economy', seat: '23A', sequence: 1, ssr: [] }],
      },
    },
  ],
  'gate.upsert': () => [SYSTEM, { type: 'gate.upsert', payload: { id: 'K32', terminal: '2E' } }],
  'staff.upsert': (_, s) => [SYSTEM, { type: 'staff.upsert', payload: s.staff['A102']! }],
  'airport.set': (_, s) => {
    if (!s.airport) throw new Error('the demo airport is not set');
    return [SYSTEM, { type: 'airport.set', payload: s.airport }];
  },
  'airline.upsert': (_, s) => [MANAGER, { type: 'airline.upsert', payload: s.airlines!['AF']! }],
  'policy.set': (_, s) => {
    const { currency, shiftHours, limits, lowStock } = s.policy;
    return [SYSTEM, { type: 'policy.set', payload: { currency, shiftHours, limits, lowStock } }];
  },
  'notice.publish': ({ notice }) => [
    MANAGER,
    {
      type: 'notice.publish',
      payload: {
        noticeId: notice,
        scope: { kind: 'gates', gates: ['K32'] },
        texts: { en: { known: 'Boarding is expected at 21:30.', unknown: '' } },
        nextUpdateAt: null,
        leadSeconds: 120,
        replaces: null,
      },
    },
  ],
  'notice.reveal': ({ notice }, s) => [SYSTEM, { type: 'notice.reveal', payload: { notice: s.notices[notice]! } }],
  'outlet.enroll': ({ n }) => [
    MANAGER,
    { type: 'outlet.enroll', payload: { outletId: `bench-outlet-${n}`, name: `Kiosk café ${n}`, kind: 'cafe', accepts: ['meal'] } },
  ],
  'outlet.revoke': ({ n }) => [MANAGER, { type: 'outlet.revoke', payload: { outletId: `bench-outlet-${n}` } }],
  'outlet.offlineRisk': () => [MANAGER, { type: 'outlet.offlineRisk', payload: { outletId: BENCH_OUTLET, risk: { mode: 'once' } } }],
  'hotel.upsert': () => [
    MANAGER,
    {
      type: 'hotel.upsert',
      payload: {
        id: BENCH_HOTEL,
        name: 'Bench Hotel',
        address: '1 rue du Banc, 95700 Roissy',
        distanceKm: 2,
        phone: '+33 1 00 00 00 00',
        deskHours: '24 h',
        transport: 'taxi',
        pickupPoint: 'Exit 8, taxi rank',
        meals: ['breakfast'],
      },
    },
  ],
  'hotel.rooms': roomBlock('double'),
  'hotel.shuttle': ({ extra }) => [
    MANAGER,
    { type: 'hotel.shuttle', payload: { shuttleId: extra, hotelId: BENCH_HOTEL, departsAt: '2027-01-01T20:00:00.000Z', seats: 30 } },
  ],
  'room.allocate': (ids) => [
    AGENT,
    {
      type: 'room.allocate',
      payload: {
        allocationId: ids.allocation,
        requestId: ids.request,
        hotelId: BENCH_HOTEL,
        night: night(ids),
        rooms: ['double'],
        transport: { kind: 'taxi' },
      },
    },
  ],
  'room.move': (ids) => [
    AGENT,
    {
      type: 'room.move',
      payload: {
        allocationId: ids.allocation,
        newAllocationId: ids.moved,
        hotelId: BENCH_HOTEL,
        night: night(ids),
        rooms: ['single'],
        transport: { kind: 'taxi' },
      },
    },
  ],
  'room.release': ({ allocation }) => [AGENT, { type: 'room.release', payload: { allocationId: allocation, outcome: 'released' } }],
  'room.checkin': ({ allocation }) => [MANAGER, { type: 'room.checkin', payload: { allocationId: allocation } }],
} satisfies Partial<Record<OpType, Step>>;

export type TimedType = keyof typeof TIMED;
type StepName = TimedType | keyof typeof HELPERS;

export const STEPS: Record<StepName, Step> = { ...TIMED, ...HELPERS };

/**
 * Operation types of the registry not timed, and why: the bench must say what it leaves out.
 * (An op type added to ops.ts appears in neither list until someone decides: see `untimedTypes`.)
 */
export const NOT_TIMED: Partial<Record<OpType, string>> = {
  'kiosk.view': 'made by the hub for kiosks only, never submitted or logged',
  'vouchers.issueFlight': 'one operation issues a whole flight: its cost follows the flight, measured by the flight-care bench',
  'passengers.purge':
    'rewrites every log segment and the checkpoint before it is acknowledged (personal data must leave every file), so its cost is the size of the history by design; once per flight, a day after it left',
  'redemption.resolve': 'needs an offline double spend first; not yet in the bench',
};

export const TIMED_TYPES = Object.keys(TIMED) as TimedType[];

const CLAIMED = ['request.create', 'request.claim'] as const;

/**
 * Types whose wave or preparation adds reference data (outlets, notices, flights with their passenger
 * lists, shuttles). Copying or reading those maps costs with their size, which is the airport's, not
 * the history's: the per-type bench runs these last in a round, after both sides were reset to their
 * first build, so both hold the same of them at every wave (see bench/history-by-type.ts).
 */
export const ADDS_REFERENCE_DATA: readonly TimedType[] = [
  'outlet.enroll',
  'outlet.revoke',
  'notice.publish',
  'notice.reveal',
  'flight.upsert',
  'flight.cancel',
  'passengers.import',
  'hotel.shuttle',
];

/** What must have happened to an item before each type can be accepted. */
export const BEFORE: { [T in TimedType]: StepName[] } = {
  'request.create': [],
  'request.claim': ['request.create'],
  'request.deliver': [...CLAIMED],
  'request.release': [...CLAIMED],
  'request.reassign': [...CLAIMED],
  'request.cancel': [...CLAIMED],
  'request.note': [...CLAIMED],
  'voucher.issue': [...CLAIMED],
  'voucher.escalate': [...CLAIMED],
  'voucher.approve': [...CLAIMED, 'voucher.escalate'],
  'voucher.decline': [...CLAIMED, 'voucher.escalate'],
  'voucher.redeem': [...CLAIMED, 'voucher.issue'],
  'voucher.redeemOffline': [...CLAIMED, 'voucher.issue'],
  'voucher.void': [...CLAIMED, 'voucher.issue'],
  'thread.passenger': ['request.create'],
  'thread.staff': ['request.create', 'thread.passenger'],
  'phone.revoke': ['request.create'],
  'thanks.leave': [...CLAIMED, 'request.deliver'],
  'phone.ask': ['request.create'],
  'stock.restock': [],
  'stock.set': [],
  'flight.delay': [],
  'flight.gate': [],
  'flight.cancel': ['flight.past'],
  'flight.upsert': [],
  'passengers.import': ['flight.past'],
  'gate.upsert': [],
  'staff.upsert': [],
  'airport.set': [],
  'airline.upsert': [],
  'policy.set': [],
  'notice.publish': [],
  'notice.reveal': ['notice.publish'],
  'outlet.enroll': [],
  'outlet.revoke': ['outlet.enroll'],
  'outlet.offlineRisk': [],
  'hotel.upsert': [],
  'hotel.rooms': [],
  'hotel.shuttle': [],
  'room.allocate': [...CLAIMED, 'rooms.double'],
  'room.move': [...CLAIMED, 'rooms.double', 'room.allocate', 'rooms.single'],
  'room.release': [...CLAIMED, 'rooms.double', 'room.allocate'],
  'room.checkin': [...CLAIMED, 'rooms.double', 'room.allocate'],
};

/** Once per hub: the bench's hotel, its outlet (offline once per voucher) and budgets no bench voucher exhausts. */
export function setupSteps(s: HubState): Array<[Identity, OpBody]> {
  const { currency, shiftHours, lowStock, limits } = s.policy;
  return [
    TIMED['hotel.upsert'](),
    [MANAGER, { type: 'outlet.enroll', payload: { outletId: BENCH_OUTLET, name: 'Bench café', kind: 'cafe', accepts: ['meal'] } }],
    TIMED['outlet.offlineRisk'](),
    [
      SYSTEM,
      {
        type: 'policy.set',
        payload: {
          currency,
          shiftHours,
          lowStock,
          limits: {
            agent: { ...limits.agent, budgetPerShiftCents: 100_000_000 },
            duty_manager: { ...limits.duty_manager, budgetPerShiftCents: 100_000_000 },
          },
        },
      },
    ],
  ];
}
