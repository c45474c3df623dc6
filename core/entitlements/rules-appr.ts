import type { RuleContext } from './rule-context.ts';
import { reached, thresholdInstant } from './rule-context.ts';
import type { Entitlement, EntitlementKind } from './types.ts';
import { grant } from './care-items.ts';

const WAIT_MINUTES = 120;
const NOTICE_HOURS = 12;

const SECTION: Partial<Record<EntitlementKind, string>> = {
  meal: 's. 14(1)(a)',
  communication: 's. 14(1)(b)',
  hotel: 's. 14(2)',
  transport: 's. 14(2)',
};

/**
 * Told less than 12 h before departure. An unknown announcement time counts as short notice:
 * a passenger asking at the gate should not lose care because nobody recorded when they were told.
 */
function shortNotice(ctx: RuleContext): boolean {
  const told = ctx.flight.delayAnnouncedAt;
  if (told === undefined) return true;
  return Date.parse(ctx.flight.scheduledDeparture) - Date.parse(told) < NOTICE_HOURS * 3600_000;
}

/** APPR meals come after a 2 h wait, and only on short notice. */
export function apprCareThreshold(ctx: RuleContext): number | null {
  return shortNotice(ctx) && ctx.flight.disruptionCause !== 'outside_control' ? WAIT_MINUTES : null;
}

/**
 * Canada's Air Passenger Protection Regulations, s. 14 standards of treatment: food, drink and a means
 * of communication once the passenger has waited 2 h past the original departure, hotel and transport
 * for an overnight wait; for a delay or a cancellation alike, when notice was short, and when the
 * cause is within the carrier's control, safety included (s. 11, 12), not outside it (s. 10).
 */
export function apprCare(ctx: RuleContext): Entitlement[] {
  if (apprCareThreshold(ctx) === null || !reached(ctx, WAIT_MINUTES)) return [];
  const threshold = { delayMinutes: WAIT_MINUTES, distanceBand: null, withinRegion: false, noticeUnderHours: NOTICE_HOURS };
  const from = thresholdInstant(ctx, WAIT_MINUTES);
  const legalBasis = (kind: EntitlementKind) => `APPR ${SECTION[kind] ?? 's. 14'}`;
  const out = grant(ctx, ['meal', 'communication'], { source: 'appr', reason: 'short_notice_wait', from, threshold, legalBasis });
  if (ctx.overnight) out.push(...grant(ctx, ['hotel', 'transport'], { source: 'appr', reason: 'overnight', from, threshold, legalBasis }));
  return out;
}
