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
    expect(s.policyLog).toEqual([
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
});
