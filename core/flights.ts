import type { Flight, HubState } from './model.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The flight a passenger means by a number: the one departing closest to now,
 * within a day either side, so yesterday's cancelled flight still counts overnight.
 */
export function findFlight(state: HubState, number: string, nowIso: string): Flight | undefined {
  const now = Date.parse(nowIso);
  let best: Flight | undefined;
  let bestGap = Infinity;
  for (const f of Object.values(state.flights)) {
    if (f.number !== number) continue;
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
