import { useKioskTranslation } from './use-kiosk-translation.ts';
import {
  airportTimeZone,
  entitlementMessageKey,
  entitlementsForFlight,
  formatMoney,
  nextThresholdMessageKey,
  owedAt,
  type Entitlement,
  passengerProfile,
  type Flight,
  type HubState,
  type Need,
  type Party,
} from '../../core/plain.ts';
import { formatTime } from './format.ts';
import { entitlementSentence, readableHours } from '../../client/passenger/entitlement-words.ts';

/**
 * When: owed now and to be offered by a deadline (EU 261 / UK261, once the delay is announced),
 * owed now (cancellation, Art. 11), or owed from a time (APPR and airline policies count the wait).
 */
function timing(e: Entitlement, now: string, t: (key: string, values?: Record<string, string>) => string, language: string, zone: string): string {
  if (!owedAt(e, now)) return t('entitlement.owedFrom', { time: formatTime(e.from!, language, zone) });
  return e.offerBy ? t('entitlement.owedNowBy', { time: formatTime(e.offerBy, language, zone) }) : t('entitlement.owedNow');
}

/**
 * What the passenger is owed, in plain words, from core's entitlement rules:
 * the same answer staff see on their card, worded for the passenger. Under every
 * threshold, when care would start.
 */
export function Entitlements({ state, flight, party, needs }: { state: HubState; flight: Flight; party: Party; needs: readonly Need[] }) {
  const { t, language } = useKioskTranslation();
  const assessment = entitlementsForFlight(state, flight, passengerProfile({ party, needs: [...needs] }));
  if (!assessment) return null;
  const next = assessment.nextThreshold;
  if (!assessment.entitlements.length) {
    if (!next) return null;
    return (
      <section className="entitlements" aria-labelledby="entitlements-title" data-testid="entitlements">
        <h3 id="entitlements-title">{t('entitlement.nextTitle', { flight: flight.number })}</h3>
        <p>
          {t(nextThresholdMessageKey(next), {
            thresholdHours: readableHours(next.delayMinutes / 60),
            time: formatTime(next.at, language, airportTimeZone(state)),
          })}
        </p>
      </section>
    );
  }
  const now = new Date().toISOString();
  const words = (key: string, values?: Record<string, string | number>) => t(key, values ?? {});
  return (
    <section className="entitlements" aria-labelledby="entitlements-title" data-testid="entitlements">
      <h3 id="entitlements-title">{t('entitlement.title', { flight: flight.number })}</h3>
      <ul>
        {assessment.entitlements.map((e) => {
          const p = e.params;
          return (
            <li key={e.kind}>
              <p>{entitlementSentence(entitlementMessageKey(e), p, words)}</p>
              <p className="meta">
                {timing(e, now, t, language, airportTimeZone(state))}
                {typeof p.amountMinor === 'number' && typeof p.currency === 'string' && (
                  <> · {t('entitlement.voucher', { amount: formatMoney({ minor: p.amountMinor, currency: p.currency }, language) })}</>
                )}
                {' · '}
                <bdi lang="en">{e.legalBasis}</bdi>
              </p>
            </li>
          );
        })}
      </ul>
      <p className="meta">{t('entitlement.askStaff')}</p>
    </section>
  );
}
