/** How the manager view writes numbers and times: one place, so every panel agrees. */
import { airportClock, airportDateTime, airportInputValue, instantFromAirportInput } from '../../../core/index.ts';

export function minutes(m: number | null): string {
  if (m === null) return '—';
  if (m < 1) return '<1 min';
  if (m < 60) return `${Math.round(m)} min`;
  const h = Math.floor(m / 60);
  const rest = Math.round(m % 60);
  return `${h} h ${String(rest).padStart(2, '0')}`;
}

/** One formatter per currency: building one per call cost a board with many spend cells more than the numbers did. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function money(cents: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f) moneyFormats.set(currency, (f = new Intl.NumberFormat('en-GB', { style: 'currency', currency })));
  return f.format(cents / 100);
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
