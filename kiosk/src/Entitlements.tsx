import { useTranslation } from 'react-i18next';
import {
  airportTimeZone,
  entitlementMessageKey,
  entitlementsForFlight,
  owedAt,
  passengerProfile,
  type Flight,
  type HubState,
  type Need,
  type Party,
} from '../../core/index.ts';
import { formatTime } from './format.ts';

function money(amount: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
}

/**
 * What the passenger is owed, in plain words, from core's entitlement rules:
 * the same answer staff see on their card, worded for the passenger.
 */
export function Entitlements({
  state,
  flight,
  party,
  needs,
}: {
  state: HubState;
  flight: Flight;
  party: Party;
  needs: readonly Need[];
}) {
  const { t, i18n } = useTranslation();
  const assessment = entitlementsForFlight(state, flight, passengerProfile({ party, needs: [...needs] }));
  if (!assessment?.entitlements.length) return null;
  const now = new Date().toISOString();
  return (
    <section className="entitlements" aria-labelledby="entitlements-title" data-testid="entitlements">
      <h3 id="entitlements-title">{t('entitlement.title', { flight: flight.number })}</h3>
      <ul>
        {assessment.entitlements.map((e) => {
          const p = e.params;
          const values: Record<string, string | number> = { ...p };
          if (typeof p.thresholdHours === 'number') values.thresholdHours = Math.round(p.thresholdHours * 10) / 10;
          return (
            <li key={e.kind}>
              <p>{t(entitlementMessageKey(e), values)}</p>
              <p className="meta">
                {owedAt(e, now) ? t('entitlement.owedNow') : t('entitlement.owedFrom', { time: formatTime(e.from!, i18n.language, airportTimeZone(state)) })}
                {typeof p.amount === 'number' && typeof p.currency === 'string' && (
                  <> · {t('entitlement.voucher', { amount: money(p.amount, p.currency, i18n.language) })}</>
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
