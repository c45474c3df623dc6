import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { makeOp, OpBody, type LogEntry, type OpType } from '../../core/index.ts';
import type { PayloadOf } from '../../core/handlers/types.ts';
import { purgeEntry, type PurgedRecords } from '../../core/purge-log.ts';
import { storedOpProblem } from '../../core/stored-op.ts';
import { demoOps } from '../../server/demo-airport.ts';
import { NOW } from '../helpers/core-fixtures.ts';
import { demoState } from '../helpers/demo-state.ts';

/*
 * A passenger purge must leave nothing personal of a purged flight's passengers in the log, whatever
 * the operation. Each operation type has a sample here (typed by operation, so a new type does not
 * compile until it has one) that puts a passenger's name, booking and every free text about them
 * wherever its payload can hold them; the property checks that none of it survives the purge.
 */

/** What a passenger is, or what staff wrote about one: each text is unique, so any trace of it is found. */
interface Personal {
  surname: string;
  givenName: string;
  bookingRef: string;
  note: string;
  text: string;
  reason: string;
  description: string;
}

/** The records a sample's operation concerns. */
interface Ids {
  requestId: string;
  voucherId: string;
  flightId: string;
  conflictId: string;
  allocationId: string;
}

type Sample<T extends OpType> = (ids: Ids, p: Personal) => PayloadOf<T>;

const demo = demoState(new Date(NOW));
const demoBodies = demoOps(new Date(NOW)).map((o): OpBody => OpBody.parse(o));

/** The payload of the demo airport's first operation of this type (reference data as the hub seeds it). */
function seeded<T extends OpType>(type: T): PayloadOf<T> {
  const body = demoBodies.find((b) => b.type === type);
  if (!body) throw new Error(`the demo airport seeds no ${type}`);
  // Found by its type: its payload is that type's, which the union cannot say.
  return body.payload as PayloadOf<T>;
}

const party = { adults: 2, children: 1, infants: 0 };
const voucher = (ids: Ids, p: Personal) =>
  ({ voucherId: ids.voucherId, requestId: ids.requestId, kind: 'meal', amountCents: 1500, currency: 'EUR', description: p.description }) as const;
const rooms = (): Pick<PayloadOf<'room.allocate'>, 'hotelId' | 'night' | 'rooms' | 'transport'> => ({
  hotelId: 'aerogare-cdg',
  night: '2026-11-23',
  rooms: ['double'],
  transport: { kind: 'taxi' },
});

/** A duty manager's word to a flight: about the flight, never about one passenger. */
const flightNotice = (ids: Ids) =>
  ({
    scope: { kind: 'flight', flightId: ids.flightId },
    texts: { en: { known: 'The crew is on its way.', unknown: '' } },
    nextUpdateAt: null,
    leadSeconds: 120,
    replaces: null,
  }) as const;

