import type { PhoneTicket } from '../../core/phone-view.ts';
import type { Translate } from './i18n.ts';
import { formatTime } from './format.ts';
import { ticketSteps } from '../../client/passenger/ticket-steps.ts';

/** The ticket number, received → on the way (with the agent's first name) → delivered, and the honest wait. */
export function Timeline({ ticket, t, lang }: { ticket: PhoneTicket; t: Translate; lang: string }) {
  const { steps, statusText } = ticketSteps(ticket, t, lang, false);
  const wait = ticket.wait;
  return (
    <section aria-labelledby="status-title" className="card">
      <h2 id="status-title">{t('ticket.number')}</h2>
      <p className="ticket-number" data-testid="ticket-number">
        {ticket.ticket}
      </p>
      <p aria-live="polite">
        {t('ticket.status')}: <strong data-testid="ticket-status">{statusText}</strong>
      </p>
      <ol className="timeline" aria-label={t('ticket.timeline')}>
        {steps.map((s, i) => (
          <li key={i} className={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>
            {s.label} {s.state !== 'next' && s.at ? t('ticket.at', { time: formatTime(s.at, lang, ticket.timeZone) }) : ''}
            <span className="visually-hidden"> ({s.stateWords})</span>
          </li>
        ))}
      </ol>
      <p>{t('ticket.asked', { needs: ticket.needs.map((n) => t(`needs.${n}`)).join(', ') })}</p>
      <h3>{t('wait.title')}</h3>
      {wait.basis === 'on_the_way' || wait.basis === 'done' ? (
        <p>{t(`wait.${wait.basis}`)}</p>
      ) : (
        <>
          {wait.minutes && <p data-testid="wait-range">{t('wait.range', { low: wait.minutes.low, high: wait.minutes.high })}</p>}
          <p>{t('wait.position', { position: wait.position })}</p>
          <p className="meta">{t(`wait.${wait.basis}`)}</p>
        </>
      )}
    </section>
  );
}
