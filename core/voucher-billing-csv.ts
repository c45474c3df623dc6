import Papa from 'papaparse';
import type { VoucherBilling } from './voucher-billing.ts';
import { decimalText } from './money.ts';

/** Same guard as the disruption report: an outlet named "=HYPERLINK(...)" stays text in a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One line per airline (issued, redeemed, unredeemed: what the airline keeps), then one per outlet
 * and airline (what the outlet invoices the airline), amounts as decimals with their currency.
 */
export function voucherBillingCsv(b: VoucherBilling): string {
  const money = (minor: number, currency: string) => decimalText({ minor, currency });
  const data: (string | number)[][] = [
    ...b.airlines.map((a) => [
      'airline',
      a.airline,
      '',
      a.issuedCount,
      money(a.issuedMinor, a.currency),
      a.redeemedCount,
      money(a.redeemedMinor, a.currency),
      money(a.unredeemedMinor, a.currency),
      a.currency,
    ]),
    ...b.outlets.map((o) => ['outlet', o.airline, o.outletName, '', '', o.redemptions, money(o.redeemedMinor, o.currency), '', o.currency]),
  ];
  return Papa.unparse(
    {
      fields: ['scope', 'airline', 'outlet', 'issued_count', 'issued_amount', 'redeemed_count', 'redeemed_amount', 'unredeemed_amount', 'currency'],
      data,
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
