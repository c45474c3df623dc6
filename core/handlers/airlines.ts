import type { Handler, OpSpecs } from './types.ts';
import { REFERENCE_DATA } from './shared.ts';
import { describeAirlineChange } from '../airline-log.ts';
import { logRuleChange } from '../policy-log.ts';
import { airlineInMinorUnits } from '../entitlements/airline-money.ts';

/** Replaces one airline's care rules; who, when and what changed go to the same log as the limits. */
export const airlineUpsert: Handler<'airline.upsert'> = (state, op, ctx) => {
  const a = airlineInMinorUnits(op.payload);
  // A device's saved state from before airlines existed has no `airlines` map.
  const airlines = state.airlines ?? {};
  const policyLog = logRuleChange(state, op.actor, ctx, describeAirlineChange(airlines[a.code], a), a.code);
  return { ok: true, state: { ...state, airlines: { ...airlines, [a.code]: a }, policyLog } };
};

/** Kiosks tell passengers their entitlements, which follow the airline's rules. */
export const airlineSpecs: OpSpecs<'airline.upsert'> = {
  'airline.upsert': { submitters: ['system', 'duty_manager'], handler: airlineUpsert, ...REFERENCE_DATA },
};
