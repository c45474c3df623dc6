import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { HubState, ListedPassenger } from '../../core/index.ts';
import { redemptionRate, voucherBilling } from '../../core/voucher-billing.ts';
import { voucherBillingCsv } from '../../core/voucher-billing-csv.ts';
import { demoState } from '../helpers/demo-state.ts';
import { accepted, by, MANAGER, NOW } from '../helpers/core-fixtures.ts';
import { op, SYSTEM } from '../helpers/ops.ts';

const OUTLET = 'outlet-formula-0001';

function passenger(sequence: number, surname: string): ListedPassenger {
  return { surname, givenName: '', bookingRef: '', cabin: 'economy', seat: '', sequence, ssr: [] };
}

/** AF1634's three listed passengers given €15 meals; an outlet whose name a spreadsheet would run; €9 + €15 spent. */
function billedState(): HubState {
  let s = demoState(new Date(NOW));
  const flightId = Object.values(s.flights).find((f) => f.number === 'AF1634')!.id;
  s = accepted(
    s,
    by(MANAGER, {
      type: 'passengers.import',
      payload: { flightId, passengers: [passenger(1, 'Moreau'), passenger(2, 'Martin'), passenger(3, 'Rossi')] },
    }),
  );
  s = accepted(s, by(MANAGER, { type: 'vouchers.issueFlight', payload: { flightId, kind: 'meal' } }));
  s = accepted(s, by(MANAGER, { type: 'outlet.enroll', payload: { outletId: OUTLET, name: '=HYPERLINK("x")', kind: 'cafe', accepts: ['meal'] } }));
  const [a, b] = Object.values(s.vouchers).filter((v) => v.bound);
  for (const [voucherId, amountCents] of [
    [a!.id, 900],
    [b!.id, 1500],
  ] as const) {
    s = accepted(s, op(SYSTEM, { type: 'voucher.redeem', payload: { redemptionId: uuidv7(), voucherId, outletId: OUTLET, amountCents } }, NOW));
  }
  return s;
}

describe('voucher billing', () => {
  it('per airline: issued, redeemed, unredeemed; per outlet: what it took; the rate on the board', () => {
    const b = voucherBilling(billedState());
    expect(b.airlines).toEqual([
      { airline: 'AF', currency: 'EUR', issuedCount: 3, issuedMinor: 4500, redeemedCount: 2, redeemedMinor: 2400, unredeemedMinor: 2100 },
    ]);
    expect(b.outlets).toEqual([expect.objectContaining({ outletId: OUTLET, airline: 'AF', redemptions: 2, redeemedMinor: 2400 })]);
    expect(redemptionRate(b)).toBeCloseTo(2400 / 4500, 10);
  });

  it('as CSV, with a formula in a name kept as text', () => {
    const csv = voucherBillingCsv(voucherBilling(billedState()));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('scope,airline,outlet,issued_count,issued_amount,redeemed_count,redeemed_amount,unredeemed_amount,currency');
    expect(lines[1]).toBe('airline,AF,,3,45.00,2,24.00,21.00,EUR');
    expect(lines[2]).toBe(`outlet,AF,"'=HYPERLINK(""x"")",,,2,24.00,,EUR`);
  });
});
