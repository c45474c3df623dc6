import type { ListedPassenger, OpBody } from '../core/index.ts';
import { demoFlights } from './demo-airport.ts';

/*
 * Departure-control extracts for the demo's disrupted flights, so `npm start` shows "Before anyone
 * asks" and a whole flight can be given care at once without importing a file first. Invented people;
 * Anne Moreau (AF1634, seat 23A, sequence 42, booking XK4P2Q) is the README's typed pass.
 */

type Row = [surname: string, givenName: string, bookingRef: string, cabin: ListedPassenger['cabin'], seat: string, sequence: number, ssr?: string];

const AF1634: Row[] = [
  ['Moreau', 'Anne', 'XK4P2Q', 'economy', '23A', 42],
  ['Lefebvre', 'Paul', 'K7QX2A', 'business', '2C', 7, 'WCHR'],
  ['Garcia', 'Lucia', 'K7QX2B', 'economy', '31F', 88, 'UMNR'],
  ['Rossi', 'Marco', 'ABC123', 'economy', '14B', 12, 'WCHC INFT'],
  ['Rossi', 'Giulia', 'ABC123', 'economy', '14C', 13],
  ['Bernard', 'Claire', 'QW3E4R', 'economy', '18D', 25, 'INFT'],
  ['Bernard', 'Louis', 'QW3E4R', 'economy', '18E', 26],
  ['Nguyen', 'Minh', 'LP8K2M', 'business', '3A', 9],
  ['Haddad', 'Yasmine', 'TR5Y6U', 'economy', '27C', 51, 'INFT'],
  ['Schmidt', 'Jonas', 'ZX9C8V', 'economy', '22F', 40],
  ['Dubois', 'Léa', 'MN4B3V', 'economy', '9A', 18, 'DEAF'],
  ['Martin', 'Hugo', 'GH2J3K', 'economy', '25B', 47],
];

const AF1780: Row[] = [
  ['Conti', 'Elena', 'RM7T2P', 'economy', '12A', 3],
  ['Conti', 'Luca', 'RM7T2P', 'economy', '12B', 4],
  ['Conti', 'Sofia', 'RM7T2P', 'economy', '12C', 5, 'INFT'],
  ['Petit', 'Julien', 'FC4N8W', 'business', '1D', 1],
  ['Fontaine', 'Marie', 'HB6V1Q', 'economy', '20E', 14, 'WCHS'],
  ['Lambert', 'Théo', 'DS3K9L', 'economy', '28A', 22, 'UMNR'],
  ['Ricci', 'Paolo', 'YT2G5H', 'economy', '16F', 9],
  ['Ricci', 'Anna', 'YT2G5H', 'economy', '16E', 10],
];

const BA0305: Row[] = [
  ['Walker', 'Emily', 'BA7K2Q', 'premium_economy', '11A', 6],
  ['Walker', 'Oliver', 'BA7K2Q', 'premium_economy', '11B', 7, 'UMNR'],
  ['Patel', 'Ravi', 'BX4M8N', 'economy', '24C', 19, 'BLND'],
  ['Evans', 'Grace', 'BQ9L3T', 'business', '2A', 2],
];

const LISTS: Record<string, Row[]> = { AF1634, AF1780, BA0305 };

/** The day of the year a pass prints for a departure at this instant, in the airport's time zone. */
function julianAt(iso: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return String(Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 0)) / 86_400_000)).padStart(3, '0');
}

/** Anne Moreau's pass on AF1634 (scheduled at `scheduledDeparture`), as a gate scanner types it. */
export function demoPass(scheduledDeparture: string, timeZone = 'Europe/Paris'): string {
  return `M1${'MOREAU/ANNE'.padEnd(20)}EXK4P2Q CDGBCNAF 1634 ${julianAt(scheduledDeparture, timeZone)}Y023A0042 100`;
}

/** One `passengers.import` per listed demo flight (flight ids as the demo airport makes them). */
export function demoPassengerBodies(now: Date): OpBody[] {
  return demoFlights(now).flatMap((f): OpBody[] => {
    const rows = LISTS[f.number];
    if (!rows) return [];
    const passengers = rows.map(([surname, givenName, bookingRef, cabin, seat, sequence, ssr]) => ({
      surname,
      givenName,
      bookingRef,
      cabin,
      seat,
      sequence,
      ssr: ssr ? ssr.split(' ') : [],
    }));
    return [{ type: 'passengers.import', payload: { flightId: f.id, passengers } }];
  });
}
