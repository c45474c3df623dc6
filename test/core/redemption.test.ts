import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { apply, publicVouchersOf, remainingCents, type HubState, type Op } from '../../core/index.ts';
import { accepted, by, MANAGER, NOW, run, voucherBody, withRequest } from '../helpers/core-fixtures.ts';
import { AMIRA, op, SYSTEM } from '../helpers/ops.ts';

const CAFE = 'outlet-cafe-2e-0001';
const TAXI = 'outlet-taxi-2e-0001';

/** The demo airport with two outlets (a café taking meal vouchers, a taxi desk) and one issued €15 meal voucher. */
function withVoucher(): { state: HubState; voucherId: string; requestId: string } {
  const { state: s0, id: requestId } = withRequest();
  let s = accepted(s0, by(MANAGER, { type: 'outlet.enroll', payload: { outletId: CAFE, name: 'Café 2E', kind: 'cafe', accepts: ['meal'] } }));
  s = accepted(s, by(MANAGER, { type: 'outlet.enroll', payload: { outletId: TAXI, name: 'Taxi desk', kind: 'taxi-desk', accepts: ['taxi'] } }));
  const issue = voucherBody(requestId, 1500);
  s = accepted(s, op(AMIRA, issue, NOW));
  return { state: s, voucherId: issue.payload.voucherId, requestId };
}

function redeem(voucherId: string, amountCents: number, outletId = CAFE, at = NOW): Op {
  return op(SYSTEM, { type: 'voucher.redeem', payload: { redemptionId: uuidv7(), voucherId, outletId, amountCents } }, at);
}

describe('redeeming a voucher at an outlet', () => {
  it('takes part, then the rest, with a receipt each time; the kiosk ticket shows what remains', () => {
    const { state, voucherId, requestId } = withVoucher();
    const part = accepted(state, redeem(voucherId, 900));
    const v = part.vouchers[voucherId]!;
    expect(remainingCents(v)).toBe(600);
    expect(v.redemptions![0]).toMatchObject({
      outletName: 'Café 2E',
      amountCents: 900,
      reference: expect.stringMatching(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });
    expect(publicVouchersOf(part, requestId)[0]).toMatchObject({ amountCents: 1500, remainingCents: 600, voided: false });
    expect(part.requests[requestId]!.history.at(-1)).toMatchObject({ action: 'voucher redeemed' });
    const all = accepted(part, redeem(voucherId, 600));
    expect(remainingCents(all.vouchers[voucherId]!)).toBe(0);
    const again = run(all, redeem(voucherId, 100));
    expect(again).toMatchObject({
      ok: false,
      code: 'conflict',
      reason: expect.stringMatching(/^voucher GC-.+ is already spent \(at Café 2E, receipt R-/),
    });
  });

  it('refuses clearly: too much, the wrong kind, expired, voided, not yet approved, an unknown outlet', () => {
    const { state, voucherId, requestId } = withVoucher();
    expect(run(state, redeem(voucherId, 1600))).toMatchObject({ ok: false, reason: expect.stringContaining('only 15.00 EUR is left') });
    expect(run(state, redeem(voucherId, 500, TAXI))).toMatchObject({
      ok: false,
      reason: 'a meal voucher cannot be spent at Taxi desk, which takes taxi vouchers',
    });
    const flight = state.flights[state.requests[requestId]!.flightId]!;
    const late = new Date(Date.parse(flight.estimatedDeparture) + 60_000).toISOString();
    expect(run(state, redeem(voucherId, 500, CAFE, late), late)).toMatchObject({ ok: false, reason: expect.stringContaining('expired at') });
    // The airline's setting keeps vouchers good for hours after the departure.
    const af = state.airlines['AF']!;
    const generous = accepted(state, op(SYSTEM, { type: 'airline.upsert', payload: { ...af, voucherValidHours: 6 } }, NOW));
    expect(run(generous, redeem(voucherId, 500, CAFE, late), late).ok).toBe(true);

    const voided = accepted(state, by(MANAGER, { type: 'voucher.void', payload: { voucherId, reason: 'reported lost' } }));
    expect(run(voided, redeem(voucherId, 500))).toMatchObject({ ok: false, reason: expect.stringContaining('was voided by the duty manager') });
    expect(publicVouchersOf(voided, requestId)[0]).toMatchObject({ voided: true, code: null });
    expect(run(state, redeem(voucherId, 500, 'outlet-nowhere-0001'))).toMatchObject({ ok: false, code: 'forbidden' });

    const pending = voucherBody(requestId, 90000, 'voucher.escalate');
    const withPending = accepted(state, op(AMIRA, pending, NOW));
    expect(run(withPending, redeem(pending.payload.voucherId, 500))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('waiting for approval'),
    });
  });

  it('only the hub redeems (for an outlet it authenticated); only a duty manager voids or enrols', () => {
    const { state, voucherId } = withVoucher();
    const body = { type: 'voucher.redeem' as const, payload: { redemptionId: uuidv7(), voucherId, outletId: CAFE, amountCents: 100 } };
    expect(run(state, op(AMIRA, body, NOW))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(state, op({ kind: 'kiosk', id: 'kiosk-test-0001' }, body, NOW))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(state, op(AMIRA, { type: 'voucher.void', payload: { voucherId, reason: 'lost it' } }, NOW))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const enrol = {
      type: 'outlet.enroll' as const,
      payload: { outletId: 'outlet-x-000001', name: 'X', kind: 'shop' as const, accepts: ['meal' as const] },
    };
    expect(run(state, op(AMIRA, enrol, NOW))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('never spends more than the voucher, whatever the order two or more outlets are decided in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 1600 }), outlet: fc.constantFrom(CAFE, TAXI) }), { minLength: 2, maxLength: 8 }),
        (attempts) => {
          const { state, voucherId } = withVoucher();
          // The hub applies operations one after another in some order: any order is one of the interleavings.
          let s = state;
          let accepted = 0;
          let taken = 0;
          for (const a of attempts) {
            const out = apply(s, redeem(voucherId, a.amount, a.outlet), { seq: s.seq + 1, at: NOW });
            if (out.ok) {
              s = out.state;
              accepted++;
              taken += a.amount;
            }
          }
          const v = s.vouchers[voucherId]!;
          expect(taken).toBeLessThanOrEqual(1500);
          expect(v.redemptions?.length ?? 0).toBe(accepted);
          expect(remainingCents(v)).toBe(1500 - taken);
          // The taxi desk never takes a meal voucher.
          expect((v.redemptions ?? []).every((r) => r.outletId === CAFE)).toBe(true);
        },
      ),
    );
  });

  it('two outlets each redeeming the whole voucher at once: exactly one succeeds in either order, the other is told why', () => {
    fc.assert(
      fc.property(fc.boolean(), (cafeFirst) => {
        const { state, voucherId } = withVoucher();
        const a = redeem(voucherId, 1500);
        const b = redeem(voucherId, 1500);
        const [first, second] = cafeFirst ? [a, b] : [b, a];
        const one = run(state, first);
        expect(one.ok).toBe(true);
        if (!one.ok) return;
        const two = run(one.state, second);
        expect(two).toMatchObject({ ok: false, reason: expect.stringContaining('already spent') });
      }),
    );
  });
});
