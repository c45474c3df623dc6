import type { Flight } from '../../core/plain.ts';

/** A clock time in the passenger's language, e.g. 21:30 or 9:30 PM. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** The words for a flight's status line, as i18n key and values. */
export function flightLine(f: Flight, language: string): { key: string; values: Record<string, string> } {
  const values = {
    flight: f.number,
    destination: f.destinationName,
    time: formatTime(f.status === 'delayed' ? f.estimatedDeparture : f.scheduledDeparture, language),
  };
  return { key: `flight.${f.status}`, values };
}
