import type { Handler } from './types.ts';
import { describeAirlineChange } from '../airline-log.ts';
import { changedBy, type PolicyChange } from '../policy-log.ts';

/** Replaces one airline's care rules; who, when and what changed go to the same log as the limits. */
export const airlineUpsert: Handler<'airline.upsert'> = (state, op, ctx) => {
  const a = op.payload;
  // A device's saved state from before airlines existed has no `airlines` map.
  const airlines = state.airlines ?? {};
  const entry: PolicyChange = {
    at: ctx.at,
    seq: ctx.seq,
    by: op.actor.id,
    byName: changedBy(state, op.actor),
    changes: describeAirlineChange(airlines[a.code], a),
    airline: a.code,
  };
  return { ok: true, state: { ...state, airlines: { ...airlines, [a.code]: a }, policyLog: [...(state.policyLog ?? []), entry] } };
};
