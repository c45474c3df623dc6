import { describe, expect, it } from 'vitest';
import { EVENTS } from '../../core/index.ts';
import { SESSION_HOURS } from '../../server/tokens.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, waitFor } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';

async function revoke(url: string, token: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/sessions/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('sessions end when they should: at expiry, and at once when a duty manager revokes them', () => {
  let clock = Date.now();
  const env = useTestHub({ options: { now: () => clock } });

  it('a session past its expiry receives no more live pushes nor look-ups: the hub closes it', async () => {
    const kiosk = await enrollKiosk(env.hub.url, 'K32');
    const k = await env.device(kiosk.auth);
    const token = await env.token('A101');
    const amira = await env.device({ token, gates: ['K32'] });
    expect(await k.submit(op({ kind: 'kiosk', id: kiosk.device }, createRequest({ gate: 'K32' })))).toMatchObject({ ok: true });
    await waitFor(() => amira.received.length > 0, 'the first push while the session is valid');

    clock += SESSION_HOURS * 3600_000 + 1000;
    const closed = new Promise<void>((done) => amira.socket.once('disconnect', () => done()));
    const pushedBefore = amira.received.length;
    expect(await k.submit(op({ kind: 'kiosk', id: kiosk.device }, createRequest({ gate: 'K32', surname: 'Afterexpiry' })))).toMatchObject({
      ok: true,
    });
    await closed;
    expect(amira.received.length).toBe(pushedBefore);
    expect(JSON.stringify(amira.received)).not.toContain('Afterexpiry');
    clock += 1000;
  });

  it('an expired session asking for a ticket look-up is refused', async () => {
    const token = await env.token('A102');
    const lucas = await env.device({ token });
    clock += SESSION_HOURS * 3600_000 + 1000;
    expect(await lucas.socket.timeout(5000).emitWithAck(EVENTS.ticketLookup, { flightNumber: 'AF1634', surname: 'Moreau' })).toMatchObject({
      ok: false,
      reason: 'session expired: sign in again',
    });
  });

  it("a duty manager revokes a lost tablet's sessions: its sockets close at once, its token opens nothing, a new sign-in works", async () => {
    const lost = await env.token('A105');
    const tablet = await env.device({ token: lost });
    const closed = new Promise<void>((done) => tablet.socket.once('disconnect', () => done()));
    const agent = await env.token('A101');
    expect((await revoke(env.hub.url, agent, { staffId: 'A105' })).status).toBe(403);
    const manager = await env.token('M201');
    expect(await revoke(env.hub.url, manager, { staffId: 'A105' })).toMatchObject({ status: 200, body: { disconnected: 1 } });
    await closed;
    await expect(connectDevice(env.hub.url, { token: lost })).rejects.toThrow(/session expired/);
    expect((await fetch(`${env.hub.url}/api/snapshot`, { headers: { authorization: `Bearer ${lost}` } })).status).toBe(401);
    clock += 1;
    const fresh = await env.token('A105');
    (await env.device({ token: fresh })).close();
  });

  it('a duty manager revokes a stolen kiosk: it is disconnected at once and stays refused after a hub restart', async () => {
    const stolen = await enrollKiosk(env.hub.url, 'K33');
    const k = await env.device(stolen.auth);
    const closed = new Promise<void>((done) => k.socket.once('disconnect', () => done()));
    const manager = await env.token('M201');
    expect(await revoke(env.hub.url, manager, { device: stolen.device })).toMatchObject({ status: 200, body: { disconnected: 1 } });
    await closed;
    await expect(connectDevice(env.hub.url, stolen.auth)).rejects.toThrow(/not enrolled/);
    await env.restart();
    await expect(connectDevice(env.hub.url, stolen.auth)).rejects.toThrow(/not enrolled/);
    expect((await revoke(env.hub.url, manager, { device: 'x' })).status).toBe(400);
  });
});

describe('connections are capped per address', () => {
  const env = useTestHub({ options: { limits: { connectionsPerAddress: 4 } } });

  it('the fifth socket from one address is refused with a reason; closing one makes room', async () => {
    const kiosk = await enrollKiosk(env.hub.url, 'K32');
    const open = [];
    for (let i = 0; i < 4; i++) open.push(await connectDevice(env.hub.url, kiosk.auth));
    await expect(connectDevice(env.hub.url, kiosk.auth)).rejects.toThrow(/too many connections from this address \(at most 4\)/);
    const gone = open.pop()!;
    const left = new Promise<void>((done) => gone.socket.once('disconnect', () => done()));
    gone.close();
    await left;
    // The hub hears the close a moment after the client: retry until it has.
    let again: Awaited<ReturnType<typeof connectDevice>> | null = null;
    for (let i = 0; i < 100 && !again; i++) {
      again = await connectDevice(env.hub.url, kiosk.auth).catch(() => null);
      if (!again) await new Promise((r) => setTimeout(r, 20));
    }
    expect(again).not.toBeNull();
    again?.close();
    for (const d of open) d.close();
  });
});
