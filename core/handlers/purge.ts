import type { Handler, OpSpecs } from './types.ts';
import { reject } from '../outcome.ts';
import { flightClosesAt, purgeFlight } from '../personal-data.ts';

/** Issued by the hub's clock only (see server/purge-timer.ts); never before the flight has left. */
export const passengersPurge: Handler<'passengers.purge'> = (state, op, ctx) => {
  const f = state.flights[op.payload.flightId];
  if (!f) return reject('not_found', `flight ${op.payload.flightId} does not exist`);
  if (flightClosesAt(f) > Date.parse(ctx.at)) return reject('conflict', `${f.number} has not left yet: its passengers' data is still needed`);
  return { ok: true, state: purgeFlight(state, f.id, ctx.inPlace) };
};

export const purgeSpecs: OpSpecs<'passengers.purge'> = {
  'passengers.purge': {
    // Only the hub's clock decides when passengers' personal data goes.
    submitters: ['system'],
    handler: passengersPurge,
    // Every device holding the flight's passengers must blank them too.
    visibility: { to: 'everyone', kiosk: 'whole' },
    purge: 'no passenger data',
  },
};
