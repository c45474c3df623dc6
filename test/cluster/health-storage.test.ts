import { describe, expect, it } from 'vitest';
import { usePostgres } from '../helpers/postgres-fixture.ts';

async function health(url: string): Promise<{ status: number; body: { ok: boolean; storage?: string } }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; storage?: string } };
}

describe('/api/health on a PostgreSQL node tells a balancer when its database is gone', () => {
  const env = usePostgres();

  it('answers 503 naming the database while PostgreSQL is down, even with no operation under way, and 200 once it is back', async () => {
    const node = await env.node(env.airport());
    expect(await health(node.url)).toMatchObject({ status: 200, body: { ok: true } });
    await env.db.stop();
    try {
      // No device sends anything: the health check itself asks the database.
      expect(await health(node.url)).toMatchObject({ status: 503, body: { ok: false, storage: expect.stringMatching(/database/) } });
    } finally {
      await env.db.start();
    }
    await expect.poll(async () => (await health(node.url)).status, { timeout: 15_000, interval: 100 }).toBe(200);
  });
});
