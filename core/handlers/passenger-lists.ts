import type { Handler, OpSpecs } from './types.ts';
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
  },
};
