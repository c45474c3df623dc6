import { PushSubscriptions, TicketSubscriptions, type StoredSubscriptions, type SubscriptionBacking } from '../push-subscriptions.ts';
import type { PgStore } from './pg-store.ts';

/** Said after a hub changed an airport's push subscriptions; the payload is the airport. */
export const PUSH_CHANNEL = 'gatecare_push';

/** The airport's subscriptions in PostgreSQL: whichever node a phone subscribed through, every node can push to it. */
class PgSubscriptionBacking implements SubscriptionBacking {
  constructor(private readonly store: PgStore) {}

  async load(): Promise<StoredSubscriptions> {
    const rows = await this.store.run<{ request_id: string; generation: number; subs: unknown }>(
      'SELECT request_id, generation, subs FROM push_subscriptions WHERE airport = $1',
      [this.store.airport],
    );
    const out: StoredSubscriptions = {};
    for (const r of rows) {
      const t = TicketSubscriptions.safeParse({ generation: r.generation, subs: r.subs });
      // Like a damaged file on a single hub: the phone subscribes again, the hub carries on.
      if (t.success) out[r.request_id] = t.data;
      else console.error(`GateCare: push subscriptions of ticket ${r.request_id} in ${this.store.file} are unreadable; skipped`);
    }
    return out;
  }

  async write(changed: Record<string, TicketSubscriptions | null>): Promise<void> {
    const kept = Object.entries(changed).filter((e): e is [string, TicketSubscriptions] => e[1] !== null);
    const gone = Object.keys(changed).filter((id) => changed[id] === null);
    // One statement: the rows change and the other nodes are told together, or not at all.
    await this.store.run(
      `WITH gone AS (DELETE FROM push_subscriptions WHERE airport = $1 AND request_id = ANY($2::text[])),
            kept AS (INSERT INTO push_subscriptions (airport, request_id, generation, subs)
                     SELECT $1, i, g, s FROM unnest($3::text[], $4::int[], $5::jsonb[]) AS t(i, g, s)
                     ON CONFLICT (airport, request_id) DO UPDATE SET generation = EXCLUDED.generation, subs = EXCLUDED.subs)
       SELECT pg_notify($6, $1)`,
      [
        this.store.airport,
        gone,
        kept.map(([id]) => id),
        kept.map(([, t]) => t.generation),
        kept.map(([, t]) => JSON.stringify(t.subs)),
        PUSH_CHANNEL,
      ],
    );
  }
}

/** Subscriptions shared by the airport's nodes, read again whenever another node changed them. */
export async function sharedPushSubscriptions(store: PgStore): Promise<PushSubscriptions> {
  const subscriptions = await PushSubscriptions.over(new PgSubscriptionBacking(store));
  store.onNotification(PUSH_CHANNEL, (airport) => {
    // null: the listening connection came back and may have missed a change.
    if (airport === null || airport === store.airport) subscriptions.reload().catch(() => undefined);
  });
  return subscriptions;
}
