import Papa from 'papaparse';
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { CountryCode, Flight, FlightNumber, FlightStatus, GateId, TimeZone } from './model.ts';
import { describeZodError } from './ops.ts';

export interface ImportError {
  /** 1-based line in the file the duty manager uploaded. */
  line: number;
  message: string;
}

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
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** "830" from a CSV cell becomes 830; blank or null becomes missing; other text stays text, to be named as wrong. */
function numberFromCell(v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isNaN(n) ? v : n;
}

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

/** Maps a character offset to its 1-based line, with one pass over the text. */
function lineIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** Column names are matched whatever their case, so "Gate" or "GATE" work too. */
function canonicalColumn(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  return COLUMNS.find((c) => c.toLowerCase() === n);
}

function parseCsv(text: string): { rows: { line: number; values: Record<string, unknown> }[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const rows: { line: number; values: Record<string, unknown> }[] = [];
  let header: (string | undefined)[] | null = null;
  let rowStart = 0;
  const lineAt = lineIndex(text);
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const cells = result.data;
      const line = lineAt(start);
      if (cells.every((c) => c.trim() === '')) return;
      for (const e of result.errors) {
        if (e.code !== 'UndetectableDelimiter') errors.push({ line, message: e.message });
      }
      if (!header) {
        header = cells.map(canonicalColumn);
        const unknown = cells.filter((c, i) => header![i] === undefined);
        if (unknown.length)
          errors.push({ line, message: `unknown column ${unknown.map((u) => `"${u}"`).join(', ')}; columns are ${COLUMNS.join(', ')}` });
        const missing = REQUIRED.filter((c) => !header!.includes(c));
        if (missing.length) errors.push({ line, message: `missing column ${missing.join(', ')}` });
        return;
      }
      if (cells.length !== header.length) {
        errors.push({ line, message: `${cells.length} values but ${header.length} columns` });
        return;
      }
      const values: Record<string, unknown> = {};
      header.forEach((c, i) => {
        if (c) values[c] = cells[i];
      });
      rows.push({ line, values });
    },
  });
  if (!header) errors.push({ line: 1, message: `the file is empty: the first line names the columns (${COLUMNS.join(', ')})` });
  return { rows, errors };
}

const JSON_PROBLEM: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character (text values need "double quotes")',
  ValueExpected: 'a value is expected',
  PropertyNameExpected: 'a "property name" is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected between items',
  CloseBraceExpected: 'a } is missing',
  CloseBracketExpected: 'a ] is missing',
  EndOfFileExpected: 'unexpected text after the list',
  UnexpectedEndOfString: 'a text value is not closed with "',
  InvalidCommentToken: 'comments are not allowed',
};

function parseJson(text: string): { rows: { line: number; values: Record<string, unknown> }[]; errors: ImportError[] } {
  const lineAt = lineIndex(text);
  const problems: ParseError[] = [];
  const tree = parseTree(text, problems, { disallowComments: true, allowTrailingComma: false });
  const first = problems[0];
  if (first || !tree) {
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    return { rows: [], errors: [{ line: first ? lineAt(first.offset) : 1, message: `not valid JSON: ${JSON_PROBLEM[code] ?? code}` }] };
  }
  if (tree.type !== 'array') return { rows: [], errors: [{ line: 1, message: 'a JSON flight list is an array of flights: [ {...}, {...} ]' }] };
  const rows: { line: number; values: Record<string, unknown> }[] = [];
  const errors: ImportError[] = [];
  for (const node of tree.children ?? []) {
    const line = lineAt(node.offset);
    if (node.type !== 'object') {
      errors.push({ line, message: 'each flight is an object such as {"number": "AF1634", ...}' });
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(getNodeValue(node) as Record<string, unknown>)) values[canonicalColumn(k) ?? k] = v;
    rows.push({ line, values });
  }
  return { rows, errors };
}

/**
 * Reads a flight list a duty manager uploads (CSV with a header line, or a JSON array).
 * Every bad row is reported with its line; good rows come back as flights ready to upsert.
 */
export function parseFlightList(text: string, knownGates: Iterable<string>, format?: 'csv' | 'json'): FlightImport {
  const fmt = format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  const gates = new Set(knownGates);
  const { rows, errors } = fmt === 'json' ? parseJson(text) : parseCsv(text.replace(/^\uFEFF/, ''));
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
