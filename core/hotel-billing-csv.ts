import Papa from 'papaparse';
import type { HotelBillingRow } from './hotel-board.ts';
import { decimalText } from './money.ts';

/** Same guard as the disruption report: a hotel name typed as "=HYPERLINK(...)" stays text in a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Nights and cost per hotel per flight, one line each, then a TOTAL line per currency: what each hotel invoices. */
export function hotelBillingCsv(rows: readonly HotelBillingRow[]): string {
  const data: (string | number)[][] = rows.map((r) => [
    r.flightNumber,
    r.flightId,
    r.hotelName,
    r.roomNights,
    r.guests,
    decimalText({ minor: r.costCents, currency: r.currency }),
    r.currency,
  ]);
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  for (const c of currencies) {
    const mine = rows.filter((r) => r.currency === c);
    const sum = (f: (r: HotelBillingRow) => number) => mine.reduce((n, r) => n + f(r), 0);
    data.push(['TOTAL', '', '', sum((r) => r.roomNights), sum((r) => r.guests), decimalText({ minor: sum((r) => r.costCents), currency: c }), c]);
  }
  return Papa.unparse(
    { fields: ['flight', 'flight_id', 'hotel', 'room_nights', 'guests', 'cost', 'currency'], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
