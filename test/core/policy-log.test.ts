import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policyRules } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { MANAGER, NOW, accepted, by } from '../helpers/core-fixtures.ts';

describe('policy change log', () => {
  it('keeps who changed what and when, one line per change, oldest first', () => {
    const base = demoState(new Date(NOW));
    const rules = policyRules(DEFAULT_POLICY);
    const raised = { ...rules, limits: { ...rules.limits, agent: { capPerPassengerCents: 120_00, budgetPerShiftCents: 2000_00 } } };
    let s = accepted(base, by(MANAGER, { type: 'policy.set', payload: raised }));
    const later = '2026-11-23T19:30:00.000Z';
    s = accepted(s, by(MANAGER, { type: 'policy.set', payload: { ...raised, lowStock: { ...raised.lowStock, water: 20 } } }, later), later);
    expect(s.policyLog.filter((c) => !c.airline)).toEqual([
      {
        at: NOW,
        seq: expect.any(Number),
        by: 'M201',
        byName: 'Claire Dubois',
        changes: ['agent cap per passenger: 250.00 EUR → 120.00 EUR', 'agent budget per shift: 3000.00 EUR → 2000.00 EUR'],
      },
      expect.objectContaining({ at: later, changes: ['low-stock alert for water: 10 → 20'] }),
    ]);
    expect(s.policy).toMatchObject({ updatedAt: later, updatedBy: 'M201' });
  });

  it('logs airline rule changes beside the limits: the seed, then each edit by who and when', () => {
    const base = demoState(new Date(NOW));
    expect(base.policyLog.find((c) => c.airline === 'AF')).toMatchObject({
      byName: 'GateCare',
      by: 'demo-seed',
      changes: expect.arrayContaining(['AF added: Air France', 'AF laws applied: EU 261', 'AF meal voucher per person: 15.00 EUR']),
    });
    const af = base.airlines.AF!;
    let s = accepted(
      base,
      by(MANAGER, {
        type: 'airline.upsert',
        payload: { ...af, ownPolicy: { careFromMinutes: 60 }, mealVoucherPerPerson: { minor: 1850, currency: 'EUR' } },
      }),
    );
    s = accepted(s, by(MANAGER, { type: 'airline.upsert', payload: s.airlines.AF! }));
    expect(s.policyLog.slice(-2)).toEqual([
      {
        at: NOW,
        seq: expect.any(Number),
        by: 'M201',
        byName: 'Claire Dubois',
        airline: 'AF',
        changes: ['AF own policy: none → care from 60 min', 'AF meal voucher per person: 15.00 EUR → 18.50 EUR'],
      },
      expect.objectContaining({ airline: 'AF', changes: ['AF: no change (saved again)'] }),
    ]);
  });
});
