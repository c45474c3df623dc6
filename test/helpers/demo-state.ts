import { apply, emptyState, type Flight, type HubState } from '../../core/index.ts';
import { demoOps } from '../../server/demo-airport.ts';

/** The demo airport as state, built through the reducer like the hub builds it. */
export function demoState(now = new Date()): HubState {
  let s = emptyState();
  for (const op of demoOps(now)) {
    const out = apply(s, op, { seq: s.seq + 1, at: now.toISOString() });
    if (!out.ok) throw new Error(out.reason);
    s = out.state;
  }
  return s;
}

/** A flight of the state by its number (the demo's AF1634, AF1780...); an error naming it when it is not listed. */
export function flightNumbered(state: HubState, number: string): Flight {
  const flight = Object.values(state.flights).find((f) => f.number === number);
  if (!flight) throw new Error(`no flight ${number} in the hub's state`);
  return flight;
}
