import type { PhoneTicket } from '../../core/phone-view.ts';
import type { Translate } from './i18n.ts';
import { formatTime } from './format.ts';
import { entitlementSentence } from '../../client/passenger/entitlement-words.ts';

/** What the passenger is owed, in the kiosk's plain words (the hub applies core's entitlement rules). */
export function Owed({ ticket, now, t, lang }: { ticket: PhoneTicket; now: number; t: Translate; lang: string }) {
  if (!ticket.entitlements.length || !ticket.flight) return null;
  return (
    <section aria-labelledby="owed-title" className="card" data-testid="entitlements">
      <h2 id="owed-title">{t('entitlement.title', { flight: ticket.flight.number })}</h2>
      <ul>
        {ticket.entitlements.map((e) => {
          const owedNow = e.from === null || Date.parse(e.from) <= now;
          return (
            <li key={e.kind}>
              <p>{entitlementSentence(e.messageKey, e.params, t)}</p>
              <p className="meta">
                {owedNow ? t('entitlement.owedNow') : t('entitlement.owedFrom', { time: formatTime(e.from!, lang, ticket.timeZone) })} ·{' '}
                <span lang="en">{e.legalBasis}</span>
              </p>
            </li>
          );
        })}
      </ul>
      <p className="meta">{t('entitlement.askStaff')}</p>
    </section>
  );
}