const SAMPLES: { [T in OpType]: Sample<T> } = {
  'request.create': (ids, p) => ({
    requestId: ids.requestId,
    gate: 'K32',
    flightNumber: 'AF1634',
    surname: p.surname,
    needs: ['water'],
    party,
    language: 'fr',
    note: p.note,
    checkInSequence: 42,
  }),
  'request.claim': (ids) => ({ requestId: ids.requestId }),
  'request.deliver': (ids) => ({ requestId: ids.requestId, items: { water: 2 }, partial: true }),
  'request.release': (ids) => ({ requestId: ids.requestId }),
  'request.reassign': (ids) => ({ requestId: ids.requestId, to: 'A102' }),
  'request.cancel': (ids, p) => ({ requestId: ids.requestId, reason: p.reason }),
  'request.note': (ids, p) => ({ requestId: ids.requestId, text: p.text }),
  'stock.restock': () => ({ gate: 'K32', item: 'water', quantity: 10 }),
  'voucher.issue': (ids, p) => voucher(ids, p),
  'voucher.escalate': (ids, p) => ({ ...voucher(ids, p), note: p.note }),
  'voucher.approve': (ids, p) => ({ voucherId: ids.voucherId, note: p.note }),
  'voucher.decline': (ids, p) => ({ voucherId: ids.voucherId, reason: p.reason }),
  'policy.set': () => ({
    currency: demo.policy.currency,
    shiftHours: demo.policy.shiftHours,
    limits: demo.policy.limits,
    lowStock: demo.policy.lowStock,
  }),
  'gate.upsert': () => seeded('gate.upsert'),
  'flight.upsert': () => seeded('flight.upsert'),
  'staff.upsert': () => seeded('staff.upsert'),
  'stock.set': () => seeded('stock.set'),
  'flight.delay': (ids) => ({ flightId: ids.flightId, estimatedDeparture: '2026-11-23T22:00:00.000Z', cause: 'within_control' }),
  'flight.cancel': (ids) => ({ flightId: ids.flightId, rebookedDeparture: '2026-11-24T08:00:00.000Z' }),
  'flight.gate': (ids) => ({ flightId: ids.flightId, gate: 'K34' }),
  'notice.publish': (ids) => ({ noticeId: uuidv7(), ...flightNotice(ids) }),
  'notice.reveal': (ids) => ({
    notice: {
      id: uuidv7(),
      ...flightNotice(ids),
      publishedAt: NOW,
      publishedBy: 'M201',
      publishedByName: 'Claire Dubois',
      revealAt: NOW,
      revealedAt: NOW,
    },
  }),
  'airline.upsert': () => seeded('airline.upsert'),
  'passengers.purge': (ids) => ({ flightId: ids.flightId }),
  'passengers.import': (ids, p) => ({
    flightId: ids.flightId,
    passengers: [
      { surname: p.surname, givenName: p.givenName, bookingRef: p.bookingRef, cabin: 'economy', seat: '23A', sequence: 42, ssr: ['WCHR'] },
      { surname: `${p.surname}x`, givenName: '', bookingRef: p.bookingRef, cabin: 'economy', seat: '23B', sequence: 43, ssr: [] },
    ],
  }),
  'outlet.enroll': () => ({ outletId: 'outlet-cafe-2e', name: 'Café 2E — Hall K', kind: 'cafe', accepts: ['meal'] }),
  'voucher.redeem': (ids) => ({ redemptionId: uuidv7(), voucherId: ids.voucherId, outletId: 'outlet-cafe-2e', amountCents: 500 }),
  'voucher.void': (ids, p) => ({ voucherId: ids.voucherId, reason: p.reason }),
  'outlet.revoke': () => ({ outletId: 'outlet-cafe-2e' }),
  'outlet.offlineRisk': () => ({ outletId: 'outlet-cafe-2e', risk: { mode: 'once' } }),
  'voucher.redeemOffline': (ids) => ({ redemptionId: uuidv7(), voucherId: ids.voucherId, outletId: 'outlet-cafe-2e', amountCents: 500, at: NOW }),
  'redemption.resolve': (ids, p) => ({ conflictId: ids.conflictId, note: p.note }),
  'vouchers.issueFlight': (ids) => ({ flightId: ids.flightId, kind: 'meal', cabins: ['economy'], topUp: false }),
  'thread.passenger': (ids, p) => ({ requestId: ids.requestId, text: p.text }),
  'thread.staff': (ids, p) => ({ requestId: ids.requestId, text: p.text }),
  'phone.revoke': (ids) => ({ requestId: ids.requestId }),
  'thanks.leave': (ids, p) => ({ requestId: ids.requestId, text: p.text }),
  // The new request is the one purged with its flight.
  'phone.ask': (ids, p) => ({
    requestId: ids.requestId,
    fromRequestId: uuidv7(),
    gate: 'K32',
    flightNumber: 'AF1634',
    surname: p.surname,
    needs: ['food'],
    party,
    language: 'de',
    note: p.note,
  }),
  'airport.set': () => seeded('airport.set'),
  'hotel.upsert': () => ({
    id: 'aerogare-cdg',
    name: 'Hôtel Aérogare',
    address: "1 rue de l'Aéroport, 95700 Roissy-en-France",
    distanceKm: 3,
    phone: '+33 1 49 19 19 19',
    deskHours: '24 h',
    transport: 'shuttle',
    pickupPoint: 'Terminal 2E, exit 10',
    meals: ['breakfast'],
  }),
  'hotel.rooms': () => ({ hotelId: 'aerogare-cdg', night: '2026-11-23', type: 'double', count: 10, rateCents: 9000, currency: 'EUR' }),
  'hotel.shuttle': () => ({ shuttleId: uuidv7(), hotelId: 'aerogare-cdg', departsAt: '2026-11-23T19:00:00.000Z', seats: 30 }),
  'room.allocate': (ids) => ({ ...rooms(), allocationId: ids.allocationId, requestId: ids.requestId }),
  'room.move': (ids) => ({ ...rooms(), allocationId: ids.allocationId, newAllocationId: uuidv7() }),
  'room.release': (ids) => ({ allocationId: ids.allocationId, outcome: 'no_show' }),
  'room.checkin': (ids) => ({ allocationId: ids.allocationId }),
  // Made for one kiosk and never logged; its records are already in the kiosk's form.
  'kiosk.view': () => ({ requests: [], vouchers: [], roomAllocations: [] }),
};

