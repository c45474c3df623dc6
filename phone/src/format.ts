import { airportClockIn } from '../../core/airport-clock.ts';

/** A clock time written the passenger's way (21:30, 9:30 PM), on the airport's clock wherever the phone is set. */
export function formatTime(iso: string, language: string, timeZone: string): string {
  return airportClockIn(iso, timeZone, language);
}
