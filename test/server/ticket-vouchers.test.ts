import { describe, expect, it } from 'vitest';
import { EVENTS, type TicketLookup } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';
import { CLAIRE } from '../helpers/manager-ops.ts';
import { voucherBody } from '../helpers/core-fixtures.ts';

function lookup(d: TestDevice, query: unknown): Promise<TicketLookup> {
  return d.socket.timeout(5000).emitWithAck(EVENTS.ticketLookup, query) as Promise<TicketLookup>;
}

describe('a ticket lookup shows the passenger every voucher of the ticket, over real sockets', () => {
  const env = useTestHub();

  it('issued with code and validity, escalated as waiting, declined as declined; never who asked why or what the manager wrote', async () => {
    const k32 = await env.kiosk('K32', KIOSK.id);
    const k41 = await env.kiosk('K41');
    const amira = await env.staff('A101');
    const claire = await env.staff('M201');

    const body = createRequest({ surname: 'Moreau', party: { adults: 2, children: 0, infants: 0 } });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await k32.submit(op(KIOSK, body))).toMatchObject({ ok: true });
    const ticket = env.hub.hub.current.requests[requestId]!.ticket;

    const meal = voucherBody(requestId, 3000);
    Object.assign(meal.payload, { description: 'Meals for two, EU 261 Art. 9(1)(a)' });
    expect(await amira.submit(op(AMIRA, meal))).toMatchObject({ ok: true });
    const hotel = voucherBody(requestId, 52000, 'voucher.escalate', 'hotel');
    Object.assign(hotel.payload, { description: 'Airport hotel, two nights', note: 'Infant, second night needed' });
    expect(await amira.submit(op(AMIRA, hotel))).toMatchObject({ ok: true });
    const taxi = voucherBody(requestId, 90000, 'voucher.escalate', 'taxi');
    Object.assign(taxi.payload, { note: 'Wants a taxi to Lyon' });
    expect(await amira.submit(op(AMIRA, taxi))).toMatchObject({ ok: true });
    expect(
      await claire.submit(
        op(CLAIRE, { type: 'voucher.decline', payload: { voucherId: taxi.payload.voucherId, reason: 'Train ticket offered instead' } }),
      ),
    ).toMatchObject({ ok: true });

    const flight = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    const mealCode = env.hub.hub.current.vouchers[meal.payload.voucherId]!.code;
    const answer = await lookup(k41, { ticket });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.tickets[0]!.vouchers).toEqual([
      {
        id: meal.payload.voucherId,
        kind: 'meal',
        amountCents: 3000,
        currency: 'EUR',
        description: 'Meals for two, EU 261 Art. 9(1)(a)',
        status: 'issued',
        code: mealCode,
        validUntil: flight.estimatedDeparture,
        remainingCents: 3000,
        voided: false,
      },
      expect.objectContaining({ kind: 'hotel', status: 'pending', code: null, description: 'Airport hotel, two nights' }),
      expect.objectContaining({ kind: 'taxi', status: 'declined', code: null }),
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/Infant, second night|Lyon|Train ticket|Amira|A101|M201/);

    // Approved: the code appears, and the manager's note stays with staff.
    expect(
      await claire.submit(
        op(CLAIRE, { type: 'voucher.approve', payload: { voucherId: hotel.payload.voucherId, note: 'Agreed with the station manager' } }),
      ),
    ).toMatchObject({ ok: true });
    const approved = await lookup(k41, { ticket });
    const hotelCode = env.hub.hub.current.vouchers[hotel.payload.voucherId]!.code;
    expect(approved.ok && approved.tickets[0]!.vouchers[1]).toMatchObject({ status: 'issued', code: hotelCode });
    expect(JSON.stringify(approved)).not.toMatch(/station manager/);
  });
});
