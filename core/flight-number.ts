/**
 * One spelling per flight: carrier designator (two letters or digits), the number zero-padded to
 * four digits, then the optional operational suffix letter: AF0084, U24821, BA0304A.
 * Timetables, boarding passes (`AF 0084 `) and passengers (`af 84`) all write the same flight
 * differently; comparing canonical forms is what makes them the same flight.
 */
export const FLIGHT_NUMBER_PATTERN = /^[A-Z0-9]{2}[0-9]{4}[A-Z]?$/;

/**
 * What people and systems write: the carrier, optional spaces, the number with or without leading
 * zeros (a pass pads it to five characters), an optional suffix letter.
 */
const WRITTEN = /^([A-Z0-9]{2})\s*0*([0-9]{1,4})\s*([A-Z]?)$/;

/**
 * The canonical form of a flight number (" af 84 " -> "AF0084"), or the input uppercased and
 * without spaces when it cannot be one, so a schema can still name what was wrong with it.
 */
export function normaliseFlightNumber(input: string): string {
  return parseFlightNumber(input) ?? input.trim().toUpperCase().replace(/\s+/g, '');
}

/** The flight number in canonical form, or null when it cannot be one (no airline, flight 0, five significant digits). */
export function parseFlightNumber(input: string): string | null {
  const m = WRITTEN.exec(input.trim().toUpperCase());
  if (!m) return null;
  const carrier = m[1]!;
  const digits = m[2]!;
  const suffix = m[3] ?? '';
  // Designators always hold a letter (AF, U2, 9W): "1634" alone is a number without its airline.
  if (!/[A-Z]/.test(carrier) || Number(digits) === 0) return null;
  return `${carrier}${digits.padStart(4, '0')}${suffix}`;
}

/** Whether two spellings name the same flight number (AF84 and AF 0084 do). */
export function sameFlightNumber(a: string, b: string): boolean {
  return normaliseFlightNumber(a) === normaliseFlightNumber(b);
}
