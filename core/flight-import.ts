import { z } from 'zod';
import { CountryCode, Flight, FlightNumber, FlightStatus, GateId, TimeZone } from './model.ts';
import { describeZodError } from './ops.ts';
import { blankToUndefined, numberFromCell, parseRows, type ImportError, type TableShape } from './tabular-rows.ts';

export type { ImportError } from './tabular-rows.ts';

export interface FlightImport {
  format: 'csv' | 'json';
  flights: Flight[];
  errors: ImportError[];
}

const COLUMNS = [
  'number',
  'origin',
  'destination',
  'destinationName',
  'distanceKm',
  'gate',
  'scheduledDeparture',
  'estimatedDeparture',
  'status',
  'originCountry',
  'destinationCountry',
  'originTimeZone',
] as const;
const REQUIRED = ['number', 'origin', 'destination', 'distanceKm', 'gate', 'scheduledDeparture'] as const;

const Airport = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'an airport is a three-letter IATA code such as CDG');
const When = z.iso.datetime({ offset: true, message: 'a time looks like 2026-11-23T18:45:00Z' });

/** One row as a person writes it: strings from CSV, numbers or strings from JSON. */
const Row = z
  .object({
    number: FlightNumber,
    origin: Airport,
    destination: Airport,
    destinationName: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    // A blank cell or null is a missing distance, never 0 km: care thresholds are chosen by distance.
    distanceKm: z.preprocess(
      numberFromCell,
      z
        .number({
          error: (i) =>
            i.input === undefined
              ? "distanceKm is missing: give the flight's distance in kilometres, such as 830"
              : 'distanceKm is a number of kilometres, such as 830',
        })
        .int('distanceKm is a whole number of kilometres')
        .positive("distanceKm is the flight's distance in kilometres: more than 0")
        .max(20000, 'distanceKm is at most 20000'),
    ),
    gate: z.string().trim().toUpperCase().pipe(GateId),
    scheduledDeparture: When,
    estimatedDeparture: z.preprocess(blankToUndefined, When.optional()),
    status: z.preprocess(blankToUndefined, FlightStatus.optional()),
    originCountry: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().pipe(CountryCode).optional()),
    destinationCountry: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().pipe(CountryCode).optional()),
    originTimeZone: z.preprocess(blankToUndefined, z.string().trim().pipe(TimeZone).optional()),
  })
  .strict();

function toFlight(input: Record<string, unknown>, gates: ReadonlySet<string>): { flight: Flight } | { error: string } {
  const r = Row.safeParse(input);
  if (!r.success) return { error: describeZodError(r.error) };
  const row = r.data;
  if (!gates.has(row.gate)) return { error: `gate ${row.gate} does not exist` };
  const scheduled = new Date(row.scheduledDeparture).toISOString();
  const estimated = row.estimatedDeparture ? new Date(row.estimatedDeparture).toISOString() : scheduled;
  const status = row.status ?? (estimated > scheduled ? 'delayed' : 'scheduled');
  if (status !== 'cancelled' && estimated < scheduled) {
    return { error: 'estimatedDeparture is before scheduledDeparture' };
  }
  const flight = Flight.safeParse({
    id: `${row.number}-${scheduled.slice(0, 10)}`,
    number: row.number,
    origin: row.origin,
    destination: row.destination,
    destinationName: row.destinationName ?? row.destination,
    distanceKm: row.distanceKm,
    gate: row.gate,
    scheduledDeparture: scheduled,
    estimatedDeparture: estimated,
    status,
    ...(row.originCountry ? { originCountry: row.originCountry } : {}),
    ...(row.destinationCountry ? { destinationCountry: row.destinationCountry } : {}),
    ...(row.originTimeZone ? { originTimeZone: row.originTimeZone } : {}),
  });
  return flight.success ? { flight: flight.data } : { error: describeZodError(flight.error) };
}

const SHAPE: TableShape = { columns: COLUMNS, required: REQUIRED, item: 'flight', example: '{"number": "AF1634", ...}' };

/**
 * Reads a flight list a duty manager uploads (CSV with a header line, or a JSON array).
 * Every bad row is reported with its line; good rows come back as flights ready to upsert.
 */
export function parseFlightList(text: string, knownGates: Iterable<string>, format?: 'csv' | 'json'): FlightImport {
  const gates = new Set(knownGates);
  const { format: fmt, rows, errors } = parseRows(text, SHAPE, format);
  const flights: Flight[] = [];
  const seenAt = new Map<string, number>();
  for (const { line, values } of rows) {
    const out = toFlight(values, gates);
    if ('error' in out) {
      errors.push({ line, message: out.error });
      continue;
    }
    const first = seenAt.get(out.flight.id);
    if (first !== undefined) {
      errors.push({ line, message: `${out.flight.number} on ${out.flight.scheduledDeparture.slice(0, 10)} is already on line ${first}` });
      continue;
    }
    seenAt.set(out.flight.id, line);
    flights.push(out.flight);
  }
  errors.sort((a, b) => a.line - b.line);
  return { format: fmt, flights, errors };
}
