import { describe, expect, it } from 'vitest';
import { EVENTS, type TicketLookup } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';

function lookup(d: TestDevice, query: unknown): Promise<TicketLookup> {
  return d.socket.timeout(5000).emitWithAck(EVENTS.ticketLookup, query) as Promise<TicketLookup>;
}

describe('returning passenger and kiosk privacy, over real sockets', () => {
  const env = useTestHub();
  async function kiosk(id: string, gate: string): Promise<TestDevice> {
    return env.kiosk(gate, id);
  }

  it('another kiosk finds a ticket by number or pass and follows it, never seeing who asked', async () => {
    const k32 = await kiosk(KIOSK.id, 'K32');
    const k41 = await kiosk('kiosk-test-0002', 'K41');
    const staff = await env.staff('A101');

    const mine = createRequest({ surname: 'Moreau', note: 'my son is diabetic' });
    const other = createRequest({ surname: 'Haddad', note: 'wheelchair' });
    const mineId = mine.type === 'request.create' ? mine.payload.requestId : '';
    expect(await k32.submit(op(KIOSK, mine))).toMatchObject({ ok: true });
    expect(await k32.submit(op(KIOSK, other))).toMatchObject({ ok: true });
    const ticket = env.hub.hub.current.requests[mineId]!.ticket;

    const byNumber = await lookup(k41, { ticket: ticket.replace('-', '').toLowerCase() });
    expect(byNumber).toMatchObject({ ok: true, tickets: [{ ticket, status: 'received', gate: 'K32', flightNumber: 'AF1634' }] });
    if (byNumber.ok) expect(byNumber.tickets[0]!.wait).toMatchObject({ position: 1, basis: 'typical_pace' });
    expect(JSON.stringify(byNumber)).not.toMatch(/Moreau|Haddad|diabetic|wheelchair|kiosk-test/);

    const byPass = await lookup(k41, { flightNumber: 'af 1634', surname: 'MOREAU' });
    expect(byPass.ok && byPass.tickets.map((t) => t.ticket)).toEqual([ticket]);

    expect(await staff.submit(op(AMIRA, { type: 'request.claim', payload: { requestId: mineId } }))).toMatchObject({ ok: true });
    expect(await lookup(k41, { ticket })).toMatchObject({
      ok: true,
      tickets: [{ status: 'claimed', claimedByName: 'Amira', wait: { basis: 'on_the_way' } }],
    });

    expect(await lookup(k41, { ticket: '' })).toMatchObject({ ok: false });
    expect(await lookup(k41, { flightNumber: 'not a flight', surname: 'X' })).toMatchObject({ ok: false });
    const bad = await lookup(k41, 'DROP TABLE');
    expect(bad.ok === false && bad.reason).toMatch(/look up a ticket by/);
  });

  it('the kiosk that asked gets its requests back without surname or note once the hub has them', async () => {
    const k = await kiosk('kiosk-test-0003', 'K32');
    const body = createRequest({ surname: 'Lefebvre', note: 'allergic to nuts' });
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await k.submit(op({ kind: 'kiosk', id: 'kiosk-test-0003' }, body))).toMatchObject({ ok: true });
    const pushed = await waitFor(
      () => k.received.flatMap((m) => m.entries).find((e) => e.op.type === 'request.create'),
      'the kiosk receives its request back',
    );
    expect(JSON.stringify(pushed)).not.toMatch(/Lefebvre|allergic/);

    const snapshot = await k.pull(0);
    expect(snapshot.kind).toBe('snapshot');
    if (snapshot.kind === 'snapshot') {
      expect(snapshot.state.requests[id]).toMatchObject({ status: 'received', surname: '', note: '' });
    }
    const entries = await k.pull(1);
    expect(entries.kind).toBe('entries');
    expect(JSON.stringify(entries)).not.toMatch(/Lefebvre|allergic|Moreau/);

    // Staff still get the full request: they need the name to find the passenger.
    const staff = await env.staff('A101');
    const staffView = await staff.pull(0);
    if (staffView.kind === 'snapshot') expect(staffView.state.requests[id]).toMatchObject({ surname: 'Lefebvre', note: 'allergic to nuts' });
  });

  it('slows down a device that guesses ticket numbers', async () => {
    const k = await kiosk('kiosk-test-0004', 'K33');
    const answers: TicketLookup[] = [];
    for (let i = 0; i < 35; i++) answers.push(await lookup(k, { ticket: `AAA-${String(i).padStart(3, '0')}` }));
    expect(answers.slice(0, 30).every((a) => a.ok)).toBe(true);
    expect(answers[34]).toMatchObject({ ok: false, reason: expect.stringMatching(/too many/) });
  });
});
