import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, waitFor } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';
import type { Ack } from '../../core/index.ts';

/** Small limits, so a flood is quick to provoke; the mechanism is the one the defaults use. */
const LIMITS = { opsPerSecond: 10, opsBurst: 30, signInPerMinute: 5, restPerMinute: 40 };

describe('limits: floods from one device and oversized input are refused clearly', () => {
  const env = useTestHub({ options: { limits: LIMITS } });

  it('a flooding kiosk gets rate_limited acks, on all its sockets, while another kiosk is served', async () => {
    const flooder = await enrollKiosk(env.hub.url, 'K32');
    const other = await enrollKiosk(env.hub.url, 'K33');
    const a = await connectDevice(env.hub.url, flooder.auth);
    const b = await connectDevice(env.hub.url, flooder.auth);
    const calm = await connectDevice(env.hub.url, other.auth);
    const me = { kind: 'kiosk' as const, id: flooder.device };
    const before = Object.keys(env.hub.hub.current.requests).length;
    const acks: Ack[] = await Promise.all(Array.from({ length: 120 }, (_, i) => (i % 2 ? a : b).submit(op(me, createRequest({ gate: 'K32' })))));
    const ok = acks.filter((x) => x.ok).length;
    const limited = acks.filter((x) => !x.ok && x.code === 'rate_limited');
    expect(ok).toBeGreaterThanOrEqual(LIMITS.opsBurst);
    expect(ok).toBeLessThan(60);
    expect(limited.length).toBe(120 - ok);
    expect(!limited[0]!.ok && limited[0]!.reason).toMatch(/too many operations from this device: slow down, try again in \d+ s/);
    expect(Object.keys(env.hub.hub.current.requests).length).toBe(before + ok);
    expect(await calm.submit(op({ kind: 'kiosk', id: other.device }, createRequest({ gate: 'K33' })))).toMatchObject({ ok: true });
    for (const d of [a, b, calm]) d.close();
  });

  it('the sync client treats rate_limited as "later" and gets its whole outbox through', async () => {
    const k = await enrollKiosk(env.hub.url, 'K34');
    const client = new SyncClient({
      url: env.hub.url,
      auth: k.auth,
      actor: { kind: 'kiosk', id: k.device },
      device: k.device,
      storage: new MemorySyncStorage(),
    });
    const ops = [];
    for (let i = 0; i < 60; i++) ops.push(await client.submit(createRequest({ gate: 'K34' })));
    await client.start();
    await waitFor(() => client.getSnapshot().pending.length === 0, 'outbox drained', 30_000);
    expect(client.getSnapshot().rejected).toEqual([]);
    for (const o of ops) expect(env.hub.hub.current.requests[o.type === 'request.create' ? o.payload.requestId : '']).toBeDefined();
    client.stop();
  }, 60_000);

  it('an oversized operation gets a clear refusal; an oversized message drops only that connection', async () => {
    const k = await enrollKiosk(env.hub.url, 'K35');
    const d = await connectDevice(env.hub.url, k.auth);
    const seq = env.hub.hub.seq;
    const big = { ...op({ kind: 'kiosk', id: k.device }, createRequest({ gate: 'K35' })), padding: 'x'.repeat(40_000) };
    expect(await d.submit(big)).toMatchObject({ ok: false, code: 'invalid', reason: 'operation too large (40 KB): at most 16 KB' });

    const closed = new Promise<string>((done) => d.socket.once('disconnect', (reason) => done(reason)));
    d.socket.emit('op', { junk: 'y'.repeat(2 * 1024 * 1024) }, () => {});
    expect(await closed).toMatch(/transport close|transport error/);
    expect(env.hub.hub.seq).toBe(seq);
    const again = await connectDevice(env.hub.url, k.auth);
    expect(await again.submit(op({ kind: 'kiosk', id: k.device }, createRequest({ gate: 'K35' })))).toMatchObject({ ok: true });
    again.close();
  });

  it('REST: oversized bodies get 413, sign-in floods and API floods from one address get 429, the apps themselves are not limited', async () => {
    const huge = await fetch(`${env.hub.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'A101', pin: '1'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toMatch(/too large/i);

    const statuses: number[] = [];
    let lastError = '';
    for (let i = 0; i < LIMITS.signInPerMinute + 2; i++) {
      const r = await fetch(`${env.hub.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: `B${100 + i}`, pin: '0000' }),
      });
      statuses.push(r.status);
      lastError = ((await r.json()) as { error: string }).error;
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(lastError).toMatch(/too many requests from this address: try again in/);

    for (let i = 0; i < 30; i++) expect((await fetch(`${env.hub.url}/kiosk/`)).status).not.toBe(429);
    let limited: Response | undefined;
    for (let i = 0; i < LIMITS.restPerMinute + 5 && !limited; i++) {
      const r = await fetch(`${env.hub.url}/api/health`);
      if (r.status === 429) limited = r;
    }
    expect(limited, 'health flood gets 429').toBeDefined();
    expect(((await limited!.json()) as { error: string }).error).toMatch(/too many requests/);
  });
});
