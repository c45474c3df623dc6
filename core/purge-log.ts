import type { HubState } from './model.ts';
import type { LogEntry, Op } from './ops.ts';
import { PURGED } from './personal-data.ts';

/** Requests and vouchers whose personal data a purge blanked: what the log must forget too. */
export interface PurgedRecords {
  requests: Set<string>;
  vouchers: Set<string>;
  /** Flights whose passenger lists went. */
  flights: Set<string>;
}

/** The records of one flight's passengers in `state` (after the purge, the ids are all that remain). */
export function purgedRecords(state: HubState, flightIds: readonly string[]): PurgedRecords {
  const flights = new Set(flightIds);
  const requests = new Set<string>();
  for (const r of Object.values(state.requests)) if (flights.has(r.flightId)) requests.add(r.id);
  const vouchers = new Set<string>();
  for (const v of Object.values(state.vouchers)) {
    if (v.requestId === null ? v.bound !== undefined && flights.has(v.bound.flightId) : requests.has(v.requestId)) vouchers.add(v.id);
  }
  return { requests, vouchers, flights };
}

/**
 * A logged operation with the same personal text blanked that the purge blanked in the state
 * (core/personal-data.ts), or the entry itself when it holds none. Replaying the blanked log gives
 * the purged state: the texts were never used to decide anything, counts and times stay.
 */
export function purgeEntry(entry: LogEntry, purged: PurgedRecords): LogEntry {
  const op = blankOp(entry.op, purged);
  return op === entry.op ? entry : { ...entry, op };
}

function blankOp(op: Op, { requests, vouchers, flights }: PurgedRecords): Op {
  switch (op.type) {
    case 'passengers.import':
      // Names go, sequences and cabins stay: a whole-flight issue replayed after it still finds the
      // same passengers (under blank names, as the purge left their vouchers), and the purge itself,
      // later in the log, removes the list again. Booking references become stand-ins that keep who
      // travelled together (a taxi is one per booking) and nothing of the real reference.
      return flights.has(op.payload.flightId)
        ? {
            ...op,
            payload: {
              ...op.payload,
              passengers: withStandInBookings(op.payload.passengers).map((p) => ({ ...p, surname: PURGED, givenName: PURGED })),
            },
          }
        : op;
    case 'request.create':
      return requests.has(op.payload.requestId) ? { ...op, payload: { ...op.payload, surname: PURGED, note: PURGED } } : op;
    case 'phone.ask':
      return requests.has(op.payload.requestId) ? { ...op, payload: { ...op.payload, surname: PURGED, note: PURGED } } : op;
    case 'request.note':
    case 'thread.passenger':
    case 'thread.staff':
    case 'thanks.leave':
      return requests.has(op.payload.requestId) ? { ...op, payload: { ...op.payload, text: PURGED } } : op;
    case 'request.cancel':
      return requests.has(op.payload.requestId) ? { ...op, payload: { ...op.payload, reason: PURGED } } : op;
    case 'voucher.issue':
      return requests.has(op.payload.requestId) && op.payload.description !== undefined
        ? { ...op, payload: { ...op.payload, description: PURGED } }
        : op;
    case 'voucher.escalate':
      return requests.has(op.payload.requestId) ? { ...op, payload: { ...op.payload, description: PURGED, note: PURGED } } : op;
    case 'voucher.approve':
      return vouchers.has(op.payload.voucherId) && op.payload.note !== undefined ? { ...op, payload: { ...op.payload, note: PURGED } } : op;
    case 'voucher.decline':
    case 'voucher.void':
      return vouchers.has(op.payload.voucherId) ? { ...op, payload: { ...op.payload, reason: PURGED } } : op;
    default:
      return op;
  }
}

/** The payload texts blankOp may leave empty, by operation type: a stored entry is checked with these refilled. */
export const PURGED_TEXT_FIELDS: Readonly<Partial<Record<Op['type'], readonly string[]>>> = {
  'request.create': ['surname', 'note'],
  'request.note': ['text'],
  'thread.passenger': ['text'],
  'thread.staff': ['text'],
  'thanks.leave': ['text'],
  'phone.ask': ['surname', 'note'],
  'request.cancel': ['reason'],
  'voucher.issue': ['description'],
  'voucher.escalate': ['description', 'note'],
  'voucher.approve': ['note'],
  'voucher.decline': ['reason'],
  'voucher.void': ['reason'],
};

/** Each distinct booking reference of a list as B0001, B0002, … in order of first appearance; none stays none. */
function withStandInBookings<P extends { bookingRef: string }>(passengers: readonly P[]): P[] {
  const standIns = new Map<string, string>();
  return passengers.map((p) => {
    if (p.bookingRef === PURGED) return p;
    let standIn = standIns.get(p.bookingRef);
    if (!standIn) {
      standIn = `B${String(standIns.size + 1).padStart(4, '0')}`;
      standIns.set(p.bookingRef, standIn);
    }
    return { ...p, bookingRef: standIn };
  });
}
