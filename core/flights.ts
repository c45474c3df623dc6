import type { Flight, HubState } from './model.ts';
import { normaliseFlightNumber } from './flight-number.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Each flight record's number in canonical form, worked out once per record (records are replaced,
 * never changed): a request names its flight by number, and an airport lists a thousand flights a
 * day, so parsing every listed number on every request was most of what creating one cost.
 */
const canonical = new WeakMap<Flight, string>();
function canonicalNumber(f: Flight): string {
  let n = canonical.get(f);
  if (n === undefined) canonical.set(f, (n = normaliseFlightNumber(f.number)));
  return n;
}

/**
 * The flight a passenger means by a number: the one departing closest to now,
 * within a day either side, so yesterday's cancelled flight still counts overnight.
 * Any spelling finds it: AF84, AF 084 and AF0084 are the same flight.
 */
export function findFlight(state: HubState, number: string, nowIso: string): Flight | undefined {
  const now = Date.parse(nowIso);
  let best: Flight | undefined;
  let bestGap = Infinity;
  // Flights saved before numbers were canonical may be spelt AF84: compare canonical forms.
  const wanted = normaliseFlightNumber(number);
  for (const f of Object.values(state.flights)) {
    if (canonicalNumber(f) !== wanted) continue;
    const gap = Math.abs(Date.parse(f.estimatedDeparture) - now);
    if (gap <= 1.5 * DAY_MS && gap < bestGap) {
      best = f;
      bestGap = gap;
    }
  }
  return best;
}

export function delayMinutes(f: Flight): number {
  return Math.max(0, Math.round((Date.parse(f.estimatedDeparture) - Date.parse(f.scheduledDeparture)) / 60000));
}
