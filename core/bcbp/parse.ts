import { parseFlightNumber } from '../flight-number.ts';

/**
 * IATA Bar Coded Boarding Pass (Resolution 792), format "M": the text a gate
 * scanner types. Only the mandatory items are read; the conditional sections
 * are skipped by their declared size, so multi-leg passes line up.
 */

export interface BcbpLeg {
  pnr: string;
  from: string;
  to: string;
  /** Operating carrier designator, e.g. "AF". */
  carrier: string;
  /** The canonical flight number (core/flight-number.ts): "AF 0084" on the pass is "AF0084". */
  flightNumber: string;
  /** Day of the year of the flight, 1–366. */
  julianDate: number;
  compartment: string;
  seat: string;
  sequence: string;
  passengerStatus: string;
}

export interface BoardingPass {
  surname: string;
  givenNames: string;
  electronicTicket: boolean;
  legs: BcbpLeg[];
}

/** Why a scan could not be read; the kiosk words each one for the passenger. */
export type BcbpErrorCode = 'empty' | 'not_boarding_pass' | 'truncated' | 'invalid_field';

export type BcbpResult = { ok: true; pass: BoardingPass } | { ok: false; code: BcbpErrorCode; reason: string };

const HEADER = 23;
const LEG = 37;
const FIRST_LEG_END = HEADER + LEG;

/** Some scanners prefix the AIM symbology identifier, e.g. "]Q3" for QR or "]L2" for PDF417. */
const SYMBOLOGY_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

function fail(code: BcbpErrorCode, reason: string): BcbpResult {
  return { ok: false, code, reason };
}

class FieldError extends Error {}

function field(text: string, start: number, length: number, name: string, pattern: RegExp): string {
  const raw = text.slice(start, start + length);
  if (raw.length < length) throw new FieldError(`${name} is cut short`);
  const value = raw.trim();
  if (!pattern.test(value)) throw new FieldError(`${name} "${raw}" is not valid`);
  return value;
}

function readLeg(text: string, at: number): { leg: BcbpLeg; conditionalSize: number } {
  // Some airlines' systems print the booking reference in lowercase: it is the same reference.
  const pnr = field(text, at, 7, 'booking reference', /^[A-Za-z0-9]{5,7}$/).toUpperCase();
  const from = field(text, at + 7, 3, 'departure airport', /^[A-Z]{3}$/);
  const to = field(text, at + 10, 3, 'arrival airport', /^[A-Z]{3}$/);
  const carrier = field(text, at + 13, 3, 'carrier', /^[A-Z0-9]{2}$/);
  const flight = field(text, at + 16, 5, 'flight number', /^[0-9]{1,4}[A-Z]?$/);
  const julian = field(text, at + 21, 3, 'date of flight', /^[0-9]{3}$/);
  const compartment = field(text, at + 24, 1, 'compartment', /^[A-Z]?$/);
  const seat = field(text, at + 25, 4, 'seat', /^[0-9A-Z]*$/);
  const sequence = field(text, at + 29, 5, 'check-in sequence', /^[0-9A-Z]*$/);
  const passengerStatus = field(text, at + 34, 1, 'passenger status', /^[0-9A-Z]?$/);
  const size = field(text, at + 35, 2, 'conditional section size', /^[0-9A-Fa-f]{2}$/);
  const julianDate = Number(julian);
  if (julianDate < 1 || julianDate > 366) throw new FieldError(`date of flight ${julian} is not a day of the year`);
  const flightNumber = parseFlightNumber(`${carrier}${flight}`);
  if (!flightNumber) throw new FieldError(`flight number "${flight}" is not a flight number`);
  return {
    leg: {
      pnr,
      from,
      to,
      carrier,
      flightNumber,
      julianDate,
      compartment,
      seat,
      sequence,
      passengerStatus,
    },
    conditionalSize: parseInt(size, 16),
  };
}

/** Reads a scanned boarding pass; never throws, every failure says what was wrong. */
export function parseBcbp(input: string): BcbpResult {
  const text = input.replace(/[\r\n]+$/, '').replace(SYMBOLOGY_PREFIX, '');
  if (!text.trim()) return fail('empty', 'the scan was empty');
  if (!/^M[1-4]/.test(text)) return fail('not_boarding_pass', 'this is not an IATA boarding pass (format M, 1 to 4 legs)');
  if (text.length < FIRST_LEG_END) {
    return fail('truncated', `a boarding pass has at least ${FIRST_LEG_END} characters, this scan has ${text.length}`);
  }
  const legCount = Number(text[1]);
  const name = text.slice(2, 22);
  const slash = name.indexOf('/');
  const surname = (slash >= 0 ? name.slice(0, slash) : name).trim();
  const givenNames = slash >= 0 ? name.slice(slash + 1).trim() : '';
  if (!/^[A-Z][A-Z' -]*$/.test(surname)) return fail('invalid_field', `passenger name "${name.trim()}" has no readable surname`);
  const indicator = text[22];
  if (indicator !== 'E' && indicator !== ' ' && indicator !== 'L') {
    return fail('invalid_field', `electronic ticket indicator "${indicator}" is not valid`);
  }

  const legs: BcbpLeg[] = [];
  let at = HEADER;
  try {
    for (let i = 0; i < legCount; i++) {
      if (text.length < at + LEG) {
        return fail('truncated', `leg ${i + 1} of ${legCount} is missing or cut short`);
      }
      const { leg, conditionalSize } = readLeg(text, at);
      legs.push(leg);
      at += LEG + conditionalSize;
      // A size past the end means the scan was cut, or the pass is damaged: nothing after it can be trusted.
      if (text.length < at) {
        return fail(
          'truncated',
          `leg ${i + 1} declares ${conditionalSize} characters of optional data, but the scan ends ${at - text.length} characters before`,
        );
      }
    }
  } catch (e) {
    if (e instanceof FieldError) return fail('invalid_field', `leg ${legs.length + 1}: ${e.message}`);
    throw e;
  }
  return { ok: true, pass: { surname, givenNames, electronicTicket: indicator === 'E', legs } };
}
