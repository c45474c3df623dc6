import type { RuleContext } from './rule-context.ts';
import { reached, thresholdInstant } from './rule-context.ts';
import type { Entitlement, EntitlementKind } from './types.ts';
import { grant } from './care-items.ts';
import { careThresholdMinutes, distanceBand } from './distance-bands.ts';
import { withinRegion } from './regions.ts';

const LAW = { eu261: 'EU 261/2004', uk261: 'UK261' } as const;

const ARTICLE: Record<EntitlementKind, string> = {
  meal: 'Art. 9(1)(a)',
  hotel: 'Art. 9(1)(b)',
  transport: 'Art. 9(1)(c)',
  communication: 'Art. 9(2)',
  priority_care: 'Art. 11',
};

const CARE: readonly EntitlementKind[] = ['meal', 'communication'];
const NIGHT: readonly EntitlementKind[] = ['hotel', 'transport'];

/** The delay from which meals are owed on this flight (cancellations owe them at once, so none). */
export function euCareThreshold(regime: 'eu261' | 'uk261', ctx: RuleContext): number | null {
  if (ctx.cancelled) return null;
  return careThresholdMinutes(ctx.flight.distanceKm, withinRegion(regime, ctx.flight.originCountry, ctx.flight.destinationCountry));
}

/**
 * EU 261/2004 Art. 5, 6, 9 and 11, and the UK's retained copy, which keeps the same thresholds.
 * Care is owed once the carrier expects the delay to reach the threshold (Art. 6: "two hours or more").
 */
export function euStyleCare(regime: 'eu261' | 'uk261', ctx: RuleContext): Entitlement[] {
  const basis = (prefix: string) => (kind: EntitlementKind) => `${LAW[regime]} ${prefix}${ARTICLE[kind]}`;
  const out: Entitlement[] = [];
  if (ctx.cancelled) {
    out.push(...grant(ctx, CARE, { source: regime, reason: 'cancellation', from: null, threshold: null, legalBasis: basis('Art. 5(1)(b), ') }));
    if (ctx.overnight) {
      out.push(...grant(ctx, NIGHT, { source: regime, reason: 'overnight', from: null, threshold: null, legalBasis: basis('Art. 5(1)(b), ') }));
    }
  } else {
    const within = withinRegion(regime, ctx.flight.originCountry, ctx.flight.destinationCountry);
    const minutes = careThresholdMinutes(ctx.flight.distanceKm, within);
    if (reached(ctx, minutes)) {
      const threshold = { delayMinutes: minutes, distanceBand: distanceBand(ctx.flight.distanceKm), withinRegion: within, noticeUnderHours: null };
      const from = thresholdInstant(ctx, minutes);
      out.push(...grant(ctx, CARE, { source: regime, reason: 'delay_threshold', from, threshold, legalBasis: basis('Art. 6, ') }));
      if (ctx.overnight) {
        out.push(...grant(ctx, NIGHT, { source: regime, reason: 'overnight', from, threshold, legalBasis: basis('Art. 6(1)(iii), ') }));
      }
    }
  }
  const p = ctx.passenger;
  if ((p.reducedMobility || p.unaccompaniedChild) && ctx.disrupted) {
    const kinds: EntitlementKind[] = ['priority_care', ...CARE, ...(ctx.overnight ? NIGHT : [])];
    const art11 = basis('Art. 11, ');
    const legalBasis = (kind: EntitlementKind) => (kind === 'priority_care' ? `${LAW[regime]} Art. 11` : art11(kind));
    out.push(...grant(ctx, kinds, { source: regime, reason: 'priority_passenger', from: null, threshold: null, legalBasis }));
  }
  return out;
}
