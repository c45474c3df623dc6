import type { Hub } from './hub.ts';
import type { HubStore } from './hub-store.ts';
import { DEMO_STAFF, demoOps } from './demo-airport.ts';
import { hashPin } from './pins.ts';
import { wallClock, type Clock } from './clock.ts';

/**
 * On an empty data directory, prepares the demo airport. Returns the step that
 * submits its operations once the hub exists, or false when data already exists.
 */
export async function seedDemoIfEmpty(store: HubStore, clock: Clock = wallClock): Promise<false | ((hub: Hub) => Promise<void>)> {
  if (store.seq > 0) return false;
  for (const s of DEMO_STAFF) store.data.credentials[s.id] = await hashPin(s.pin);
  return async (hub) => {
    const acks = await Promise.all(demoOps(new Date(clock())).map((op) => hub.submit(op, { kind: 'system' })));
    const bad = acks.find((a) => !a.ok);
    if (bad && !bad.ok) throw new Error(`demo airport did not load: ${bad.reason}`);
  };
}
