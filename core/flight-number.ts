/** Carrier (two letters or digits), one to four digits, an optional suffix: AF1634, U21234, BA304A. */
export const FLIGHT_NUMBER_PATTERN = /^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$/;

/** What a passenger types, as flights are numbered: " af 1634 " -> "AF1634". */
export function normaliseFlightNumber(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

/** The flight number in standard form, or null when it cannot be one. */
export function parseFlightNumber(input: string): string | null {
  const n = normaliseFlightNumber(input);
  return FLIGHT_NUMBER_PATTERN.test(n) ? n : null;
}
