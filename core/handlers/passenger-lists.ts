import type { Handler, OpSpecs, PayloadOf, PurgedRecords } from './types.ts';
import { PURGED } from '../personal-data.ts';
import { reject } from '../outcome.ts';
import { passengerLists } from '../passenger-list.ts';

/** A new list for a flight replaces the old one whole: departure control's latest extract is the truth. */
export const passengersImport: Handler<'passengers.import'> = (state, op, ctx) => {
  const f = state.flights[op.payload.flightId];
  if (!f) return reject('not_found', `flight ${op.payload.flightId} does not exist`);
  const seen = new Set<number>();
  for (const p of op.payload.passengers) {
    if (seen.has(p.sequence)) return reject('invalid', `check-in sequence ${p.sequence} is listed twice on ${f.number}`);
    seen.add(p.sequence);
  }
  const lists = { ...passengerLists(state) };
  if (op.payload.passengers.length === 0) delete lists[f.id];
  else lists[f.id] = { flightId: f.id, importedAt: ctx.at, importedBy: op.actor.id, passengers: op.payload.passengers };
  return { ok: true, state: { ...state, passengerLists: lists } };
};

export const passengerListSpecs: OpSpecs<'passengers.import'> = {
  'passengers.import': {
    // The hub's demo seed lists passengers too; at the airport it is the duty manager's call.
    submitters: ['system', 'duty_manager'],
    handler: passengersImport,
    // Names, seats and special needs of a whole flight: staff only, never a public kiosk.
    visibility: { to: 'staff' },
    purge: { blank: blankPurgedList },
  },
};

/**
 * A purged flight's list in the log: names go, sequences and cabins stay, so a whole-flight issue
 * replayed after it still finds the same passengers (under blank names, as the purge left their
 * vouchers), and the purge itself, later in the log, removes the list again. Booking references
 * become stand-ins that keep who travelled together (a taxi is one per booking) and nothing of the
 * real reference.
 */
function blankPurgedList(payload: PayloadOf<'passengers.import'>, purged: PurgedRecords): PayloadOf<'passengers.import'> {
  if (!purged.flights.has(payload.flightId)) return payload;
  return { ...payload, passengers: withStandInBookings(payload.passengers).map((p) => ({ ...p, surname: PURGED, givenName: PURGED })) };
}

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
