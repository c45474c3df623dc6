import { z } from 'zod';
import { describeZodError } from './ops.ts';
import type { Cabin, ListedPassenger } from './passenger-list.ts';
import { ListedPassengerSchema, MAX_LISTED_PASSENGERS } from './passenger-schema.ts';
import { blankToUndefined, numberFromCell, parseRows, type ImportError, type TableShape } from './tabular-rows.ts';

const COLUMNS = ['surname', 'givenName', 'bookingRef', 'cabin', 'seat', 'sequence', 'ssr'] as const;
const REQUIRED = ['surname', 'cabin', 'sequence'] as const;
const SHAPE: TableShape = { columns: COLUMNS, required: REQUIRED, item: 'passenger', example: '{"surname": "MOREAU", "cabin": "Y", "sequence": 42}' };

/** Cabins as departure-control extracts write them: a booking class letter or a word. */
const CABIN_WORDS: Record<string, Cabin> = {
  F: 'first',
  A: 'first',
  P: 'first',
  FIRST: 'first',
  C: 'business',
  J: 'business',
  D: 'business',
  BUSINESS: 'business',
  W: 'premium_economy',
  PREMIUM: 'premium_economy',
  PREMIUM_ECONOMY: 'premium_economy',
  Y: 'economy',
  M: 'economy',
  ECONOMY: 'economy',
};

const CabinCell = z
  .string({ error: 'cabin is required: F, C (or J), W or Y, or first, business, premium_economy, economy' })
  .transform((c) =>
    c
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_'),
  )
  .pipe(
    z
      .string()
      .refine((c) => c in CABIN_WORDS, 'cabin is F, C (or J), W or Y, or first, business, premium_economy, economy')
      .transform((c) => CABIN_WORDS[c]!),
  );

/** "WCHR UMNR", "WCHR;UMNR" or "WCHR,UMNR" in a cell; an array in JSON. */
const SsrCell = z.preprocess(
  (v) => (v === undefined || v === null ? [] : typeof v === 'string' ? v.split(/[\s,;|/]+/).filter((s) => s !== '') : v),
  z.array(z.string().transform((s) => s.trim().toUpperCase())),
);

const Row = z
  .object({
    surname: z.string({ error: 'surname is required' }),
    givenName: z.preprocess(blankToUndefined, z.string().optional()),
    bookingRef: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().optional()),
    cabin: CabinCell,
    seat: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().optional()),
    sequence: z.preprocess(numberFromCell, z.number({ error: 'sequence is the check-in sequence number printed on the boarding pass, such as 42' })),
    ssr: SsrCell,
  })
  .strict();

export interface PassengerImport {
  format: 'csv' | 'json';
  passengers: ListedPassenger[];
  errors: ImportError[];
}

function toPassenger(values: Record<string, unknown>): { passenger: ListedPassenger } | { error: string } {
  const row = Row.safeParse(values);
  if (!row.success) return { error: describeZodError(row.error) };
  const r = row.data;
  const stored = ListedPassengerSchema.safeParse({
    surname: r.surname,
    givenName: r.givenName ?? '',
    bookingRef: r.bookingRef ?? '',
    cabin: r.cabin,
    seat: (r.seat ?? '').replace(/^0+(?=\d)/, ''),
    sequence: r.sequence,
    ssr: [...new Set(r.ssr)],
  });
  return stored.success ? { passenger: stored.data } : { error: describeZodError(stored.error) };
}

/**
 * Reads one flight's passenger list (CSV with a header line, or a JSON array). Every bad row is
 * reported with its line; a list is taken whole or not at all, so the caller imports only when
 * `errors` is empty.
 */
export function parsePassengerList(text: string, format?: 'csv' | 'json'): PassengerImport {
  const { format: fmt, rows, errors } = parseRows(text, SHAPE, format);
  const passengers: ListedPassenger[] = [];
  const sequenceAt = new Map<number, number>();
  const seatAt = new Map<string, number>();
  for (const { line, values } of rows) {
    const out = toPassenger(values);
    if ('error' in out) {
      errors.push({ line, message: out.error });
      continue;
    }
    const p = out.passenger;
    const seqLine = sequenceAt.get(p.sequence);
    if (seqLine !== undefined) {
      errors.push({ line, message: `check-in sequence ${p.sequence} is already on line ${seqLine}` });
      continue;
    }
    const seatLine = p.seat ? seatAt.get(p.seat) : undefined;
    if (seatLine !== undefined) {
      errors.push({ line, message: `seat ${p.seat} is already taken on line ${seatLine}` });
      continue;
    }
    sequenceAt.set(p.sequence, line);
    if (p.seat) seatAt.set(p.seat, line);
    passengers.push(p);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'no passenger in the file' });
  if (passengers.length > MAX_LISTED_PASSENGERS)
    errors.push({ line: 1, message: `${passengers.length} passengers: a flight's list has at most ${MAX_LISTED_PASSENGERS}` });
  errors.sort((a, b) => a.line - b.line);
  return { format: fmt, passengers, errors };
}
