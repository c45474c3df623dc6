import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, createRequest, op } from '../helpers/ops.ts';
import type { Actor } from '../../core/index.ts';
import { askPhoneLink, capabilityOf, connectPhone, type TestPhone } from '../helpers/phone-client.ts';

async function refusal(p: Promise<TestPhone>): Promise<{ message: string; data?: { closed?: string } }> {
  try {
    (await p).close();
  } catch (e) {
    return e as { message: string; data?: { closed?: string } };
  }
  throw new Error('the hub let the phone in');
}

describe('phone links: a capability that opens one ticket and nothing else', () => {
  const env = useTestHub();
  const kioskOf = (gate = 'K32') => env.enrolledKiosk(gate);
  const submit = async (
    k: { kiosk: TestDevice; me: Actor },
    overrides: Parameters<typeof createRequest>[0] = {},
  ): Promise<{ id: string; ticket: string }> => {
    const body = createRequest(overrides);
    if (body.type !== 'request.create') throw new Error('unexpected');
    expect(await k.kiosk.submit(op(k.me, body))).toMatchObject({ ok: true });
    return { id: body.payload.requestId, ticket: env.hub.hub.current.requests[body.payload.requestId]!.ticket };
  };
  const link = async (k: { kiosk: TestDevice }, ticket: string): Promise<string> => {
    const a = await askPhoneLink(k.kiosk, { ticket });
    if (!a.ok) throw new Error(a.reason);
    return a.url;
  };

  it('only the kiosk that made a ticket gets its link by number; the phone reads that ticket alone, live', async () => {
    const here = await kioskOf();
    const mine = await submit(here, { surname: 'Moreau', note: 'my son is diabetic' });
    const other = await submit(here, { surname: 'Haddad', note: 'wheelchair' });

    const answer = await askPhoneLink(here.kiosk, { ticket: mine.ticket }, 'http://10.0.0.5:8080/kiosk/?gate=K32');
    expect(answer).toMatchObject({ ok: true });
    if (!answer.ok) return;
    expect(answer.url).toMatch(/^http:\/\/10\.0\.0\.5:8080\/p\/#[A-Za-z0-9_-]{43}$/);
    expect(answer.qrSvg).toMatch(/^<svg/);
    // 128 bits of tag besides the request id: the same ticket gives the same link, another ticket another.
    const cap = capabilityOf(answer.url);
    expect(capabilityOf(await link(here, mine.ticket))).toBe(cap);
    expect(capabilityOf(await link(here, other.ticket))).not.toBe(cap);

    const elsewhere = await kioskOf('K41');
    expect(await askPhoneLink(elsewhere.kiosk, { ticket: mine.ticket })).toMatchObject({ ok: false, reason: 'no ticket of this kiosk matches' });
    // A pass scanned again finds it on the kiosk where it was made, never elsewhere (a flight and a surname are guessable).
    expect(await askPhoneLink(elsewhere.kiosk, { flightNumber: 'AF1634', surname: 'moreau' })).toMatchObject({ ok: false });
    const byPass = await askPhoneLink(here.kiosk, { flightNumber: 'AF1634', surname: 'moreau' });
    expect(byPass.ok && capabilityOf(byPass.url)).toBe(cap);
    const staff = await env.staff('A101');
    expect(await askPhoneLink(staff, { ticket: mine.ticket })).toMatchObject({ ok: false, reason: 'only a kiosk gives out phone links' });
    expect(await askPhoneLink(here.kiosk, { ticket: mine.ticket }, 'javascript:alert(1)')).toMatchObject({ ok: false });

    const phone = await connectPhone(env.hub.url, capabilityOf(answer.url));
    try {
      const first = await waitFor(() => phone.latest(), 'the phone receives its ticket');
      expect(first).toMatchObject({ ticket: mine.ticket, status: 'received', language: 'fr', flight: { number: 'AF1634', gate: 'K32' } });
      expect(first.entitlements.length).toBeGreaterThan(0);
      const seen = JSON.stringify(phone.views);
      expect(seen).not.toMatch(/Moreau|Haddad|diabetic|wheelchair|kiosk-|A101|Benali/);
      expect(seen).not.toContain(other.ticket);

      expect(await staff.submit(op(AMIRA, { type: 'request.claim', payload: { requestId: mine.id } }))).toMatchObject({ ok: true });
      await waitFor(() => phone.latest()?.status === 'claimed', 'the phone sees the claim');
      expect(phone.latest()).toMatchObject({ claimedByName: 'Amira', wait: { basis: 'on_the_way' } });
    } finally {
      phone.close();
    }
  });

  it('a forged, truncated or missing capability is refused with a clear reason', async () => {
    const here = await kioskOf();
    const { ticket } = await submit(here);
    const cap = capabilityOf(await link(here, ticket));
    const flipped = cap.slice(0, 30) + (cap[30] === 'A' ? 'B' : 'A') + cap.slice(31);
    for (const bad of [flipped, cap.slice(0, 22), `${cap}x`, '', undefined, 42, '<script>'.padEnd(43, 'a')]) {
      const e = await refusal(connectPhone(env.hub.url, bad));
      expect(e.message).toBe('this link is not a GateCare ticket link: check it was copied whole');
      expect(e.data).toEqual({ closed: 'unknown' });
    }
  });

  it("a written thread: the passenger writes, the gate's staff read it whole and answer; kiosks never see the words", async () => {
    const here = await kioskOf();
    const { id, ticket } = await submit(here);
    const agent = await env.staff('A101');
    const phone = await connectPhone(env.hub.url, capabilityOf(await link(here, ticket)));
    try {
      expect(await phone.write('My child has a fever <b>now</b>')).toEqual({ v: 1, ok: true });
      const entry = await waitFor(
        () => agent.received.flatMap((m) => m.entries).find((e) => e.op.type === 'thread.passenger'),
        'the agent receives the message',
      );
      expect(entry.op.payload).toEqual({ requestId: id, text: 'My child has a fever <b>now</b>' });
      const atKiosk = await waitFor(
        () =>
          here.kiosk.received
            .flatMap((m) => m.entries)
            .find((e) => e.op.type === 'kiosk.view' && e.op.payload.requests.some((r) => r.id === id && r.thread?.length)),
        'the kiosk gets its ticket with the message, as records (kiosk.view)',
      );
      expect(JSON.stringify(atKiosk)).not.toContain('fever');

      expect(await agent.submit(op(AMIRA, { type: 'thread.staff', payload: { requestId: id, text: 'I am coming with paracetamol' } }))).toMatchObject(
        { ok: true },
      );
      await waitFor(() => phone.latest()?.thread.length === 2, 'the phone shows the answer');
      expect(phone.latest()!.thread.map((m) => [m.from, m.byName, m.text])).toEqual([
        ['passenger', null, 'My child has a fever <b>now</b>'],
        ['staff', 'Amira', 'I am coming with paracetamol'],
      ]);

      expect(await phone.write('   ')).toEqual({ v: 1, ok: false, reason: 'a message cannot be empty' });
      expect(await phone.write('x'.repeat(501))).toEqual({ v: 1, ok: false, reason: 'a message is at most 500 characters' });
      expect(await phone.write({ html: 1 })).toMatchObject({ ok: false });
      // A reconnecting phone catches up with everything at once.
      const again = await connectPhone(env.hub.url, capabilityOf(await link(here, ticket)));
      try {
        await waitFor(() => again.latest()?.thread.length === 2, 'a new connection gets the whole thread');
      } finally {
        again.close();
      }
    } finally {
      phone.close();
    }
  });

  it('"lost phone": staff revoke the link, the open phone is told at once, the old link stays dead and the kiosk gives a new one', async () => {
    const here = await kioskOf();
    const { id, ticket } = await submit(here);
    const old = capabilityOf(await link(here, ticket));
    const phone = await connectPhone(env.hub.url, old);
    const agent = await env.staff('A101');
    expect(await agent.submit(op(AMIRA, { type: 'phone.revoke', payload: { requestId: id } }))).toMatchObject({ ok: true });
    await waitFor(() => phone.closed[0], 'the phone is told');
    expect(phone.closed[0]).toEqual({ v: 1, closed: 'revoked', reason: 'this link was switched off by the staff' });
    await waitFor(() => !phone.socket.connected, 'the hub disconnects the phone');

    const e = await refusal(connectPhone(env.hub.url, old));
    expect(e).toMatchObject({ message: 'this link was switched off by the staff', data: { closed: 'revoked' } });
    const fresh = capabilityOf(await link(here, ticket));
    expect(fresh).not.toBe(old);
    (await connectPhone(env.hub.url, fresh)).close();
  });
});

describe('phone links are rate limited per capability and per address', () => {
  const env = useTestHub({ options: { phoneLimits: { writesBurst: 3, writesPerMinute: 1, connectsBurst: 6, connectsPerSecond: 0.01 } } });

  it('a flood of messages or connections is refused with a reason, the ticket keeps what was accepted', async () => {
    const { kiosk, me } = await env.enrolledKiosk('K32');
    const body = createRequest();
    if (body.type !== 'request.create') throw new Error('unexpected');
    expect(await kiosk.submit(op(me, body))).toMatchObject({ ok: true });
    const ticket = env.hub.hub.current.requests[body.payload.requestId]!.ticket;
    const a = await askPhoneLink(kiosk, { ticket });
    if (!a.ok) throw new Error(a.reason);
    const phone = await connectPhone(env.hub.url, capabilityOf(a.url));
    try {
      for (let i = 0; i < 3; i++) expect(await phone.write(`message ${i}`)).toEqual({ v: 1, ok: true });
      const limited = await phone.write('one too many');
      expect(limited.ok === false && limited.reason).toMatch(/^too many messages: please wait \d+ s$/);
      expect(env.hub.hub.current.requests[body.payload.requestId]!.thread!.map((m) => m.text)).toEqual(['message 0', 'message 1', 'message 2']);
    } finally {
      phone.close();
    }
    // One connection made above; five more fit the burst, then the address is refused, even with a good link.
    for (let i = 0; i < 5; i++) await refusal(connectPhone(env.hub.url, 'x')).catch(() => undefined);
    const e = await refusal(connectPhone(env.hub.url, capabilityOf(a.url)));
    expect(e.message).toMatch(/^too many connections from this address: try again in \d+ s$/);
  });
});

describe("the purge kills phone links with the passenger's data", () => {
  let clock = Date.now();
  const env = useTestHub({ config: { purgeAfterHours: 1 }, options: { now: () => clock, purgeEveryMs: 3600_000 } });

  it('an open phone is told its ticket is closed, its thread is blanked, and the link no longer opens', async () => {
    const { kiosk, me } = await env.enrolledKiosk('K32');
    const body = createRequest();
    if (body.type !== 'request.create') throw new Error('unexpected');
    const id = body.payload.requestId;
    expect(await kiosk.submit(op(me, body))).toMatchObject({ ok: true });
    const a = await askPhoneLink(kiosk, { ticket: env.hub.hub.current.requests[id]!.ticket });
    if (!a.ok) throw new Error(a.reason);
    const phone = await connectPhone(env.hub.url, capabilityOf(a.url));
    expect(await phone.write('We moved to the café by gate K40')).toMatchObject({ ok: true });

    const f = env.hub.hub.current.flights[env.hub.hub.current.requests[id]!.flightId]!;
    clock = Math.max(Date.parse(f.estimatedDeparture), Date.parse(f.scheduledDeparture)) + 2 * 3600_000;
    await env.hub.purge.tick();
    await waitFor(() => phone.closed[0], 'the phone is told');
    expect(phone.closed[0]).toMatchObject({ closed: 'purged' });
    expect(JSON.stringify(env.hub.hub.current.requests[id])).not.toContain('café');
    const e = await refusal(connectPhone(env.hub.url, capabilityOf(a.url)));
    expect(e).toMatchObject({ message: 'this ticket is closed and its details were deleted', data: { closed: 'purged' } });
    expect(await askPhoneLink(kiosk, { ticket: env.hub.hub.current.requests[id]!.ticket })).toMatchObject({ ok: false });
  });
});
