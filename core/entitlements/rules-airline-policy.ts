import type { RuleContext } from './rule-context.ts';
import { reached, thresholdInstant } from './rule-context.ts';
import type { Entitlement } from './types.ts';
import { grant } from './care-items.ts';

export function airlinePolicyThreshold(ctx: RuleContext): number | null {
  return ctx.cancelled ? null : (ctx.airline.ownPolicy?.careFromMinutes ?? null);
}

/** An airline's own promise of earlier meals and calls; it can only add to what the law gives. */
export function airlinePolicyCare(ctx: RuleContext): Entitlement[] {
  const policy = ctx.airline.ownPolicy;
  if (!policy || !ctx.disrupted) return [];
  const legalBasis = () => `${ctx.airline.name} care policy`;
  if (ctx.cancelled) {
    return grant(ctx, ['meal', 'communication'], { source: 'airline_policy', reason: 'cancellation', from: null, threshold: null, legalBasis });
  }
  const minutes = policy.careFromMinutes;
  if (!reached(ctx, minutes)) return [];
  const threshold = { delayMinutes: minutes, distanceBand: null, withinRegion: false, noticeUnderHours: null };
  return grant(ctx, ['meal', 'communication'], {
    source: 'airline_policy',
    reason: 'delay_threshold',
    from: thresholdInstant(ctx, minutes),
    threshold,
    legalBasis,
  });
}
