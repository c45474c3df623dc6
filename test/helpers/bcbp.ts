/** Builds IATA BCBP strings field by field, so tests state what they mean. */
export interface LegFields {
  pnr?: string;
  from?: string;
  to?: string;
  carrier?: string;
  flight?: string;
  julian?: string;
  compartment?: string;
  seat?: string;
  sequence?: string;
  status?: string;
  conditional?: string;
}

const pad = (s: string, n: number) => s.padEnd(n, ' ').slice(0, n);

export function bcbpLeg(f: LegFields = {}): string {
  const conditional = f.conditional ?? '';
  return (
    pad(f.pnr ?? 'ABC123', 7) +
    pad(f.from ?? 'CDG', 3) +
    pad(f.to ?? 'BCN', 3) +
    pad(f.carrier ?? 'AF', 3) +
    pad(f.flight ?? '1634', 5) +
    pad(f.julian ?? '327', 3) +
    pad(f.compartment ?? 'Y', 1) +
    pad(f.seat ?? '023A', 4) +
    pad(f.sequence ?? '0042', 5) +
    pad(f.status ?? '1', 1) +
    conditional.length.toString(16).toUpperCase().padStart(2, '0') +
    conditional
  );
}

export function bcbp(name: string, legs: LegFields[] = [{}], eTicket = 'E'): string {
  return `M${legs.length}${pad(name, 20)}${eTicket}${legs.map(bcbpLeg).join('')}`;
}

/**
 * The Julian date (day of the year, three digits) a pass prints for a flight leaving at this
 * instant, counted in the airport's time zone; the kiosk refuses a pass dated another day.
 */
export function julianFor(iso: string, timeZone = 'Europe/Paris'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return String(Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 0)) / 86_400_000)).padStart(3, '0');
}

/** A one-leg pass for a listed flight, dated the day it leaves (carrier and number from the flight's). */
export function passFor(flight: { number: string; scheduledDeparture: string }, name: string, leg: LegFields = {}): string {
  return bcbp(name, [{ carrier: flight.number.slice(0, 2), flight: flight.number.slice(2), julian: julianFor(flight.scheduledDeparture), ...leg }]);
}
