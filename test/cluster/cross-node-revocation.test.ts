import { describe, expect, it } from 'vitest';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { connectDevice, loginToken, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';

async function revoke(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/api/sessions/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Waits (bounded) until the hub closed the device's socket; the device itself never reconnects: reconnection is off. */
function closedByHub(d: TestDevice): () => Promise<string> {
  let reason = '';
  d.socket.once('disconnect', (r) => (reason = r));
  return () => waitFor(() => reason, 'the socket closed by the hub');
}

describe('a revocation on one node closes the sockets on the other nodes at once', () => {
  const env = usePostgres();

  it("a lost tablet's sessions and a stolen kiosk revoked on node A: their sockets on nodes B and C close without waiting for their next message", async () => {
    const airport = env.airport();
    const a = await env.node(airport);
    const b = await env.node(airport, { seedDemo: false });
    const c = await env.node(airport, { seedDemo: false });

    const lost = await loginToken(b.url, 'A105', '4826');
    const tabletOnB = await connectDevice(b.url, { token: lost });
    const tabletOnC = await connectDevice(c.url, { token: lost });
    const colleague = await connectDevice(b.url, { token: await loginToken(b.url, 'A101', '2468') });
    const stolen = await enrollKiosk(c.url, 'K33');
    const kioskOnB = await connectDevice(b.url, stolen.auth);
    const closed = [closedByHub(tabletOnB), closedByHub(tabletOnC)];

    const manager = await loginToken(a.url, 'M201', '7319');
    // Node A holds none of these sockets: all it can do is tell the others.
    expect(await revoke(a.url, manager, { staffId: 'A105' })).toEqual({ status: 200, body: { revoked: { staffId: 'A105' }, disconnected: 0 } });
    // The devices only listen: nothing they send could trigger a check, so only the hub can close them.
    expect(await Promise.all(closed.map((w) => w()))).toEqual(['io server disconnect', 'io server disconnect']);
    await expect(connectDevice(c.url, { token: lost })).rejects.toThrow(/session expired/);
    // Someone else's session on the same node is untouched.
    expect(colleague.socket.connected).toBe(true);
    expect(kioskOnB.socket.connected).toBe(true);

    const kioskClosed = closedByHub(kioskOnB);
    expect(await revoke(a.url, manager, { device: stolen.device })).toMatchObject({ status: 200, body: { disconnected: 0 } });
    expect(await kioskClosed()).toBe('io server disconnect');
    await expect(connectDevice(b.url, stolen.auth)).rejects.toThrow(/not enrolled/);
    await waitFor(() => colleague.socket.connected, 'the colleague still connected');
    colleague.close();
  });
});
