import type { PhoneTicket } from '../../core/phone-view.ts';
import type { Translate } from './i18n.ts';
import { formatTime } from './format.ts';

/** The flight as it is now: a gate change and the new departure show here as soon as the duty manager makes them. */
export function FlightLine({
  flight,
  timeZone,
  t,
  lang,
}: {
  flight: NonNullable<PhoneTicket['flight']>;
  timeZone: string;
  t: Translate;
  lang: string;
}) {
  const time = formatTime(flight.status === 'scheduled' ? flight.scheduledDeparture : flight.estimatedDeparture, lang, timeZone);
  return (
    <section aria-labelledby="flight-title" className="card" data-testid="flight">
      <h2 id="flight-title">{t(`flight.${flight.status}`, { flight: flight.number, destination: flight.destinationName, time })}</h2>
      <p data-testid="flight-gate">{t('app.gate', { gate: flight.gate })}</p>
    </section>
  );
}
