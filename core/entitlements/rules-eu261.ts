import type { RuleContext } from './rule-context.ts';
import { reached, thresholdInstant } from './rule-context.ts';
import type { Entitlement, EntitlementKind } from './types.ts';
import { grant } from './care-items.ts';
import { careThresholdMinutes, distanceBand } from './distance-bands.ts';
import { withinRegion } from './regions.ts';

const LAW = { eu261: 'EU 261/2004', uk261: 'UK261' } as const;

/** Art. 9: what each kind of care is. */
const ARTICLE: Record<EntitlementKind, string> = {
  meal: 'Art. 9(1)(a)',
  hotel: 'Art. 9(1)(b)',
  transport: 'Art. 9(1)(c)',
  communication: 'Art. 9(2)',
  priority_care: 'Art. 11(1)',
};

/** Art. 6(1)(a) 2 h up to 1500 km, (b) 3 h intra-Community beyond or 1500–3500 km, (c) 4 h otherwise. */
const DISTANCE_POINT: Record<number, string> = { 120: 'a', 180: 'b', 240: 'c' };

const CARE: readonly EntitlementKind[] = ['meal', 'communication'];
const NIGHT: readonly EntitlementKind[] = ['hotel', 'transport'];

/** The delay from which meals are owed on this flight (cancellations owe them at once, so none). */
export function euCareThreshold(regime: 'eu261' | 'uk261', ctx: RuleContext): number | null {
  if (ctx.cancelled) return null;
  return careThresholdMinutes(ctx.flight.distanceKm, withinRegion(regime, ctx.flight.originCountry, ctx.flight.destinationCountry));
}

/**
 * EU 261/2004 Art. 5, 6, 9 and 11, and the UK's retained copy (UK261), which keeps the same numbering.
 * Art. 6(1): once the carrier expects a delay at or past the threshold for the distance, care is owed,
 * so it is owed now; Art. 6(2): "in any event" it is offered by scheduled departure + threshold.
 * Meals and calls are Art. 6(1)(i) (Art. 9(1)(a), 9(2)); hotel and transport Art. 6(1)(ii) when the
 * expected departure is at least the day after (Art. 9(1)(b), (c)). Art. 6(1)(iii), the 5-hour refund
 * of Art. 8(1)(a), is not care and is not assessed here.
 */
export function euStyleCare(regime: 'eu261' | 'uk261', ctx: RuleContext): Entitlement[] {
  const law = LAW[regime];
  const basis = (prefix: string) => (kind: EntitlementKind) => `${law} ${prefix}, ${ARTICLE[kind]}`;
  const out: Entitlement[] = [];
  if (ctx.cancelled) {
    // Art. 5(1)(b): care of Art. 9(1)(a) and 9(2), and of 9(1)(b)-(c) when the new flight is at least the day after.
    out.push(...grant(ctx, CARE, { source: regime, reason: 'cancellation', from: null, threshold: null, legalBasis: basis('Art. 5(1)(b)') }));
    if (ctx.overnight) {
      out.push(...grant(ctx, NIGHT, { source: regime, reason: 'overnight', from: null, threshold: null, legalBasis: basis('Art. 5(1)(b)') }));
    }
  } else {
    const within = withinRegion(regime, ctx.flight.originCountry, ctx.flight.destinationCountry);
    const minutes = careThresholdMinutes(ctx.flight.distanceKm, within);
    if (reached(ctx, minutes)) {
      const threshold = { delayMinutes: minutes, distanceBand: distanceBand(ctx.flight.distanceKm), withinRegion: within, noticeUnderHours: null };
      const offerBy = thresholdInstant(ctx, minutes);
      const point = `Art. 6(1)(${DISTANCE_POINT[minutes] ?? 'c'})`;
      out.push(...grant(ctx, CARE, { source: regime, reason: 'delay_threshold', from: null, offerBy, threshold, legalBasis: basis(`${point}(i)`) }));
      if (ctx.overnight) {
        out.push(...grant(ctx, NIGHT, { source: regime, reason: 'overnight', from: null, offerBy, threshold, legalBasis: basis(`${point}(ii)`) }));
      }
    }
  }
  const p = ctx.passenger;
  if ((p.reducedMobility || p.unaccompaniedChild) && ctx.disrupted) {
    // Art. 11(1) priority; Art. 11(2) care of Art. 9 as soon as possible, for a delay of any length.
    const kinds: EntitlementKind[] = ['priority_care', ...CARE, ...(ctx.overnight ? NIGHT : [])];
    const art11 = basis('Art. 11(2)');
    const legalBasis = (kind: EntitlementKind) => (kind === 'priority_care' ? `${law} Art. 11(1)` : art11(kind));
    out.push(...grant(ctx, kinds, { source: regime, reason: 'priority_passenger', from: null, threshold: null, legalBasis }));
  }
  return out;
}
