import { useKioskTranslation } from './use-kiosk-translation.ts';
import { airportTimeZone, isLanguage, noticeText, noticesForGate, type HubState } from '../../core/plain.ts';
import { formatTime } from './format.ts';
import { useNoticeSpeech } from './speech/use-notice-speech.ts';

/**
 * The duty manager's notices for this gate (what we know, what we don't know
 * yet, when the next update comes), in the passenger's language where written.
 */
export function FlightNotices({ state, gate }: { state: HubState; gate: string }) {
  const { t, language: passengerLanguage } = useKioskTranslation();
  const notices = noticesForGate(state, gate);
  const zone = airportTimeZone(state);
  useNoticeSpeech(state, notices);
  if (!notices.length) return null;
  return (
    <>
      {notices.map((n) => {
        const { language, text } = noticeText(n, isLanguage(passengerLanguage) ? passengerLanguage : 'en');
        const flight = n.scope.kind === 'flight' ? state.flights[n.scope.flightId]?.number : undefined;
        return (
          <section key={n.id} className="notice" aria-labelledby={`notice-${n.id}`} data-testid="notice">
            <h3 id={`notice-${n.id}`}>{flight ? t('notice.title', { flight }) : t('notice.titleGate')}</h3>
            {/* A notice not written in the passenger's language falls back to English: dir="auto"
                keeps that text left to right inside an Arabic page. */}
            <dl lang={language}>
              <dt lang={passengerLanguage}>{t('notice.known')}</dt>
              <dd dir="auto">{text.known}</dd>
              {text.unknown && (
                <>
                  <dt lang={passengerLanguage}>{t('notice.unknown')}</dt>
                  <dd dir="auto">{text.unknown}</dd>
                </>
              )}
            </dl>
            <p className="meta">
              {t('notice.updated', { time: formatTime(n.publishedAt, passengerLanguage, zone) })}
              {n.nextUpdateAt && <> · {t('notice.next', { time: formatTime(n.nextUpdateAt, passengerLanguage, zone) })}</>}
            </p>
          </section>
        );
      })}
    </>
  );
}
