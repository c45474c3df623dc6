import type { Handler } from './types.ts';
import { describePolicyChange, policyRules, changedBy, type PolicyChange } from '../policy-log.ts';

/** Replaces the whole policy; who, when and what changed are kept in the policy log. */
export const policySet: Handler<'policy.set'> = (state, op, ctx) => {
  const entry: PolicyChange = {
    at: ctx.at,
    seq: ctx.seq,
    by: op.actor.id,
    byName: changedBy(state, op.actor),
    changes: describePolicyChange(policyRules(state.policy), op.payload),
  };
  return {
    ok: true,
    state: {
      ...state,
      policy: { ...op.payload, updatedAt: ctx.at, updatedBy: op.actor.id },
      policyLog: [...(state.policyLog ?? []), entry],
    },
  };
};
