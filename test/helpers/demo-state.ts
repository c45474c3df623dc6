import { apply, emptyState, type HubState } from '../../core/index.ts';
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
