import { useId } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { PublicTicket, WaitEstimate } from '../../core/plain.ts';
import { formatTime } from './format.ts';
import { listIn } from '../../client/passenger/words-in-language.ts';
import { ticketSteps } from '../../client/passenger/ticket-steps.ts';

/** What the timeline needs: the public facts of a ticket, wherever they came from. */
export type TicketFacts = Pick<PublicTicket, 'ticket' | 'status' | 'needs' | 'createdAt' | 'claimedAt' | 'claimedByName' | 'deliveredAt'>;

/** The big ticket number and the received → on the way → delivered timeline. */
export function TicketStatus({ facts, timeZone, headingLevel = 2 }: { facts: TicketFacts; timeZone: string; headingLevel?: 2 | 3 }) {
  const { t, language } = useKioskTranslation();
  const time = (iso: string | null) => (iso ? t('ticket.at', { time: formatTime(iso, language, timeZone) }) : '');
  const { steps, statusText } = ticketSteps(facts, (key, values) => t(key, values ?? {}), language, true);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="ticket-status">
      <Heading className="ticket-label">{t('ticket.number')}</Heading>
      <p className="ticket-number" data-testid="ticket-number">
        {facts.ticket}
      </p>
      <p className="status">
        {t('ticket.status')}: <strong data-testid="ticket-status">{statusText}</strong>
      </p>
      <ol className="timeline" aria-label={t('ticket.timeline')}>
        {steps.map((s, i) => (
          <li key={i} className={`step ${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span className="dot" aria-hidden="true">
              {s.state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-text">
              {s.label} {s.state !== 'next' && time(s.at)}
              <span className="visually-hidden"> ({s.stateWords})</span>
            </span>
          </li>
        ))}
      </ol>
      {/* A ticket found by flight and surname comes without its needs (they can be medical). */}
      {facts.needs.length > 0 && (
        <p className="asked">
          {t('ticket.asked', {
            needs: listIn(
              facts.needs.map((n) => t(`needs.${n}`)),
              language,
            ),
          })}
        </p>
      )}
    </div>
  );
}

/** The honest wait: a range and what it is based on, or why there is none. */
export function WaitInfo({ wait }: { wait: WaitEstimate | null }) {
  const { t } = useKioskTranslation();
  const titleId = useId();
  let body: React.ReactNode;
  if (!wait) body = <p>{t('wait.unknown')}</p>;
  else if (wait.basis === 'on_the_way' || wait.basis === 'done') body = <p>{t(`wait.${wait.basis}`)}</p>;
  else
    body = (
      <>
        {wait.minutes && (
          <p className="wait-range" data-testid="wait-range">
            {t('wait.range', { low: wait.minutes.low, high: wait.minutes.high })}
          </p>
        )}
        <p>{t('wait.position', { position: wait.position })}</p>
        <p className="wait-basis">{t(`wait.${wait.basis}`)}</p>
      </>
    );
  return (
    // A live region: a new estimate is said as it arrives (the ticket's own speech leaves it out).
    <section className="wait" aria-labelledby={titleId} data-testid="wait" aria-live="polite">
      <h3 id={titleId}>{t('wait.title')}</h3>
      {body}
    </section>
  );
}
