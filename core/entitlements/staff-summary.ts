import type { CareRequest } from '../model.ts';
import { formatMoney } from '../money.ts';
import { owedAt } from './engine.ts';
import { entitlementsForRequest, withAirportFacts, type EntitlementFacts } from './for-request.ts';
import type { Entitlement, EntitlementAssessment, EntitlementSource } from './types.ts';

const SOURCE_LABEL: Record<EntitlementSource, string> = {
  eu261: 'EU261',
  uk261: 'UK261',
  appr: 'APPR',
  airline_policy: 'airline policy',
};

// Building an Intl formatter costs far more than using one, and every card re-renders each second.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

// Cards of one flight share the same threshold times: format each once.
const clockTexts = new Map<string, string>();

function clock(iso: string, timeZone: string): string {
  const key = `${timeZone} ${iso}`;
  const known = clockTexts.get(key);
  if (known) return known;
  let f = clockFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, f);
  }
  const text = f.format(new Date(iso));
  if (clockTexts.size > 5000) clockTexts.clear();
  clockTexts.set(key, text);
  return text;
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h${m ? ` ${String(m).padStart(2, '0')}` : ''}` : `${m} min`;
}

function item(e: Entitlement, nowIso: string, timeZone: string): string {
  const when = owedAt(e, nowIso) || e.from === null ? '' : ` from ${clock(e.from, timeZone)}`;
  const v = e.voucher;
  switch (e.kind) {
    case 'priority_care':
      return 'PRIORITY (Art. 11)';
    case 'meal':
      return `meal${v?.unit ? ` ${formatMoney(v.unit, 'en-GB', { trimWhole: true })} × ${v.quantity}` : ''}${when}`;
    case 'communication':
      return `${e.params.count === 2 ? '2 calls' : 'calls'}${when}`;
    case 'hotel':
      return `hotel ${v?.quantity ?? 1} night${(v?.quantity ?? 1) > 1 ? 's' : ''}${when}`;
    case 'transport':
      return `transport${when}`;
  }
}

/**
 * Care owed now that may be offered up to a deadline (EU 261 / UK261 Art. 6(2)): the earliest such
 * deadline, said once for the line, since every kind of care a law grants on a delay shares it.
 */
function offerDeadline(a: EntitlementAssessment, nowIso: string, timeZone: string): string | null {
  let by: string | null = null;
  for (const e of a.entitlements) {
    if (owedAt(e, nowIso) && e.offerBy && (!by || Date.parse(e.offerBy) < Date.parse(by))) by = e.offerBy;
  }
  return by ? `owed now — to be offered by ${clock(by, timeZone)} at the latest` : null;
}

/**
 * One line for the staff card, e.g. "EU261 · meal €15 × 3 · 2 calls · owed now — to be offered by 18:30 at the latest",
 * or "APPR · meal €15 × 3 from 18:30 · calls from 18:30" where the law counts the wait.
 * English on purpose: the staff app is English-only; passengers get the structured entitlements in their language.
 */
export function summariseEntitlements(a: EntitlementAssessment | null, nowIso: string, timeZone = 'UTC'): string {
  if (!a) return 'No passenger-rights rule known for this flight';
  if (a.entitlements.length === 0) {
    const delay = a.status === 'cancelled' ? 'cancelled' : a.delayMinutes ? `delay ${duration(a.delayMinutes)}` : 'on time';
    const next = a.nextThreshold;
    const then = next
      ? next.basis === 'expected_delay'
        ? `; meals owed at once if the delay reaches ${duration(next.delayMinutes)} (departure ${clock(next.at, timeZone)} or later, ${SOURCE_LABEL[next.source]})`
        : `; meals from ${clock(next.at, timeZone)} if the wait reaches ${duration(next.delayMinutes)} (${SOURCE_LABEL[next.source]})`
      : '';
    return `${a.sources.map((s) => SOURCE_LABEL[s]).join(' + ')}: nothing owed yet (${delay})${then}`;
  }
  const sources = [...new Set(a.entitlements.map((e) => SOURCE_LABEL[e.source]))].join(' + ');
  const deadline = offerDeadline(a, nowIso, timeZone);
  return [sources, ...a.entitlements.map((e) => item(e, nowIso, timeZone)), ...(deadline ? [deadline] : [])].join(' · ');
}

/** The entitlement line for a care request on the staff card (from its assessment, when the card already holds it). */
export function requestEntitlementSummary(
  state: EntitlementFacts,
  r: CareRequest,
  nowIso: string,
  assessment: EntitlementAssessment | null = entitlementsForRequest(state, r),
): string {
  const flight = state.flights[r.flightId];
  const timeZone = flight ? withAirportFacts(state, flight).originTimeZone : undefined;
  return summariseEntitlements(assessment, nowIso, timeZone ?? 'UTC');
}
