import type { Hub } from './hub.ts';
import type { HubStore } from './hub-store.ts';
import { makeOp } from '../core/index.ts';
import { DEMO_STAFF, demoOps } from './demo-airport.ts';
import { DEMO_OUTLET_MANAGER, DEMO_OUTLETS } from './demo-outlets.ts';
import { demoPassengerBodies } from './demo-passengers.ts';
import { hashPin } from './pins.ts';
import { wallClock, type Clock } from './clock.ts';

/**
 * On an empty data directory, prepares the demo airport. Returns the step that
 * submits its operations once the hub exists, or false when data already exists.
 */
export async function seedDemoIfEmpty(
  store: HubStore,
  clock: Clock = wallClock,
  opts: { lists?: boolean } = {},
): Promise<false | ((hub: Hub) => Promise<void>)> {
  if (store.seq > 0) return false;
  for (const s of DEMO_STAFF) store.data.credentials[s.id] = await hashPin(s.pin);
  return async (hub) => {
    const acks = await Promise.all(demoOps(new Date(clock())).map((op) => hub.submit(op, { kind: 'system' })));
    // The outlets after the rest: their enrolment names the demo duty manager and the demo hotel.
    const by = { kind: 'staff', id: DEMO_OUTLET_MANAGER } as const;
    const at = new Date(clock()).toISOString();
    for (const payload of DEMO_OUTLETS) {
      acks.push(await hub.submit(makeOp({ actor: by, device: 'hub-outlet-enrolment', at }, { type: 'outlet.enroll', payload }), by));
    }
    if (opts.lists) {
      const system = { kind: 'system' } as const;
      for (const body of demoPassengerBodies(new Date(clock()))) {
        acks.push(await hub.submit(makeOp({ actor: { kind: 'system', id: 'demo-seed' }, device: 'hub', at }, body), system));
      }
    }
    const bad = acks.find((a) => !a.ok);
    if (bad && !bad.ok) throw new Error(`demo airport did not load: ${bad.reason}`);
  };
}
