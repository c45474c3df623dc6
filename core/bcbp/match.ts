import type { Flight, HubState } from '../model.ts';
import { findFlight } from '../flights.ts';
import type { BoardingPass, BcbpLeg } from './parse.ts';

/**
 * The leg of a scanned pass that departs from this airport around now: a
 * connecting passenger's pass also lists flights the kiosk knows nothing about.
 */
export function legAtThisAirport(
  state: HubState,
  pass: BoardingPass,
  nowIso: string,
): { leg: BcbpLeg; flight: Flight } | null {
  for (const leg of pass.legs) {
    const flight = findFlight(state, leg.flightNumber, nowIso);
    if (flight && flight.origin === leg.from) return { leg, flight };
  }
  return null;
}
