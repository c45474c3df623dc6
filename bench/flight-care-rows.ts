import type { FlightCareResult } from './flight-care.ts';

/** The bench table's rows for a whole flight: issue, then redemption at many outlets at once. */
export function flightCareRows(r: FlightCareResult): Array<[string, string, string?]> {
  return [
    [`Whole flight: ${r.passengers} meal vouchers issued in one operation`, `${r.issueMs} ms (decided and durable)`],
    [
      `Whole flight: redeem at ${r.outlets} outlets at once, REST p50/p99`,
      `${r.redeem.p50} / ${r.redeem.p99} ms (${r.redeem.n} calls fired together); ${r.refusedDoubles} doubles refused; ${r.exact ? 'exact' : 'WRONG'} total`,
      'never spent twice',
    ],
  ];
}

/** Recognises those rows in a stored table, to replace them when the section runs alone. */
export const FLIGHT_CARE_ROW = /^\| Whole flight: /;
