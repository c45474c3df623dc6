import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { EVENTS, type HubState, type TicketLookup } from '../../core/index.ts';
import { LOOKUPS_PER_MINUTE } from '../../server/sockets.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';

const lookup = (d: TestDevice, args: unknown): Promise<TicketLookup> =>
  d.socket.timeout(5000).emitWithAck(EVENTS.ticketLookup, args) as Promise<TicketLookup>;

describe('what kiosks and strangers at a kiosk can learn', () => {
  const env = useTestHub({ options: { limits: { opsPerSecond: 1e6, opsBurst: 1e6 } } });

  it('a look-up by flight and surname (on any boarding pass) never says what was asked; the ticket number still does', async () => {
    const a = await enrollKiosk(env.hub.url, 'K32');
    const ka = await env.device(a.auth);
    const body = createRequest({ gate: 'K32', surname: 'Delacroix', needs: ['medical', 'medication_diet'] });
    expect(await ka.submit(op({ kind: 'kiosk', id: a.device }, body))).toMatchObject({ ok: true });
    const ticket = body.type === 'request.create' ? env.hub.hub.current.requests[body.payload.requestId]!.ticket : '';

    const b = await enrollKiosk(env.hub.url, 'K33');
    const kb = await env.device(b.auth);
    const byPass = await lookup(kb, { flightNumber: 'AF1634', surname: 'DELACROIX' });
    expect(byPass).toMatchObject({ ok: true, tickets: [{ ticket, needs: [] }] });
    expect(JSON.stringify(byPass)).not.toMatch(/medical|medication_diet/);
    expect(await lookup(kb, { ticket })).toMatchObject({ ok: true, tickets: [{ ticket, needs: ['medical', 'medication_diet'] }] });
  });

  it(`look-ups are limited per device across all its sockets: reconnecting does not reset the ${LOOKUPS_PER_MINUTE} a minute`, async () => {
    const k = await enrollKiosk(env.hub.url, 'K34');
    const first = await connectDevice(env.hub.url, k.auth);
    const second = await connectDevice(env.hub.url, k.auth);
    const answers: TicketLookup[] = [];
    for (let i = 0; i < LOOKUPS_PER_MINUTE; i++) answers.push(await lookup(i % 2 ? first : second, { ticket: `ZZ${String(1000 + i)}` }));
    expect(answers.every((a) => a.ok)).toBe(true);
    first.close();
    second.close();
    const fresh = await env.device(k.auth);
    expect(await lookup(fresh, { ticket: 'ZZ9999' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too many look-ups from this device/),
    });
  });

  it("a kiosk's copy holds no approval note, no staff surnames and no log of rule changes, in the snapshot or live", async () => {
    const k = await enrollKiosk(env.hub.url, 'K35');
    const kiosk = await env.device(k.auth);
    const body = createRequest({ gate: 'K35', party: { adults: 1, children: 0, infants: 0 } });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
    const amira = await env.staff('A101');
    const claire = await env.staff('M201');
    const voucherId = uuidv7();
    expect(
      await amira.submit(
        op(
          { kind: 'staff', id: 'A101' },
          {
            type: 'voucher.escalate',
            payload: { voucherId, requestId, kind: 'hotel', amountCents: 320_00, currency: 'EUR', note: 'overnight' },
          },
        ),
      ),
    ).toMatchObject({ ok: true });
    const secret = 'Approved as a favour to the CEO';
    expect(await claire.submit(op({ kind: 'staff', id: 'M201' }, { type: 'voucher.approve', payload: { voucherId, note: secret } }))).toMatchObject({
      ok: true,
    });
    await waitFor(
      () =>
        kiosk.received
          .flatMap((m) => m.entries)
          .some((e) => e.op.type === 'kiosk.view' && e.op.payload.vouchers.some((v) => v.id === voucherId && v.status === 'issued')),
      'the kiosk hears of the approval',
    );
    expect(JSON.stringify(kiosk.received)).not.toContain(secret);

    const pulled = await kiosk.pull(0);
    const state = (pulled as { state: HubState }).state;
    expect(state.vouchers[voucherId]).toMatchObject({ status: 'issued' });
    expect(JSON.stringify(state)).not.toContain(secret);
    expect(state.policyLog).toEqual([]);
    for (const s of Object.values(state.staff)) expect(s.lastName).toBe('');
    expect(JSON.stringify(state)).not.toContain('Dubois');
    // Staff keep all of it.
    const staffView = (await claire.pull(0)) as { state: HubState };
    expect(staffView.state.vouchers[voucherId]?.decisionNote).toBe(secret);
    expect(staffView.state.staff.M201?.lastName).toBe('Dubois');
  });

  it("an agent cannot create a request outside their gates, nor in a kiosk's name", async () => {
    const k = await enrollKiosk(env.hub.url, 'K36');
    const kiosk = await env.device(k.auth);
    expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, createRequest({ gate: 'K36', flightNumber: 'AF0084' })))).toMatchObject({
      ok: true,
    });
    const amira = await env.staff('A101');
    const me = { kind: 'staff' as const, id: 'A101' };
    expect(await amira.submit(op(me, createRequest({ gate: 'K41', flightNumber: 'AF1780' })))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'gate K41 is not one of your gates',
    });
    const planted = { ...op(me, createRequest({ gate: 'K36', flightNumber: 'AF0084' })), device: k.device };
    expect(await amira.submit(planted)).toMatchObject({ ok: false, code: 'forbidden', reason: expect.stringMatching(/is a kiosk/) });
    // On her own tablet, at her own gate, she may ask on a passenger's behalf.
    expect(await amira.submit(op(me, createRequest({ gate: 'K36', flightNumber: 'AF0084' })))).toMatchObject({ ok: true });
  });
});
