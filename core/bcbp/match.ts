import type { Flight, HubState } from '../model.ts';
import { normaliseFlightNumber } from '../flight-number.ts';
import { localDay } from '../entitlements/local-day.ts';
import { withAirportFacts } from '../entitlements/for-request.ts';
import type { BoardingPass, BcbpLeg } from './parse.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * What a scanned pass means at this airport:
 * - ok: the leg that departs from here, and its flight in the list, on the day the pass is dated;
 * - other_day: that flight is in the list, but the pass is dated another day (`date`, YYYY-MM-DD);
 * - not_listed: a leg departs from here, but no flight of that number does around now;
 * - no_leg_here: no leg of the pass departs from this airport (`airport`; every leg in `legs`).
 */
export type PassMatch =
  | { ok: true; leg: BcbpLeg; flight: Flight }
  | { ok: false; code: 'other_day'; leg: BcbpLeg; date: string }
  | { ok: false; code: 'not_listed'; leg: BcbpLeg }
  | { ok: false; code: 'no_leg_here'; airport: string; legs: BcbpLeg[] };

/** The airport the kiosks stand in: where the listed flights leave from (the most common origin). */
export function thisAirport(state: HubState): string | null {
  const counts = new Map<string, number>();
  for (const f of Object.values(state.flights)) counts.set(f.origin, (counts.get(f.origin) ?? 0) + 1);
  let best: string | null = null;
  for (const [origin, n] of counts) if (best === null || n > counts.get(best)!) best = origin;
  return best;
}

function dayOfYear(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 0)) / DAY_MS);
}

/**
 * The calendar day a pass's Julian date (day of the year, no year printed) names: the one
 * nearest to the airport's today, so a pass of 31 December read on 1 January is yesterday.
 */
export function passDate(julianDate: number, nowIso: string, timeZone: string): string {
  const today = localDay(nowIso, timeZone);
  const year = Number(today.slice(0, 4));
  const todayMs = Date.parse(today);
  let best = '';
  let bestGap = Infinity;
  for (const y of [year - 1, year, year + 1]) {
    const iso = new Date(Date.UTC(y, 0, julianDate)).toISOString().slice(0, 10);
    const gap = Math.abs(Date.parse(iso) - todayMs);
    if (gap < bestGap) [best, bestGap] = [iso, gap];
  }
  return best;
}

/** Flights of this number departing within a day and a half of now (a night's delay or rebooking included). */
function candidates(state: HubState, number: string, nowIso: string): Flight[] {
  const wanted = normaliseFlightNumber(number);
  const now = Date.parse(nowIso);
  return Object.values(state.flights).filter(
    (f) => normaliseFlightNumber(f.number) === wanted && Math.abs(Date.parse(f.estimatedDeparture) - now) <= 1.5 * DAY_MS,
  );
}

/**
 * Which leg of a scanned pass this kiosk can help with. A connecting passenger's pass lists
 * flights from elsewhere; a pass kept from another day must not find today's flight of the same number.
 * The pass's date is checked against the flight's scheduled day at the airport, so yesterday evening's
 * flight delayed past midnight still matches yesterday's pass.
 */
export function matchPass(state: HubState, pass: BoardingPass, nowIso: string): PassMatch {
  const airport = thisAirport(state);
  const here = pass.legs.filter((l) => airport === null || l.from === airport);
  if (here.length === 0) return { ok: false, code: 'no_leg_here', airport: airport ?? '', legs: pass.legs };
  let otherDay: PassMatch | null = null;
  for (const leg of here) {
    for (const flight of candidates(state, leg.flightNumber, nowIso)) {
      if (flight.origin !== leg.from) continue;
      const zone = withAirportFacts(state, flight).originTimeZone ?? 'UTC';
      if (dayOfYear(localDay(flight.scheduledDeparture, zone)) === leg.julianDate) return { ok: true, leg, flight };
      otherDay ??= { ok: false, code: 'other_day', leg, date: passDate(leg.julianDate, nowIso, zone) };
    }
  }
  return otherDay ?? { ok: false, code: 'not_listed', leg: here[0]! };
}
