/** How the manager view writes numbers and times: one place, so every panel agrees. */
import { airportClock, airportDateTime, airportInputValue, formatMoney, instantFromAirportInput } from '../../../core/index.ts';

/** The manager view reads amounts the British way, "€1,234.50", like its times and numbers. */
const LOCALE = 'en-GB';

export function minutes(m: number | null): string {
  if (m === null) return '—';
  if (m < 1) return '<1 min';
  if (m < 60) return `${Math.round(m)} min`;
  const h = Math.floor(m / 60);
  const rest = Math.round(m % 60);
  return `${h} h ${String(rest).padStart(2, '0')}`;
}

// formatMoney keeps one Intl formatter per locale and currency: building one per call cost a board with many spend cells more than the numbers did.
export function money(minor: number, currency: string): string {
  return formatMoney({ minor, currency }, LOCALE);
}

/**
 * Hub times are UTC instants; people read the airport's local time (airportTimeZone(state)),
 * never the tablet's own zone, which may be a visitor's or never have been set.
 */
export function clock(iso: string, zone: string): string {
  return airportClock(iso, zone);
}

export function dateTime(iso: string, zone: string): string {
  return airportDateTime(iso, zone);
}

/** Value for an <input type="datetime-local"> from an ISO instant, in airport time. */
export function toLocalInput(iso: string, zone: string): string {
  return airportInputValue(iso, zone);
}

/** ISO instant from an <input type="datetime-local"> value read as airport time; null when empty or unreadable. */
export function fromLocalInput(value: string, zone: string): string | null {
  return instantFromAirportInput(value, zone);
}
