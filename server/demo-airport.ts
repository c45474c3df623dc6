import {
  AirlineConfig,
  makeOp,
  type AirlineConfigInput,
  type Flight,
  type Gate,
  type OpBody,
  type Op,
  type StaffMember,
  StockItem,
} from '../core/index.ts';
import { demoHotelBodies } from './demo-hotels.ts';
import { localDay } from '../core/entitlements/local-day.ts';

/** The demo staff and their PINs: also listed in the README, because this is a demo. */
export const DEMO_STAFF: ReadonlyArray<StaffMember & { pin: string }> = [
  { id: 'A101', firstName: 'Amira', lastName: 'Benali', role: 'agent', gates: gates(30, 39), pin: '2468' },
  { id: 'A102', firstName: 'Lucas', lastName: 'Martin', role: 'agent', gates: gates(30, 39), pin: '1357' },
  { id: 'A103', firstName: 'Sofia', lastName: 'Rossi', role: 'agent', gates: gates(40, 49), pin: '8642' },
  { id: 'A104', firstName: 'Tom', lastName: 'Walker', role: 'agent', gates: gates(40, 49), pin: '9753' },
  { id: 'A105', firstName: 'Nadia', lastName: 'Haddad', role: 'agent', gates: gates(30, 49), pin: '4826' },
  { id: 'M201', firstName: 'Claire', lastName: 'Dubois', role: 'duty_manager', gates: gates(30, 49), pin: '7319' },
];

export const DEMO_STOCK: Record<StockItem, number> = { water: 48, blanket: 20, snack: 40, baby_kit: 6 };

function gates(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `K${from + i}`);
}

/**
 * Care rules of the demo airlines at CDG. Every departure from Paris falls under EU 261 whatever is
 * listed here (the engine adds the law of the flight); the British carrier's flight into London also
 * falls under UK261, and the Montreal flight under Canada's APPR, which owes food after 2 h of waiting
 * where EU 261 waits for a 4 h delay on that distance.
 */
/** What every demo airline pays for care, as a configuration file writes it (amounts in decimals). */
const DEMO_CARE_AMOUNTS = {
  mealVoucherPerPerson: { amount: 15, currency: 'EUR' },
  hotelPerNight: { amount: 150, currency: 'EUR' },
  transportPerTrip: { amount: 40, currency: 'EUR' },
} as const;

/** The demo airlines' rules as a configuration file writes them. */
const DEMO_AIRLINE_CONFIGS: readonly AirlineConfigInput[] = [
  { code: 'AF', country: 'FR', name: 'Air France', regimes: ['eu261'], ...DEMO_CARE_AMOUNTS },
  { code: 'BA', country: 'GB', name: 'British Airways', regimes: ['eu261', 'uk261'], ...DEMO_CARE_AMOUNTS },
  { code: 'AC', country: 'CA', name: 'Air Canada', regimes: ['eu261', 'appr'], ...DEMO_CARE_AMOUNTS },
];

/** Read at the edge, like any configuration: amounts become minor units here (core/money.ts). */
export const DEMO_AIRLINES: readonly AirlineConfig[] = DEMO_AIRLINE_CONFIGS.map((c) => AirlineConfig.parse(c));

const HOUR = 3600_000;

function iso(ms: number): string {
  return new Date(Math.round(ms / 60_000) * 60_000).toISOString();
}

const ZONE = 'Europe/Paris';
const MINUTE = 60_000;

const airportDay = (ms: number): string => localDay(new Date(ms).toISOString(), ZONE);

/**
 * A delayed flight's scheduled and new departures, `lead` from now and `delay` late, kept on one
 * airport day: a new time past the airport's midnight owes a hotel (EU 261 Art. 6(1)(b)), which
 * would turn the demo's short delays into overnight ones late in the evening. Then the flight is
 * moved earlier so that it leaves at the last minute of the day, still after now. (AF0084, 5 h late
 * on a long haul, is left as it falls: overnight in the evening, as tests of the hotel rule expect.)
 */
