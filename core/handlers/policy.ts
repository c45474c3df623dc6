import type { Handler, OpSpecs } from './types.ts';
import { describePolicyChange, logRuleChange, policyRules } from '../policy-log.ts';

/** Replaces the whole policy; who, when and what changed are kept in the policy log. */
export const policySet: Handler<'policy.set'> = (state, op, ctx) => ({
  ok: true,
  state: {
    ...state,
    policy: { ...op.payload, updatedAt: ctx.at, updatedBy: op.actor.id },
    policyLog: logRuleChange(state, op.actor, ctx, describePolicyChange(policyRules(state.policy), op.payload)),
  },
});

export const policySpecs: OpSpecs<'policy.set'> = {
  // Limits and budgets are for staff; a kiosk never evaluates them (core/kiosk-view.ts).
  'policy.set': { submitters: ['system', 'duty_manager'], handler: policySet, visibility: { to: 'staff' }, purge: 'no passenger data' },
};
