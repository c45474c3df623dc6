import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_POLICY, OpBody, type Actor } from '../../core/index.ts';
import { mayPerform } from '../../core/permissions.ts';
import { LOCK_AFTER, LOCK_MS } from '../../server/login-throttle.ts';
import { SESSION_HOURS } from '../../server/tokens.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, type TestDevice } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';

const { updatedAt: _u, updatedBy: _b, ...policyRules } = DEFAULT_POLICY;

async function post(url: string, path: string, body: unknown): Promise<{ status: number; error?: string }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, error: ((await res.json()) as { error?: string }).error };
}

describe('roles: nobody acts beyond their role, over real sockets', () => {
  let clock = Date.now();
  const env = useTestHub({ options: { now: () => clock } });
  let kioskA: TestDevice;
  let kioskAActor: Actor;
  let requestId = '';

  beforeAll(async () => {
    ({ kiosk: kioskA, me: kioskAActor } = await env.enrolledKiosk('K32'));
    const body = createRequest({ gate: 'K32', surname: 'Privatename', party: { adults: 1, children: 0, infants: 0 } });
    requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kioskA.submit(op(kioskAActor, body))).toMatchObject({ ok: true });
  });

  it('the permission table lets a kiosk do exactly one thing: create a request', () => {
    const allTypes = OpBody.options.map((o) => o.shape.type.value);
    expect(allTypes.length).toBeGreaterThan(10);
    const kioskMay = allTypes.filter((t) => mayPerform({ kind: 'kiosk', id: 'k' }, undefined, t));
    expect(kioskMay).toEqual(['request.create']);
  });

  it('a kiosk cannot claim, deliver, cancel, issue vouchers, move stock, change flights or policy', async () => {
    const me = kioskAActor;
    const bodies: OpBody[] = [
      { type: 'request.claim', payload: { requestId } },
      { type: 'request.deliver', payload: { requestId } },
      { type: 'request.cancel', payload: { requestId, reason: 'changed my mind' } },
      { type: 'voucher.issue', payload: { voucherId: uuidv7(), requestId, kind: 'meal', amountCents: 1500, currency: 'EUR' } },
      { type: 'voucher.approve', payload: { voucherId: uuidv7() } },
      { type: 'stock.set', payload: { gate: 'K32', item: 'water', quantity: 999 } },
      { type: 'stock.restock', payload: { gate: 'K32', item: 'water', quantity: 5 } },
      { type: 'flight.gate', payload: { flightId: Object.keys(env.hub.hub.current.flights)[0]!, gate: 'K40' } },
      { type: 'policy.set', payload: policyRules },
    ] as OpBody[];
    const seq = env.hub.hub.seq;
    for (const body of bodies) {
      const ack = await kioskA.submit(op(me, body));
      expect(ack, body.type).toMatchObject({ ok: false, code: 'forbidden', reason: `kiosk may not perform ${body.type}` });
    }
    expect(env.hub.hub.seq).toBe(seq);
  });

  it("a kiosk reads only its own tickets, without names, and never another kiosk's; it cannot read the staff snapshot", async () => {
    const { kiosk: b, token: otherToken } = await env.enrolledKiosk('K32');
    const snap = await b.pull(0);
    expect(snap.kind).toBe('snapshot');
    if (snap.kind === 'snapshot') expect(snap.state.requests[requestId]).toBeUndefined();
    const mine = await kioskA.pull(0);
    if (mine.kind === 'snapshot') {
      expect(mine.state.requests[requestId]?.status).toBe('received');
      expect(JSON.stringify(mine.state)).not.toContain('Privatename');
    }
    const res = await fetch(`${env.hub.url}/api/snapshot`, { headers: { authorization: `Bearer ${otherToken}` } });
    expect(res.status).toBe(401);
    // Pushes too: kiosk B saw nothing of kiosk A's request.
    expect(b.received.flatMap((m) => m.entries).filter((e) => e.op.type.startsWith('request.'))).toEqual([]);
  });

  it('an agent cannot exceed the voucher cap, approve an escalation, change policy, stock levels or flights', async () => {
    const agent = await env.staff('A101');
    const amira = { kind: 'staff' as const, id: 'A101' };
    const cap = DEFAULT_POLICY.limits.agent!.capPerPassengerCents;
    const over = await agent.submit(
      op(amira, { type: 'voucher.issue', payload: { voucherId: uuidv7(), requestId, kind: 'taxi', amountCents: cap + 1, currency: 'EUR' } }),
    );
    expect(over).toMatchObject({ ok: false, code: 'limit' });
    if (!over.ok) expect(over.reason).toMatch(/is above the cap for this passenger/);

    const voucherId = uuidv7();
    const escalated = await agent.submit(
      op(amira, {
        type: 'voucher.escalate',
        payload: { voucherId, requestId, kind: 'taxi', amountCents: cap + 1, currency: 'EUR', note: 'no trains' },
      }),
    );
    expect(escalated).toMatchObject({ ok: true });
    expect(await agent.submit(op(amira, { type: 'voucher.approve', payload: { voucherId } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'agent may not perform voucher.approve',
    });
    const forbidden: OpBody[] = [
      { type: 'voucher.decline', payload: { voucherId, reason: 'too expensive' } },
      {
        type: 'policy.set',
        payload: { ...policyRules, limits: { ...policyRules.limits, agent: { capPerPassengerCents: 10_000_00, budgetPerShiftCents: 10_000_00 } } },
      },
      { type: 'stock.set', payload: { gate: 'K32', item: 'water', quantity: 999 } },
      {
        type: 'flight.delay',
        payload: { flightId: Object.keys(env.hub.hub.current.flights)[0]!, estimatedDeparture: new Date(clock + 9e6).toISOString() },
      },
    ] as OpBody[];
    for (const body of forbidden) {
      expect(await agent.submit(op(amira, body)), body.type).toMatchObject({
        ok: false,
        code: 'forbidden',
        reason: `agent may not perform ${body.type}`,
      });
    }
    expect(env.hub.hub.current.policy.limits.agent?.capPerPassengerCents).toBe(cap);
    // Nor act as someone else.
    expect(await agent.submit(op({ kind: 'staff', id: 'M201' }, { type: 'voucher.approve', payload: { voucherId } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'you are signed in as A101, not M201',
    });
  });

  it('a session token expires after its hours: open sockets are refused and closed, new ones and the REST API refuse it', async () => {
    const token = await env.token('A102');
    const lucas = await env.device({ token });
    expect(await lucas.pull(0)).toMatchObject({ kind: 'snapshot' });
    expect((await fetch(`${env.hub.url}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    clock += SESSION_HOURS * 3600_000 + 1000;
    const closed = new Promise<void>((done) => lucas.socket.once('disconnect', () => done()));
    expect(await lucas.submit(op({ kind: 'staff', id: 'A102' }, { type: 'request.claim', payload: { requestId } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'session expired: sign in again',
    });
    await closed;
    await expect(connectDevice(env.hub.url, { token })).rejects.toThrow(/session expired: sign in again/);
    expect((await fetch(`${env.hub.url}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(env.hub.hub.current.requests[requestId]?.status).toBe('received');
  });

  it('wrong PINs are slowed, then the staff id is locked out, also for kiosk enrolment, until the lock runs out', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOCK_AFTER; i++) {
      statuses.push((await post(env.hub.url, '/api/login', { staffId: 'A104', pin: '0000' })).status);
      // From the third wrong PIN even the right one is turned away until the wait is over.
      if (i >= 2) {
        expect(await post(env.hub.url, '/api/login', { staffId: 'A104', pin: '9753' }), `after ${i + 1} wrong PINs`).toMatchObject({
          status: 429,
          error: expect.stringMatching(i + 1 < LOCK_AFTER ? /^too many wrong PINs for A104: try again in \d+ s$/ : /A104 is locked/),
        });
      }
      clock += 10 * 60_000;
    }
    expect(statuses).toEqual(Array(LOCK_AFTER).fill(401));
    expect(await post(env.hub.url, '/api/login', { staffId: 'A104', pin: '9753' })).toMatchObject({
      status: 429,
      error: expect.stringMatching(/^A104 is locked after 10 wrong PINs: try again after \d\d:\d\d UTC or ask a duty manager$/),
    });
    expect(await post(env.hub.url, '/api/kiosks/enroll', { staffId: 'A104', pin: '9753', gate: 'K40', device: 'kiosk-locked-1' })).toMatchObject({
      status: 429,
    });
    expect((await post(env.hub.url, '/api/login', { staffId: 'A103', pin: '8642' })).status).toBe(200);
    clock += LOCK_MS - 10 * 60_000 + 1;
    expect((await post(env.hub.url, '/api/login', { staffId: 'A104', pin: '9753' })).status).toBe(200);
  });
});
