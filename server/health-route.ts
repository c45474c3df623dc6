import type { FastifyInstance } from 'fastify';
import type { Hub } from './hub.ts';
import type { HubStore } from './hub-store.ts';
import { isoNow, type Clock } from './clock.ts';

/** A balancer's health check gives up after a few seconds; a database that has not answered by then counts as down. */
export const HEALTH_PROBE_MS = 2000;

/** Null when the database answered within `ms`, else what went wrong. */
async function databaseProblem(store: HubStore, ms: number): Promise<string | null> {
  const shared = store.shared;
  if (!shared) return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((r) => (timer = setTimeout(() => r(`the database did not answer within ${ms} ms`), ms)));
  try {
    return await Promise.race([shared.probe().then(() => null), late]);
  } catch (e) {
    return `the database failed: ${(e as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/api/health`: 200 while the hub can store what it acknowledges, 503 with the reason while it
 * cannot (its last write failed, or its PostgreSQL does not answer), so a balancer takes the node
 * out and its devices move to one that can.
 */
export function registerHealthRoute(app: FastifyInstance, hub: Hub, store: HubStore, now: Clock): void {
  app.get('/api/health', async (_req, reply) => {
    const storage = hub.storageProblem ?? (await databaseProblem(store, HEALTH_PROBE_MS));
    if (storage) return reply.code(503).send({ ok: false, seq: hub.seq, time: isoNow(now), storage });
    return { ok: true, seq: hub.seq, time: isoNow(now) };
  });
}