const OP_TYPES = Object.keys(SAMPLES) as OpType[];

/** Keys under which a payload holds a passenger's identity or words about them. */
const PERSONAL_KEYS = new Set(['surname', 'givenName', 'bookingRef', 'note', 'text', 'reason', 'description']);

const word = fc.stringMatching(/^[A-Za-z]{1,16}$/);
const personal: fc.Arbitrary<Personal> = fc.record({
  surname: word.map((w) => `Pii${w}`),
  givenName: word.map((w) => `Pii${w}`),
  // Letters only: never part of an id, a date or a stand-in booking (B0001).
  bookingRef: fc.stringMatching(/^[A-Z]{6}$/),
  note: word.map((w) => `pii note ${w}`),
  text: word.map((w) => `pii text ${w}`),
  reason: word.map((w) => `pii reason ${w}`),
  description: word.map((w) => `pii description ${w}`),
});

function entryOf<T extends OpType>(type: T, ids: Ids, p: Personal): LogEntry {
  // The sample of this type has this type's payload, which the union of bodies cannot say.
  const body = { type, payload: SAMPLES[type](ids, p) } as OpBody;
  return { seq: 7, at: NOW, op: makeOp({ actor: { kind: 'staff', id: 'M201' }, device: 'dev-M201', at: NOW }, body) };
}

function records(ids: Ids): PurgedRecords {
  return {
    requests: new Set([ids.requestId]),
    vouchers: new Set([ids.voucherId]),
    flights: new Set([ids.flightId]),
    conflicts: new Set([ids.conflictId]),
  };
}

/** Every string of a value with the key it stands under (array items under their array's key). */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

const freshIds = (): Ids => ({
  requestId: uuidv7(),
  voucherId: uuidv7(),
  flightId: `AF1634-${uuidv7().slice(-12)}`,
  conflictId: uuidv7(),
  allocationId: uuidv7(),
});

describe('passenger purge of the log, for every operation type', () => {
  it('every sample is an operation the hub accepts as stored', () => {
    // One generated example: every sample must be valid with any of them, which the property below relies on.
    const p = fc.sample(personal, { numRuns: 1, seed: 14 })[0]!;
    for (const type of OP_TYPES) expect(storedOpProblem(entryOf(type, freshIds(), p).op), type).toBeNull();
  });

  it('leaves no name, booking or free text of a purged passenger in any logged operation, and the entry still reads back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OP_TYPES), personal, (type, p) => {
        const ids = freshIds();
        const entry = entryOf(type, ids, p);
        const purged = purgeEntry(entry, records(ids));
        const left = strings(purged.op.payload);
        const markers = Object.values(p);
        expect(left.filter(({ text }) => markers.some((m) => text.includes(m)))).toEqual([]);
        const personalLeft = left.filter(
          ({ key, text }) => PERSONAL_KEYS.has(key) && text !== '' && !(key === 'bookingRef' && /^B\d{4}$/.test(text)),
        );
        expect(personalLeft).toEqual([]);
        expect(storedOpProblem(purged.op)).toBeNull();
        // What the purge did not touch stays as it was: ids, counts, times.
        expect({ ...purged, op: { ...purged.op, payload: null } }).toEqual({ ...entry, op: { ...entry.op, payload: null } });
      }),
      { numRuns: 400 },
    );
  });

  it("leaves other passengers' operations as they were", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OP_TYPES), personal, (type, p) => {
        const entry = entryOf(type, freshIds(), p);
        expect(purgeEntry(entry, records(freshIds()))).toBe(entry);
      }),
      { numRuns: 200 },
    );
  });
});
