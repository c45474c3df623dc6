import { describe, expect, it } from 'vitest';
import { escalationFacts, suggestedHandout } from '../../core/index.ts';
import { NOW, accepted, by, voucherBody, withRequest } from '../helpers/core-fixtures.ts';
import { AMIRA } from '../helpers/ops.ts';

describe('what the duty manager weighs, and what the agent hands out', () => {
  it('an escalation card gives the cap, the overage and what the engine owes of that kind', () => {
    const { state, id } = withRequest({ party: { adults: 2, children: 0, infants: 0 } });
    const meal = accepted(state, by(AMIRA, voucherBody(id, 3000)));
    const hotel = voucherBody(id, 60000, 'voucher.escalate', 'hotel');
    const s = accepted(meal, by(AMIRA, hotel));
    const facts = escalationFacts(s, s.vouchers[hotel.payload.voucherId]!, NOW);
    // Agents: 250.00 per person, so 500.00 for two, 30.00 already issued: 470.00 left, 130.00 over.
    expect(facts).toMatchObject({ currency: 'EUR', capCents: 50000, capLeftCents: 47000, overageCents: 13000 });
    // AF1634 leaves today after a 2 h 30 delay: no hotel night is owed.
    expect(facts!.owed).toBeNull();
    const mealFacts = escalationFacts(s, s.vouchers[Object.keys(meal.vouchers)[0]!]!, NOW);
    expect(mealFacts!.owed).toMatchObject({ amountCents: 3000, currency: 'EUR' });
    expect(mealFacts!.owed!.legalBasis).toMatch(/261/);
  });

  it('the deliver form starts from what was asked, less what was handed out, within the stock', () => {
    const r = { needs: ['water', 'food', 'baby', 'medical'] as const, party: { adults: 2, children: 1, infants: 1 }, handedOut: { water: 1 } };
    expect(suggestedHandout({ ...r, needs: [...r.needs] }, { water: 48, snack: 2, baby_kit: 6, blanket: 20 })).toEqual({
      water: 3,
      snack: 2,
      baby_kit: 1,
    });
    expect(suggestedHandout({ needs: ['blanket'], party: { adults: 1, children: 0, infants: 0 }, handedOut: {} }, undefined)).toEqual({});
  });
});
