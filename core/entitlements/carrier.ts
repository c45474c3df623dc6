/** The IATA designator is the first two characters of a flight number (AF1634, U24821). */
export function carrierOf(flightNumber: string): string {
  return flightNumber.slice(0, 2);
}
