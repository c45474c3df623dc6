import type { Language } from '../../core/model.ts';
import type { PhoneTicket } from '../../core/phone-view.ts';
import type { Translate } from './i18n.ts';
import { formatTime } from './format.ts';

/** The duty manager's notices passengers at the gate see (after the staff's lead), in the passenger's language where written. */
export function Notices({ ticket, t, lang }: { ticket: PhoneTicket; t: Translate; lang: Language }) {
  return (
    <>
      {ticket.notices.map((n) => {
        const language: Language = n.texts[lang] ? lang : n.texts.en ? 'en' : (Object.keys(n.texts)[0] as Language);
        const text = n.texts[language]!;
        return (
          <section key={n.id} aria-labelledby={`notice-${n.id}`} className="card notice" data-testid="notice">
            <h2 id={`notice-${n.id}`}>{n.flightNumber ? t('notice.title', { flight: n.flightNumber }) : t('notice.titleGate')}</h2>
            <dl lang={language}>
              <dt lang={lang}>{t('notice.known')}</dt>
              <dd>{text.known}</dd>
              {text.unknown && (
                <>
                  <dt lang={lang}>{t('notice.unknown')}</dt>
                  <dd>{text.unknown}</dd>
                </>
              )}
            </dl>
            <p className="meta">
              {t('notice.updated', { time: formatTime(n.publishedAt, lang, ticket.timeZone) })}
              {n.nextUpdateAt && <> · {t('notice.next', { time: formatTime(n.nextUpdateAt, lang, ticket.timeZone) })}</>}
            </p>
          </section>
        );
      })}
    </>
  );
}
