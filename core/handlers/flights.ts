import type { Handler, OpSpecs } from './types.ts';
import { REFERENCE_DATA } from './shared.ts';
import type { DisruptionCause, Flight, HubState } from '../model.ts';
import { reject, type Outcome } from '../outcome.ts';

function withFlight(state: HubState, f: Flight): Outcome {
  return { ok: true, state: { ...state, flights: { ...state.flights, [f.id]: f } } };
}

function hhmm(iso: string): string {
  return iso.slice(11, 16);
}

/**
 * Passengers learn of a change when it is published: Canada's APPR owes care only when they were told
 * less than 12 h before departure. The latest announcement counts, so a delay that grows late is short notice.
 */
function announced(f: Flight, at: string, cause: DisruptionCause | undefined): Flight {
  return { ...f, delayAnnouncedAt: at, ...(cause ? { disruptionCause: cause } : {}) };
}

export const flightDelay: Handler<'flight.delay'> = (state, op, ctx) => {
  const { flightId, estimatedDeparture } = op.payload;
  const f = state.flights[flightId];
  if (!f) return reject('not_found', `flight ${flightId} does not exist`);
  if (f.status === 'cancelled') {
    return reject('conflict', `${f.number} is cancelled: change its rebooked departure instead of a delay`);
  }
  if (Date.parse(estimatedDeparture) < Date.parse(f.scheduledDeparture)) {
    return reject('invalid', `${f.number} is scheduled at ${hhmm(f.scheduledDeparture)} UTC: a new departure cannot be earlier`);
  }
  const status = estimatedDeparture === f.scheduledDeparture ? 'scheduled' : 'delayed';
  return withFlight(state, announced({ ...f, estimatedDeparture: new Date(estimatedDeparture).toISOString(), status }, ctx.at, op.payload.cause));
};

export const flightCancel: Handler<'flight.cancel'> = (state, op, ctx) => {
  const { flightId, rebookedDeparture } = op.payload;
  const f = state.flights[flightId];
  if (!f) return reject('not_found', `flight ${flightId} does not exist`);
  if (rebookedDeparture !== null && Date.parse(rebookedDeparture) <= Date.parse(f.scheduledDeparture)) {
    return reject('invalid', `passengers of ${f.number} cannot be rebooked on a departure before the cancelled one`);
  }
  const estimatedDeparture = rebookedDeparture === null ? f.estimatedDeparture : new Date(rebookedDeparture).toISOString();
  return withFlight(state, announced({ ...f, status: 'cancelled', estimatedDeparture }, ctx.at, op.payload.cause));
};

export const flightGate: Handler<'flight.gate'> = (state, op) => {
  const { flightId, gate } = op.payload;
  const f = state.flights[flightId];
  if (!f) return reject('not_found', `flight ${flightId} does not exist`);
  if (!state.gates[gate]) return reject('not_found', `gate ${gate} does not exist`);
  return withFlight(state, { ...f, gate });
};

/** Kiosks show flight lines and entitlements, so they follow every flight change. */
export const flightSpecs: OpSpecs<'flight.delay' | 'flight.cancel' | 'flight.gate'> = {
  'flight.delay': { submitters: ['system', 'duty_manager'], handler: flightDelay, ...REFERENCE_DATA },
  'flight.cancel': { submitters: ['system', 'duty_manager'], handler: flightCancel, ...REFERENCE_DATA },
  'flight.gate': { submitters: ['system', 'duty_manager'], handler: flightGate, ...REFERENCE_DATA },
};
