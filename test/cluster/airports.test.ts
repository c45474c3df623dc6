import { describe, expect, it } from 'vitest';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { connectDevice, loginToken } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';

describe('several airports in one deployment (one PostgreSQL)', () => {
  const env = usePostgres();

  it('each airport has its own log, seq, secret, staff and kiosks: nothing of one is visible or valid at the other', async () => {
    const [cdg, ory] = [env.airport(), env.airport()];
    const a = await env.node(cdg);
    const b = await env.node(ory);
    expect(b.hub.seq).toBe(a.hub.seq);
    const k = await enrollKiosk(a.url, 'K32');
    const kiosk = await connectDevice(a.url, k.auth);
    const body = createRequest();
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    const ack = await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body));
    expect(ack).toMatchObject({ ok: true, seq: a.hub.seq });
    kiosk.close();
    // The other airport's seq did not move and its state does not hold the request.
    expect(b.hub.seq).toBe(a.hub.seq - 1);
    expect(b.hub.durableState.requests[requestId]).toBeUndefined();
    // Its own secret: a kiosk token and a staff session of one airport open nothing at the other.
    await expect(connectDevice(b.url, k.auth)).rejects.toThrow();
    const token = await loginToken(a.url, 'A101', '2468');
    await expect(connectDevice(b.url, { token })).rejects.toThrow();
    expect((await fetch(`${b.url}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // A second node of the first airport sees the request; one of the second does not.
    const a2 = await env.node(cdg, { seedDemo: false });
    const b2 = await env.node(ory, { seedDemo: false });
    expect(a2.hub.durableState.requests[requestId]).toBeDefined();
    expect(b2.hub.durableState.requests[requestId]).toBeUndefined();
    expect(b2.hub.seq).toBe(b.hub.seq);
  });
});
