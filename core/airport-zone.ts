import type { HubState } from './model.ts';

/**
 * The airport's IANA time zone. A hub set up before the airport was recorded falls back
 * on the zone its departures leave from, and UTC only when nothing says more.
 */
export function airportTimeZone(state: HubState): string {
  if (state.airport) return state.airport.timeZone;
  const counts = new Map<string, number>();
  for (const f of Object.values(state.flights)) {
    if (f.originTimeZone) counts.set(f.originTimeZone, (counts.get(f.originTimeZone) ?? 0) + 1);
  }
  let best = 'UTC';
  let most = 0;
  for (const [zone, n] of counts) {
    if (n > most || (n === most && zone < best)) [best, most] = [zone, n];
  }
  return best;
}
