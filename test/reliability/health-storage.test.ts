import { describe, expect, it } from 'vitest';
import { useDiskFaults } from '../helpers/disk-faults.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { createRequest, op } from '../helpers/ops.ts';

async function health(url: string): Promise<{ status: number; body: { ok: boolean; storage?: string } }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; storage?: string } };
}

describe('/api/health on one hub (lowdb) tells a balancer when the hub cannot store', () => {
  const env = useTestHub({ perTest: true, options: { shutdownMs: 300 } });
  const disk = useDiskFaults();

  it('answers 503 with the failing file while writes fail, and 200 again once a write succeeds', async () => {
    expect(await health(env.hub.url)).toMatchObject({ status: 200, body: { ok: true } });
    const { kiosk, me } = await env.enrolledKiosk('K32');
    disk.fail('ENOSPC');
    expect(await kiosk.submit(op(me, createRequest()))).toMatchObject({ ok: false, code: 'storage' });
    expect(await health(env.hub.url)).toMatchObject({ status: 503, body: { ok: false, storage: expect.stringMatching(/ENOSPC/) } });

    disk.heal();
    // The hub retries the waiting write by itself; once it succeeds the node is healthy again.
    await expect.poll(async () => (await health(env.hub.url)).status, { timeout: 15_000, interval: 100 }).toBe(200);
  });
});
