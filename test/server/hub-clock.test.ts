import { describe, expect, it } from 'vitest';
import { EVENTS, tonight, type LogEntry, type OutletVoucher, type TicketLookup } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, KIOSK, createRequest, op, requestIdOf } from '../helpers/ops.ts';
import { getWithToken, postJson } from '../helpers/rest.ts';
import { CLAIRE, publishNotice } from '../helpers/manager-ops.ts';
import { v7 as uuidv7 } from 'uuid';

const START = Date.parse('2026-11-23T12:00:00Z');

describe('one injected clock drives every time decision of the hub', () => {
  let clock = START;
  const env = useTestHub({ perTest: true, options: { now: () => clock } });
  const entries = (d: TestDevice): LogEntry[] => d.received.flatMap((m) => m.entries);
  const lookup = (d: TestDevice, query: unknown) => d.socket.timeout(5000).emitWithAck(EVENTS.ticketLookup, query) as Promise<TicketLookup>;

  it('a notice reaches kiosks only once the hub clock has passed its lead, whatever the wall clock says', async () => {
    clock = START;
    const kiosk = await env.kiosk('K32', KIOSK.id);
    const manager = await env.staff('M201');
    const body = publishNotice({ kind: 'all' }, { leadSeconds: 120 });
    const published = await manager.submit(op(CLAIRE, body, new Date(clock).toISOString()));
    expect(published).toMatchObject({ ok: true });
    expect(env.hub.hub.current.notices[body.payload.noticeId]!.publishedAt).toBe(new Date(START).toISOString());

    clock = START + 119_000;
    env.hub.reveals.tick();
    // Barrier: the kiosk's own request comes back after anything committed before it.
    const ask = await kiosk.submit(op(KIOSK, createRequest(), new Date(clock).toISOString()));
    expect(ask).toMatchObject({ ok: true });
    await waitFor(() => entries(kiosk).find((e) => e.op.type === 'request.create'), 'the kiosk gets its request back');
    expect(entries(kiosk).some((e) => e.op.type.startsWith('notice.'))).toBe(false);
    expect(env.hub.hub.current.notices[body.payload.noticeId]!.revealedAt).toBeNull();

    clock = START + 121_000;
    env.hub.reveals.tick();
    const reveal = await waitFor(() => entries(kiosk).find((e) => e.op.type === 'notice.reveal'), 'the kiosk gets the reveal');
    expect(reveal.at).toBe(new Date(START + 121_000).toISOString());
  });

  it('a look-up by flight and surname finds tickets of the last 24 hours by the hub clock', async () => {
    clock = START;
    const kiosk = await env.kiosk('K32', KIOSK.id);
    expect(await kiosk.submit(op(KIOSK, createRequest({ surname: 'Moreau' }), new Date(clock).toISOString()))).toMatchObject({ ok: true });
    await env.hub.hub.flush();
    const query = { flightNumber: 'AF1634', surname: 'Moreau' };
    expect(await lookup(kiosk, query)).toMatchObject({ ok: true, tickets: [{ flightNumber: 'AF1634' }] });

    clock = START + 25 * 3600_000;
    // Kiosk tokens last a year, so the same socket still asks; only the window has moved.
    expect(await lookup(kiosk, query)).toEqual({ v: 1, ok: true, tickets: [] });
  });

  it("names the report after the hub clock's airport time, and tells that time on /api/health", async () => {
    clock = START;
    const manager = await env.token('M201');
    const auth = { authorization: `Bearer ${manager}` };
    const res = await fetch(`${env.hub.url}/api/report.csv`, { headers: auth });
    // 12:00 UTC is 13:00 in Paris, the demo airport's zone.
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="gatecare-report-20261123-1300.csv"');

    clock = START + 3600_000;
    const health = (await (await fetch(`${env.hub.url}/api/health`)).json()) as { time: string };
    expect(health.time).toBe(new Date(START + 3600_000).toISOString());
  });
  it("an outlet's look-up and redemption, and a hotel desk's night, are judged by the hub clock, not the wall clock", async () => {
    // The hub clock stands a week before the wall clock, so a wall-clock reading would find the voucher long expired.
    clock = START;
    const iso = () => new Date(clock).toISOString();
    const kiosk = await env.kiosk('K32', KIOSK.id);
    const agent = await env.staff('A101');
    const body = createRequest({ surname: 'Moreau' });
    expect(await kiosk.submit(op(KIOSK, body, iso()))).toMatchObject({ ok: true });
    const voucherId = uuidv7();
    const issue = {
      type: 'voucher.issue' as const,
      payload: { voucherId, requestId: requestIdOf(body), kind: 'meal' as const, amountCents: 1500, currency: 'EUR' },
    };
    expect(await agent.submit(op(AMIRA, issue, iso()))).toMatchObject({ ok: true });
    await env.hub.hub.flush();
    const code = env.hub.hub.current.vouchers[voucherId]!.code;
    const cafe = env.hub.outletTokens.issue('demo-2e-cafe', 'M201').token;
    const lookUp = async () =>
      ((await (await postJson(env.hub.url, '/api/outlet/lookup', { scan: code }, cafe)).json()) as { vouchers: OutletVoucher[] }).vouchers[0]!;

    const valid = await lookUp();
    expect(valid).toMatchObject({ refusalCode: null, refusal: null });
    const spent = await postJson(env.hub.url, '/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 600 }, cafe);
    expect(spent.status).toBe(200);
    // The redemption's operation carries the hub clock's time, as tablets receive it.
    const redeemed = await waitFor(() => entries(agent).find((e) => e.op.type === 'voucher.redeem'), 'the tablet gets the redemption');
    expect(redeemed.op.at).toBe(iso());

    clock = Date.parse(valid.validUntil!) + 60_000;
    expect(await lookUp()).toMatchObject({ refusalCode: 'expired' });
    const late = await postJson(env.hub.url, '/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents: 100 }, cafe);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ refusal: 'expired' });

    // A hotel desk asking for its guests without naming a night gets tonight at the airport by the hub clock.
    clock = START;
    const desk = env.hub.outletTokens.issue('demo-2e-hotel-desk', 'M201').token;
    const guests = (await (await getWithToken(env.hub.url, '/api/outlet/hotel/guests', desk)).json()) as { night: string };
    expect(guests.night).toBe(tonight(env.hub.hub.current, iso()));
    expect(guests.night).toBe('2026-11-23');
  });
});
