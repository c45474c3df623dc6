import type { Money } from './airline-config.ts';
import { timesMoney } from '../money.ts';
import type { RuleContext } from './rule-context.ts';
import type { Entitlement, EntitlementKind, EntitlementSource, ReasonCode, ThresholdCrossed, VoucherSuggestion } from './types.ts';

function times(unit: Money | undefined, quantity: number): Pick<VoucherSuggestion, 'unit' | 'total'> {
  if (!unit) return { unit: null, total: null };
  return { unit, total: timesMoney(unit, quantity) };
}

/**
 * One meal when care starts, and another for each full `mealEveryHours` waited after that. Care owed
 * by a threshold counts from the threshold; care owed at once, from the scheduled departure.
 */
function mealsPerPerson(ctx: RuleContext, countFrom: string | null): number {
  const every = ctx.airline.mealEveryHours;
  if (!every) return 1;
  const start = Date.parse(countFrom ?? ctx.flight.scheduledDeparture);
  const waited = Math.max(0, Date.parse(ctx.flight.estimatedDeparture) - start);
  return 1 + Math.floor(waited / (every * 3600_000));
}

/** What a voucher form can be pre-filled with: meals per person, hotel per night, taxi there and back. */
function voucherFor(kind: EntitlementKind, ctx: RuleContext, countFrom: string | null): VoucherSuggestion | null {
  const a = ctx.airline;
  if (kind === 'meal') {
    const quantity = ctx.passenger.persons * mealsPerPerson(ctx, countFrom);
    return { voucherKind: 'meal', quantity, ...times(a.mealVoucherPerPerson, quantity) };
  }
  if (kind === 'hotel') return { voucherKind: 'hotel', quantity: ctx.nights, ...times(a.hotelPerNight, ctx.nights) };
  if (kind === 'transport') return { voucherKind: 'taxi', quantity: 2, ...times(a.transportPerTrip, 2) };
  return null;
}

export interface Grant {
  source: EntitlementSource;
  reason: ReasonCode;
  from: string | null;
  /** EU 261 / UK261 Art. 6(2): the latest moment care must be offered; null when the rule sets none. */
  offerBy?: string | null;
  threshold: ThresholdCrossed | null;
  legalBasis: (kind: EntitlementKind) => string;
}

/** The same grant for several kinds of care, each with its voucher and sentence parameters. */
export function grant(ctx: RuleContext, kinds: readonly EntitlementKind[], g: Grant): Entitlement[] {
  const offerBy = g.offerBy ?? null;
  const countFrom = offerBy ?? g.from;
  return kinds.map((kind) => {
    const voucher = voucherFor(kind, ctx, countFrom);
    const params: Record<string, string | number> = {
      delayMinutes: Math.floor(ctx.delayMs / 60_000),
      persons: ctx.passenger.persons,
    };
    if (g.from) params.from = g.from;
    if (offerBy) params.offerBy = offerBy;
    if (g.threshold) {
      params.thresholdMinutes = g.threshold.delayMinutes;
      params.thresholdHours = g.threshold.delayMinutes / 60;
    }
    if (kind === 'communication' && (g.source === 'eu261' || g.source === 'uk261')) params.count = 2;
    if (voucher?.unit) {
      params.amountMinor = voucher.unit.minor;
      params.currency = voucher.unit.currency;
    }
    if (kind === 'hotel') params.nights = ctx.nights;
    if (kind === 'meal') params.mealsPerPerson = mealsPerPerson(ctx, countFrom);
    return {
      kind,
      source: g.source,
      reason: g.reason,
      legalBasis: g.legalBasis(kind),
      from: g.from,
      offerBy,
      threshold: g.threshold,
      params,
      voucher,
    };
  });
}
