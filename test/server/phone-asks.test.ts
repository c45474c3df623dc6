import { afterAll, describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';
import { askPhoneLink, capabilityOf, connectPhone, type TestPhone } from '../helpers/phone-client.ts';

const BLANKET = { needs: ['blanket'], party: { adults: 1, children: 1, infants: 0 }, note: 'it is cold here' };

interface Ticket {
  kiosk: TestDevice;
  requestId: string;
  phone: TestPhone;
}

function receivedAsk(device: TestDevice): boolean {
  return device.received.some((m) => m.entries.some((e) => e.op.type === 'phone.ask'));
}

describe('the passenger asks for something new from the phone', () => {
  const env = useTestHub({ options: { phoneLimits: { asksBurst: 20, writesBurst: 20 } } });
  const open: TestPhone[] = [];
  afterAll(() => {
    for (const p of open) p.close();
  });

  async function ticketAt(gate: string, flightNumber: string, surname = 'Moreau'): Promise<Ticket> {
    const { kiosk, me } = await env.enrolledKiosk(gate);
    const body = createRequest({ gate, flightNumber, surname, language: 'it' });
    if (body.type !== 'request.create') throw new Error('unexpected');
    expect(await kiosk.submit(op(me, body))).toMatchObject({ ok: true });
    const a = await askPhoneLink(kiosk, { ticket: env.hub.hub.current.requests[body.payload.requestId]!.ticket });
    if (!a.ok) throw new Error(a.reason);
    const phone = await connectPhone(env.hub.url, capabilityOf(a.url));
    open.push(phone);
    return { kiosk, requestId: body.payload.requestId, phone };
  }

  it("creates a request for the same passenger at the ticket's gate: the gate's tablets get it, the phone follows it, the kiosk learns nothing", async () => {
    const agent = await env.staff('A101');
    const otherGates = await env.staff('A103');
    const { kiosk, requestId, phone } = await ticketAt('K32', 'AF1634');
    expect(await phone.ask(BLANKET)).toEqual({ v: 1, ok: true });

    const entry = await waitFor(
      () => agent.received.flatMap((m) => m.entries).find((e) => e.op.type === 'phone.ask'),
      "the gate's agent receives it",
    );
    const newId = (entry.op.payload as { requestId: string }).requestId;
    expect(env.hub.hub.current.requests[newId]).toMatchObject({
      gate: 'K32',
      flightNumber: 'AF1634',
      surname: 'Moreau',
      language: 'it',
      needs: ['blanket'],
      party: { adults: 1, children: 1, infants: 0 },
      note: 'it is cold here',
      status: 'received',
      askedFromRequestId: requestId,
    });
    const view = await waitFor(() => phone.latest()?.asks.length === 1 && phone.latest(), 'the phone follows the new request');
    expect(view.asks[0]).toMatchObject({ ticket: env.hub.hub.current.requests[newId]!.ticket, status: 'received', needs: ['blanket'] });
    expect(JSON.stringify(view)).not.toMatch(/Moreau|cold here/);

    expect(await agent.submit(op({ kind: 'staff', id: 'A101' }, { type: 'request.claim', payload: { requestId: newId } }))).toMatchObject({
      ok: true,
    });
    await waitFor(() => phone.latest()?.asks[0]?.claimedByName === 'Amira', 'the phone sees the new request claimed');
    // No kiosk made it: no kiosk screen receives it, and agents of other gates do not either.
    expect(receivedAsk(kiosk)).toBe(false);
    expect(receivedAsk(otherGates)).toBe(false);
  });

  it('when the flight has moved, the request goes to its new gate, and the phone still follows it there', async () => {
    const { requestId, phone } = await ticketAt('K32', 'AF1634', 'Haddad');
    const manager = await env.staff('M201');
    const flightId = env.hub.hub.current.requests[requestId]!.flightId;
    expect(await manager.submit(op({ kind: 'staff', id: 'M201' }, { type: 'flight.gate', payload: { flightId, gate: 'K40' } }))).toMatchObject({
      ok: true,
    });
    const sofia = await env.staff('A103');
    expect(await phone.ask({ ...BLANKET, needs: ['water'] })).toEqual({ v: 1, ok: true });
    const newId = await waitFor(() => env.hub.hub.current.requests[requestId]!.phoneAsks?.[0], 'the ask is recorded');
    expect(env.hub.hub.current.requests[newId]!.gate).toBe('K40');
    await waitFor(() => receivedAsk(sofia), "the new gate's agent receives it");
    expect(await sofia.submit(op({ kind: 'staff', id: 'A103' }, { type: 'request.claim', payload: { requestId: newId } }))).toMatchObject({
      ok: true,
    });
    await waitFor(() => phone.latest()?.asks[0]?.claimedByName === 'Sofia', 'the phone sees the claim at the new gate');
  });

  it('attacks: the phone names no gate, flight or passenger; bad or huge choices are refused with a reason; a capability only ever asks at its own ticket', async () => {
    const { phone } = await ticketAt('K32', 'AF1634');
    const before = Object.keys(env.hub.hub.current.requests).length;
    const refusals: [unknown, RegExp][] = [
      [{ ...BLANKET, gate: 'K41' }, /Unrecognized key.*"gate"/],
      [{ ...BLANKET, surname: 'Rossi' }, /Unrecognized key.*"surname"/],
      [{ ...BLANKET, flightNumber: 'AF1780' }, /Unrecognized key.*"flightNumber"/],
      [{ ...BLANKET, needs: [] }, /^needs: choose at least one need$/],
      [{ ...BLANKET, needs: ['caviar'] }, /^needs\.0: /],
      [{ ...BLANKET, needs: Array.from({ length: 1000 }, () => 'water') }, /^needs: /],
      [{ ...BLANKET, party: { adults: 500, children: 0, infants: 0 } }, /^party\.adults: /],
      [{ ...BLANKET, party: { adults: 0, children: 0, infants: 0 } }, /a party has at least one person/],
      [{ ...BLANKET, note: 'x'.repeat(10_000) }, /^note: a note is at most 500 characters$/],
      ['not an object', /./],
      [null, /./],
    ];
    for (const [choices, reason] of refusals) {
      const answer = await phone.ask(choices);
      expect(answer.ok, JSON.stringify(choices).slice(0, 80)).toBe(false);
      if (!answer.ok) expect(answer.reason).toMatch(reason);
    }
    expect(Object.keys(env.hub.hub.current.requests)).toHaveLength(before);

    // A ticket at K41 asks at K41, whatever it sends.
    const rome = await ticketAt('K41', 'AF1780', 'Rossi');
    expect(await rome.phone.ask(BLANKET)).toEqual({ v: 1, ok: true });
    const made = env.hub.hub.current.requests[rome.requestId]!.phoneAsks!.map((id) => env.hub.hub.current.requests[id]!);
    expect(made.map((r) => [r.gate, r.flightNumber, r.surname])).toEqual([['K41', 'AF1780', 'Rossi']]);

    // A frame over the hub's message limit closes that socket only; the hub and other phones go on.
    phone.socket.emit('ask', { ...BLANKET, note: 'x'.repeat(200_000) });
    await waitFor(() => !phone.socket.connected, 'the oversized frame closes its socket');
    expect(await rome.phone.ask({ ...BLANKET, needs: ['food'] })).toEqual({ v: 1, ok: true });
  });
});

describe('asking from the phone is rate limited per capability and per address', () => {
  const env = useTestHub({ options: { phoneLimits: { asksBurst: 2, asksPerMinute: 0.1 } } });

  it('a flood gets a reason with the wait, a second link from the same address shares the limit, and what was accepted stays', async () => {
    const { kiosk, me } = await env.enrolledKiosk('K32');
    const links: string[] = [];
    const ids: string[] = [];
    for (const surname of ['Moreau', 'Haddad']) {
      const body = createRequest({ surname });
      if (body.type !== 'request.create') throw new Error('unexpected');
      expect(await kiosk.submit(op(me, body))).toMatchObject({ ok: true });
      const a = await askPhoneLink(kiosk, { ticket: env.hub.hub.current.requests[body.payload.requestId]!.ticket });
      if (!a.ok) throw new Error(a.reason);
      links.push(capabilityOf(a.url));
      ids.push(body.payload.requestId);
    }
    const first = await connectPhone(env.hub.url, links[0]);
    const second = await connectPhone(env.hub.url, links[1]);
    try {
      expect(await first.ask(BLANKET)).toEqual({ v: 1, ok: true });
      expect(await first.ask(BLANKET)).toEqual({ v: 1, ok: true });
      const limited = await first.ask(BLANKET);
      expect(limited.ok === false && limited.reason).toMatch(/^too many requests from this phone: please wait \d+ s$/);
      // Another ticket's link from the same address: the address's bucket is empty too.
      const fromSameAddress = await second.ask(BLANKET);
      expect(fromSameAddress.ok === false && fromSameAddress.reason).toMatch(/^too many requests from this phone/);
      expect(env.hub.hub.current.requests[ids[0]!]!.phoneAsks).toHaveLength(2);
      expect(env.hub.hub.current.requests[ids[1]!]!.phoneAsks).toBeUndefined();
    } finally {
      first.close();
      second.close();
    }
  });
});
