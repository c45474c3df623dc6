import type { Entitlement, EntitlementAssessment, EntitlementInput, EntitlementSource, NextThreshold } from './types.ts';
import { ENTITLEMENT_KINDS } from './types.ts';
import { reached, ruleContext, thresholdInstant, type RuleContext } from './rule-context.ts';
import { euCareThreshold, euStyleCare } from './rules-eu261.ts';
import { apprCare, apprCareThreshold } from './rules-appr.ts';
import { airlinePolicyCare, airlinePolicyThreshold } from './rules-airline-policy.ts';
import { distanceBand } from './distance-bands.ts';
import { regimesByLaw } from './regions.ts';
import type { AirlineConfig, Regime } from './airline-config.ts';

/**
 * The law is a floor: the regimes that bind this flight by law, then any the airline adds.
 * An airline listing no law, or only another country's, never removes EU 261 from a Paris departure.
 */
export function applicableRegimes(flight: EntitlementInput['flight'], airline: AirlineConfig): Regime[] {
  const byLaw = regimesByLaw(flight.originCountry, flight.destinationCountry, airline.country);
  return [...byLaw, ...airline.regimes.filter((r) => !byLaw.includes(r))];
}

/** Sooner-or-never as a number: null is "now" for `from`, "no deadline" (less generous) for `offerBy`. */
const instant = (iso: string | null, ifNull: number) => (iso === null ? ifNull : Date.parse(iso));

/**
 * Owed sooner wins; among care owed now, care due at once (Art. 11, cancellation) beats care that
 * may be offered up to a deadline, and an earlier deadline beats a later one.
 */
function earlier(a: Entitlement, b: Entitlement): boolean {
  const fa = instant(a.from, -Infinity);
  const fb = instant(b.from, -Infinity);
  if (fa !== fb) return fa < fb;
  return instant(a.offerBy, -Infinity) < instant(b.offerBy, -Infinity);
}

/** One entitlement per kind: the earliest any rule grants; on a tie, the first rule listed (the law). */
function mostGenerous(all: readonly Entitlement[]): Entitlement[] {
  const best = new Map<Entitlement['kind'], Entitlement>();
  for (const e of all) {
    const current = best.get(e.kind);
    if (!current || earlier(e, current)) best.set(e.kind, e);
  }
  return ENTITLEMENT_KINDS.flatMap((k) => best.get(k) ?? []);
}

function threshold(source: EntitlementSource, ctx: RuleContext): number | null {
  if (source === 'appr') return apprCareThreshold(ctx);
  if (source === 'airline_policy') return airlinePolicyThreshold(ctx);
  return euCareThreshold(source, ctx);
}

/** Only while the flight is late and nothing to eat is owed yet: the rest is noise to a passenger. */
function nextThreshold(sources: readonly EntitlementSource[], ctx: RuleContext, granted: readonly Entitlement[]): NextThreshold | null {
  if (ctx.cancelled || ctx.delayMs === 0 || granted.some((e) => e.kind === 'meal')) return null;
  let best: NextThreshold | null = null;
  for (const source of sources) {
    const minutes = threshold(source, ctx);
    if (minutes === null || reached(ctx, minutes)) continue;
    const basis = source === 'eu261' || source === 'uk261' ? 'expected_delay' : 'wait';
    // On a tie the law that owes care as soon as the delay is announced is the one that applies first (APPR counts the wait).
    const sooner = !best || minutes < best.delayMinutes || (minutes === best.delayMinutes && basis === 'expected_delay' && best.basis === 'wait');
    if (sooner) best = { source, basis, delayMinutes: minutes, at: thresholdInstant(ctx, minutes) };
  }
  return best;
}

/**
 * What a passenger is owed at minimum for this flight: under the laws that bind it, plus whatever
 * the airline's configuration adds (more laws, its own earlier care).
 * Pure: the answer depends only on the input, so kiosk, tablet and hub always agree.
 */
export function assessEntitlements(input: EntitlementInput): EntitlementAssessment {
  const ctx = ruleContext(input.flight, input.airline, input.passenger);
  const regimes = applicableRegimes(input.flight, input.airline);
  const all: Entitlement[] = [];
  for (const regime of regimes) {
    all.push(...(regime === 'appr' ? apprCare(ctx) : euStyleCare(regime, ctx)));
  }
  all.push(...airlinePolicyCare(ctx));
  const sources: EntitlementSource[] = [...regimes, ...(input.airline.ownPolicy ? ['airline_policy' as const] : [])];
  const entitlements = mostGenerous(all);
  return {
    sources,
    status: input.flight.status,
    delayMinutes: Math.floor(ctx.delayMs / 60_000),
    distanceBand: distanceBand(input.flight.distanceKm),
    overnight: ctx.overnight,
    entitlements,
    nextThreshold: nextThreshold(sources, ctx, entitlements),
  };
}

/** Whether an entitlement is owed at this instant, or only once its threshold time comes. */
export function owedAt(e: Entitlement, nowIso: string): boolean {
  return e.from === null || Date.parse(e.from) <= Date.parse(nowIso);
}

/** The i18next key of the sentence for a delay under every threshold (values: its hours and time). */
export function nextThresholdMessageKey(n: NextThreshold): string {
  return `entitlement.next.${n.basis}`;
}

/** The i18next key an app uses for this entitlement's sentence; `params` fill it. */
export function entitlementMessageKey(e: Entitlement): string {
  return `entitlement.${e.kind}.${e.reason}`;
}
