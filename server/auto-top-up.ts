import { makeOp, type LogEntry } from '../core/index.ts';
import { carrierOf } from '../core/entitlements/carrier.ts';
import { planFlightCare } from '../core/flight-care.ts';
import { passengerLists } from '../core/passenger-list.ts';
import { wallClock, type Clock } from './clock.ts';
import type { Hub } from './hub.ts';

/** The flights whose meal top-ups may have changed with these entries: a new delay, a cancellation, new airline rules. */
function flightsTouched(hub: Hub, entries: readonly LogEntry[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    const op = e.op;
    if (op.type === 'flight.delay' || op.type === 'flight.cancel') out.add(op.payload.flightId);
    if (op.type === 'airline.upsert') {
      for (const id of Object.keys(passengerLists(hub.current))) {
        const f = hub.current.flights[id];
        if (f && carrierOf(f.number) === op.payload.code) out.add(id);
      }
    }
  }
  return out;
}

/**
 * Airlines whose rules say `autoTopUp`: when a flight's delay grows past the next meal, the hub
 * itself submits the top-up for the passengers already given meal care. The handler gives each
 * step once, so a duty manager's tap racing it, or a second look, gives nothing twice.
 */
export function startAutoTopUp(hub: Hub, clock: Clock = wallClock): { stop(): void } {
  const look = (entries: readonly LogEntry[]): void => {
    const now = new Date(clock());
    for (const flightId of flightsTouched(hub, entries)) {
      const flight = hub.current.flights[flightId];
      if (!flight || hub.current.airlines[carrierOf(flight.number)]?.autoTopUp !== true) continue;
      const plan = planFlightCare(hub.current, { flightId, topUp: true }, now.toISOString());
      if (!plan.ok || plan.plan.vouchers.length === 0) continue;
      const op = makeOp(
        { actor: { kind: 'system', id: 'auto-top-up' }, device: 'hub', at: now },
        { type: 'vouchers.issueFlight', payload: { flightId, kind: 'meal', topUp: true } },
      );
      void hub.submit(op, { kind: 'system' }).then((ack) => {
        if (!ack.ok && ack.code !== 'conflict') console.error(`GateCare: automatic meal top-up for ${flight.number} failed: ${ack.reason}`);
      });
    }
  };
  hub.on('committedHere', look);
  return {
    stop() {
      hub.off('committedHere', look);
    },
  };
}
