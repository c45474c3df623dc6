import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, type TicketLookup } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { passFor } from '../helpers/bcbp.ts';
import { CAFE_2E, enrollOutlet } from '../helpers/enroll.ts';
import { postJson } from '../helpers/rest.ts';
import { AMIRA, createRequest, KIOSK, op } from '../helpers/ops.ts';
import { passengerListCsv } from '../helpers/passenger-list-csv.ts';

const MANAGER = { kind: 'staff' as const, id: 'M201' };
const HOUR = 3600_000;

const LIST = passengerListCsv('Moreau,Anne,XK4P2Q,Y,23A,42,', 'Martin,Paul,XK4P2R,Y,23B,43,', 'Dubois,Léa,K7QX2A,J,02C,7,');

describe('a whole flight in one tap over the real hub', () => {
  const env = useTestHub();
  let manager: TestDevice;
  let flightId = '';
  let managerToken = '';

  const post = (path: string, body: unknown, token?: string) => postJson(env.hub.url, path, body, token);
  const issue = (extra: Record<string, unknown> = {}) =>
    op(MANAGER, { type: 'vouchers.issueFlight', payload: { flightId, kind: 'meal', ...extra } } as never);

  beforeAll(async () => {
    managerToken = await env.token('M201');
    manager = await env.device({ token: managerToken });
    const listed = await post('/api/flights/AF1634/passengers', { text: LIST }, managerToken);
    expect(listed.status).toBe(200);
    flightId = ((await listed.json()) as { flightId: string }).flightId;
  });

  it('agents and kiosks are refused; a duty manager issues once, with the confirmed count and total; the same tap again gives nothing', async () => {
    const agent = await env.staff('A101');
    expect(await agent.submit(op(AMIRA, { type: 'vouchers.issueFlight', payload: { flightId, kind: 'meal' } }))).toMatchObject({
      ok: false,
      reason: 'agent may not perform vouchers.issueFlight',
    });
    const kiosk = await env.kiosk('K32');
    expect(await kiosk.submit(op(KIOSK, { type: 'vouchers.issueFlight', payload: { flightId, kind: 'meal' } }))).toMatchObject({ ok: false });
    // A stale confirmation (the manager saw two passengers) is refused with what it is now.
    expect(await manager.submit(issue({ expect: { vouchers: 2, totalMinor: 3000 } }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('it is now 3 meal vouchers to 3 passengers, 45.00 EUR'),
    });
    expect(await manager.submit(issue({ expect: { vouchers: 3, totalMinor: 4500 } }))).toMatchObject({ ok: true });
    expect(await manager.submit(issue())).toMatchObject({ ok: false, reason: expect.stringContaining('already holds') });
    const bound = Object.values(env.hub.hub.current.vouchers).filter((v) => v.bound?.flightId === flightId);
    expect(bound).toHaveLength(3);
    // Agents hold them (staff see the flight's list); the kiosk never receives the operation.
    await waitFor(() => agent.received.some((m) => m.entries.some((e) => e.op.type === 'vouchers.issueFlight')), 'the agent receives the issue');
    await env.settled(kiosk);
    expect(kiosk.received.some((m) => m.entries.some((e) => e.op.type === 'vouchers.issueFlight'))).toBe(false);
  });

  it('the outlet finds it by the boarding pass, and the kiosk ticket of the listed passenger shows it', async () => {
    const cafe = await enrollOutlet(env.hub.url, { ...CAFE_2E, outletId: 'outlet-cafe-flight01' });
    const pass = passFor(env.hub.hub.current.flights[flightId]!, 'MOREAU/ANNE', { sequence: '0042' });
    const looked = (await (await post('/api/outlet/lookup', { scan: pass }, cafe)).json()) as {
      vouchers: { amountCents: number; initial: string }[];
    };
    expect(looked.vouchers).toEqual([expect.objectContaining({ amountCents: 1500, initial: 'M' })]);

    const kiosk = await env.kiosk('K32', 'kiosk-flightcare-01');
    const body = createRequest({ surname: 'MOREAU', checkInSequence: 42 });
    expect(await kiosk.submit(op({ kind: 'kiosk', id: 'kiosk-flightcare-01' }, body))).toMatchObject({ ok: true });
    const ticket = env.hub.hub.current.requests[body.type === 'request.create' ? body.payload.requestId : '']!.ticket;
    const answer = (await kiosk.socket.timeout(5000).emitWithAck(EVENTS.ticketLookup, { ticket })) as TicketLookup;
    expect(answer).toMatchObject({
      ok: true,
      tickets: [{ vouchers: [expect.objectContaining({ kind: 'meal', amountCents: 1500, code: expect.stringMatching(/^GC-/) })] }],
    });
  });

  it('the billing CSV is for duty managers only and counts the whole flight', async () => {
    const get = (token: string) => fetch(`${env.hub.url}/api/vouchers.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get(await env.token('A101'))).status).toBe(403);
    const res = await get(managerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect((await res.text()).split('\r\n')[1]).toMatch(/^airline,AF,,3,45\.00,/);
  });

  it('refuses huge and malformed payloads with a reason', async () => {
    expect(await manager.submit(issue({ cabins: Array.from({ length: 5000 }, () => 'economy') }))).toMatchObject({ ok: false });
    expect(await manager.submit(issue({ kind: 'hotel' }))).toMatchObject({ ok: false, reason: expect.stringContaining('meal') });
    expect(await manager.submit(issue({ passengers: [{ sequence: 1 }] }))).toMatchObject({ ok: false });
  });

  it('with autoTopUp the hub tops up by itself when the delay grows past the next meal, once', async () => {
    const af = env.hub.hub.current.airlines['AF']!;
    expect(await manager.submit(op(MANAGER, { type: 'airline.upsert', payload: { ...af, mealEveryHours: 2, autoTopUp: true } }))).toMatchObject({
      ok: true,
    });
    const flight = env.hub.hub.current.flights[flightId]!;
    const later = new Date(Date.parse(flight.estimatedDeparture) + 3 * HOUR).toISOString();
    expect(await manager.submit(op(MANAGER, { type: 'flight.delay', payload: { flightId, estimatedDeparture: later } }))).toMatchObject({ ok: true });
    const stepsOf = () =>
      Object.values(env.hub.hub.current.vouchers)
        .filter((v) => v.bound?.flightId === flightId)
        .map((v) => `${v.bound!.sequence}:${v.bound!.step}`)
        .sort();
    await waitFor(() => stepsOf().length > 3, 'the automatic top-up');
    await env.settled(manager);
    const steps = stepsOf();
    expect(new Set(steps).size).toBe(steps.length);
    // 5 h 30 late, counted from the Art. 6(2) offer time (2 h): 3 h 30 waited, one meal more.
    expect(steps.filter((s) => s.startsWith('42:'))).toEqual(['42:1', '42:2']);
    // A manual top-up racing it gives nothing more.
    expect(await manager.submit(issue({ topUp: true }))).toMatchObject({ ok: false, reason: expect.stringContaining('no top-up due') });
  });
});