function sameAirportDay(t: number, lead: number, delay: number): [number, number] {
  const scheduled = t + lead;
  if (airportDay(scheduled) === airportDay(scheduled + delay)) return [scheduled, scheduled + delay];
  // Whole minutes, as the flight is written (iso rounds to the minute): 23:59:40 would become 00:00.
  let lastMinute = Math.floor((scheduled + delay) / MINUTE) * MINUTE;
  while (airportDay(lastMinute) !== airportDay(scheduled)) lastMinute -= MINUTE;
  return [lastMinute - delay, lastMinute];
}

/** Five disrupted flights around `now` (three Air France, one British, one Canadian), plus two on time. */
export function demoFlights(now: Date): Flight[] {
  const t = now.getTime();
  const day = now.toISOString().slice(0, 10);
  const evening = new Date(`${day}T20:45:00.000Z`).getTime();
  const eveningDep = evening > t + HOUR ? evening : t + 2 * HOUR;
  // The cancelled flight's passengers leave the next airport day, whenever the demo starts: a hotel night.
  const nextAirportDay = new Date(Date.parse(airportDay(eveningDep)) + 24 * HOUR).toISOString().slice(0, 10);
  const nextMorning = new Date(`${nextAirportDay}T07:30:00.000Z`).getTime();
  const f = (
    number: string,
    destination: string,
    destinationName: string,
    destinationCountry: string,
    distanceKm: number,
    gate: string,
    scheduled: number,
    estimated: number,
    status: Flight['status'],
  ): Flight => ({
    id: `${number}-${day}`,
    number,
    origin: 'CDG',
    destination,
    destinationName,
    distanceKm,
    gate,
    scheduledDeparture: iso(scheduled),
    estimatedDeparture: iso(estimated),
    status,
    originCountry: 'FR',
    destinationCountry,
    originTimeZone: 'Europe/Paris',
    // Passengers of the disrupted flights learnt it a quarter of an hour ago: short notice.
    ...(status === 'scheduled' ? {} : { delayAnnouncedAt: iso(t - 0.25 * HOUR) }),
  });
  return [
    f('AF1634', 'BCN', 'Barcelona', 'ES', 830, 'K32', ...sameAirportDay(t, 0.5 * HOUR, 2.5 * HOUR), 'delayed'),
    f('AF0084', 'SFO', 'San Francisco', 'US', 8950, 'K36', t + 1 * HOUR, t + 6 * HOUR, 'delayed'),
    f('AF1780', 'FCO', 'Rome Fiumicino', 'IT', 1105, 'K41', eveningDep, nextMorning, 'cancelled'),
    f('AF1012', 'MAD', 'Madrid', 'ES', 1065, 'K34', t + 1.5 * HOUR, t + 1.5 * HOUR, 'scheduled'),
    f('AF1446', 'ATH', 'Athens', 'GR', 2100, 'K45', t + 2 * HOUR, t + 2 * HOUR, 'scheduled'),
    f('BA0305', 'LHR', 'London Heathrow', 'GB', 348, 'K38', ...sameAirportDay(t, 0.25 * HOUR, 2.25 * HOUR), 'delayed'),
    f('AC0871', 'YUL', 'Montreal', 'CA', 5530, 'K44', ...sameAirportDay(t, 0.75 * HOUR, 3 * HOUR), 'delayed'),
  ];
}

/** The operations that build the demo airport, in order, as the hub's own "system" actor. */
export function demoOps(now: Date): Op[] {
  const bodies: OpBody[] = [{ type: 'airport.set', payload: { code: 'CDG', timeZone: 'Europe/Paris' } }];
  const gateList: Gate[] = gates(30, 49).map((id) => ({ id, terminal: '2E' }));
  for (const g of gateList) bodies.push({ type: 'gate.upsert', payload: g });
  for (const g of gateList) {
    for (const item of StockItem.options) {
      bodies.push({ type: 'stock.set', payload: { gate: g.id, item, quantity: DEMO_STOCK[item] } });
    }
  }
  for (const a of DEMO_AIRLINES) bodies.push({ type: 'airline.upsert', payload: a });
  for (const f of demoFlights(now)) bodies.push({ type: 'flight.upsert', payload: f });
  for (const { pin: _pin, ...s } of DEMO_STAFF) bodies.push({ type: 'staff.upsert', payload: s });
  bodies.push(...demoHotelBodies(now));
  return bodies.map((b) => makeOp({ actor: { kind: 'system', id: 'demo-seed' }, device: 'hub', at: now }, b));
}
