import type { AirlineConfig, Money, Regime } from './entitlements/airline-config.ts';
import { moneyText } from './money.ts';

/** How the duty managers' screens name each law; the log reads the same. */
export const REGIME_LABEL: Record<Regime, string> = { eu261: 'EU 261', uk261: 'UK261', appr: 'Canada APPR' };

const laws = (a: AirlineConfig | undefined) => (a?.regimes.length ? a.regimes.map((r) => REGIME_LABEL[r]).join(' + ') : 'none');
const amount = (m: Money | undefined) => (m ? moneyText(m) : 'staff choose');
const careFrom = (a: AirlineConfig | undefined) => (a?.ownPolicy ? `care from ${a.ownPolicy.careFromMinutes} min` : 'none');
const mealEvery = (a: AirlineConfig | undefined) => (a?.mealEveryHours ? `every ${a.mealEveryHours} h` : 'one meal');

/**
 * The differences in an airline's care rules, one sentence each, prefixed with the airline
 * ("AF meal voucher per person: 15.00 EUR → 18.50 EUR"); a new airline is described from nothing.
 */
export function describeAirlineChange(before: AirlineConfig | undefined, after: AirlineConfig): string[] {
  const facts: [string, (a: AirlineConfig | undefined) => string][] = [
    ['name', (a) => a?.name ?? 'none'],
    ['laws applied', laws],
    ['licensed in', (a) => a?.country ?? 'not set'],
    ['own policy', careFrom],
    ['meal voucher per person', (a) => amount(a?.mealVoucherPerPerson)],
    ['further meals', mealEvery],
    ['hotel per night', (a) => amount(a?.hotelPerNight)],
    ['transport per trip', (a) => amount(a?.transportPerTrip)],
  ];
  if (!before) return [`${after.code} added: ${after.name}`, ...facts.slice(1).map(([label, read]) => `${after.code} ${label}: ${read(after)}`)];
  const out: string[] = [];
  for (const [label, read] of facts) {
    const [was, now] = [read(before), read(after)];
    if (was !== now) out.push(`${after.code} ${label}: ${was} → ${now}`);
  }
  return out.length ? out : [`${after.code}: no change (saved again)`];
}
