import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { parseOp, voucherDraftsForRequest, type CareRequest } from '../../core/index.ts';
import { NOW, SOFIA, accepted, by, run, voucherBody, withRequest } from '../helpers/core-fixtures.ts';

describe('voucher forms pre-filled from entitlements', () => {
  it('AF1780 cancelled, rebooked tomorrow: meal for the party, a hotel night, a taxi there and back', () => {
    const { state, id } = withRequest({ flightNumber: 'AF1780', gate: 'K41' });
    expect(voucherDraftsForRequest(state, state.requests[id] as CareRequest, NOW)).toEqual([
      {
        kind: 'meal',
        amountCents: 4500,
        currency: 'EUR',
        description: 'Meal, 3 persons × 15.00 EUR (EU 261/2004 Art. 5(1)(b), Art. 9(1)(a))',
        entitlement: 'meal',
        source: 'eu261',
        legalBasis: 'EU 261/2004 Art. 5(1)(b), Art. 9(1)(a)',
        from: null,
        offerBy: null,
        owedNow: true,
        alreadyCovered: false,
        givenToPassCents: 0,
      },
      expect.objectContaining({
        kind: 'hotel',
        amountCents: 15000,
        description: 'Hotel, 1 night × 150.00 EUR (EU 261/2004 Art. 5(1)(b), Art. 9(1)(b))',
      }),
      expect.objectContaining({ kind: 'taxi', amountCents: 8000, description: 'Taxi, 2 trips × 40.00 EUR (EU 261/2004 Art. 5(1)(b), Art. 9(1)(c))' }),
    ]);
  });

  it('a draft is a valid voucher operation an agent can issue, and then the entitlement shows as covered', () => {
    const { state, id } = withRequest({ flightNumber: 'AF1780', gate: 'K41' });
    const r = state.requests[id] as CareRequest;
    const meal = voucherDraftsForRequest(state, r, NOW)[0]!;
    const issue = by(SOFIA, {
      type: 'voucher.issue',
      payload: {
        voucherId: uuidv7(),
        requestId: id,
        kind: meal.kind,
        amountCents: meal.amountCents!,
        currency: meal.currency!,
        description: meal.description,
      },
    });
    expect(parseOp(issue).ok).toBe(true);
    const s = accepted(state, issue);
    const after = voucherDraftsForRequest(s, s.requests[id] as CareRequest, NOW);
    expect(after.map((d) => [d.kind, d.alreadyCovered])).toEqual([
      ['meal', true],
      ['hotel', false],
      ['taxi', false],
    ]);
  });

  it('a declined voucher does not cover the entitlement', () => {
    const { state, id } = withRequest({ flightNumber: 'AF1780', gate: 'K41' });
    const escalate = by(SOFIA, voucherBody(id, 15000, 'voucher.escalate', 'hotel'));
    let s = accepted(state, escalate);
    expect(voucherDraftsForRequest(s, s.requests[id] as CareRequest, NOW).find((d) => d.kind === 'hotel')!.alreadyCovered).toBe(true);
    const voucherId = (escalate.payload as { voucherId: string }).voucherId;
    const decline = run(
      s,
      by({ kind: 'staff', id: 'M201' }, { type: 'voucher.decline', payload: { voucherId, reason: 'hotel booked by the airline desk' } }),
    );
    if (!decline.ok) throw new Error(decline.reason);
    s = decline.state;
    expect(voucherDraftsForRequest(s, s.requests[id] as CareRequest, NOW).find((d) => d.kind === 'hotel')!.alreadyCovered).toBe(false);
  });

  it('a meal owed now under EU 261 is drafted with the latest time it must be offered (scheduled + threshold)', () => {
    const { state, id } = withRequest();
    const [meal] = voucherDraftsForRequest(state, state.requests[id] as CareRequest, NOW);
    expect(meal).toMatchObject({ kind: 'meal', owedNow: true, from: null, offerBy: '2026-11-23T20:30:00.000Z', amountCents: 4500 });
    expect(meal!.description).toBe('Meal, 3 persons × 15.00 EUR (EU 261/2004 Art. 6(1)(a)(i), Art. 9(1)(a))');
  });

  it('a meal that counts the wait (APPR) is drafted with the time it becomes owed', () => {
    const { state, id } = withRequest({ flightNumber: 'AC0871', gate: 'K44' });
    const [meal] = voucherDraftsForRequest(state, state.requests[id] as CareRequest, NOW);
    expect(meal).toMatchObject({ kind: 'meal', source: 'appr', owedNow: false, offerBy: null });
    expect(voucherDraftsForRequest(state, state.requests[id] as CareRequest, meal!.from!)[0]!.owedNow).toBe(true);
  });

  it('an on-time flight has nothing to draft', () => {
    const { state, id } = withRequest({ flightNumber: 'AF1012', gate: 'K34' });
    expect(voucherDraftsForRequest(state, state.requests[id] as CareRequest, NOW)).toEqual([]);
  });
});

describe('several meals for a long wait', () => {
  it('the draft says how many meals each person gets', () => {
    const { state, id } = withRequest({ flightNumber: 'AF1780', gate: 'K41' });
    const s = { ...state, airlines: { ...state.airlines, AF: { ...state.airlines.AF!, mealEveryHours: 4 } } };
    const r = s.requests[id] as CareRequest;
    const f = s.flights[r.flightId]!;
    const meals = 1 + Math.floor((Date.parse(f.estimatedDeparture) - Date.parse(f.scheduledDeparture)) / (4 * 3600_000));
    expect(meals).toBeGreaterThan(1);
    const [meal] = voucherDraftsForRequest(s, r, NOW);
    expect(meal).toMatchObject({
      amountCents: 3 * meals * 1500,
      description: `Meal, 3 persons × ${meals} meals × 15.00 EUR (EU 261/2004 Art. 5(1)(b), Art. 9(1)(a))`,
    });
  });
});
