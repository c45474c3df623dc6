import { airportClockIn, type Flight } from '../../core/plain.ts';
import { isolateIn } from '../../client/passenger/words-in-language.ts';

/** A clock time in the passenger's language (21:30 or 9:30 PM), always in the airport's time zone. */
export function formatTime(iso: string, language: string, timeZone: string): string {
  return airportClockIn(iso, timeZone, language);
}

/** The words for a flight's status line, as i18n key and values. */
export function flightLine(f: Flight, language: string, timeZone: string): { key: string; values: Record<string, string> } {
  const values = {
    flight: isolateIn(f.number, language),
    destination: isolateIn(f.destinationName, language),
    time: formatTime(f.status === 'delayed' ? f.estimatedDeparture : f.scheduledDeparture, language, timeZone),
  };
  return { key: `flight.${f.status}`, values };
}
