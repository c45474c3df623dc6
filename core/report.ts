import { decimalText } from './money.ts';
import Papa from 'papaparse';
import { STOCK_ITEMS, type StockItem, type CareRequest, type Flight, type HubState, type ItemCounts } from './model.ts';
import type { Voucher } from './voucher-model.ts';
import { isOpen, peopleIn, serveMinutes } from './board.ts';
import { median, minutesBetween } from './stats.ts';
import { airportTimeZone } from './airport.ts';
import { airportInputValue } from './airport-clock.ts';

export interface FlightReport {
  flightId: string;
  number: string;
  destination: string;
  status: Flight['status'];
  delayMin: number;
  /** Scheduled and expected (or rebooked) departure instants; null when the flight is no longer known. */
  scheduledDeparture: string | null;
  expectedDeparture: string | null;
  requests: number;
  /** People (adults, children, infants) in delivered requests. */
  passengersHelped: number;
  stillOpen: number;
  /** Minutes from asking to delivery, over delivered requests. */
  medianWaitMin: number | null;
  /** The longest wait: a delivered request's, or an open one's so far if longer. */
  worstWaitMin: number | null;
  itemsHandedOut: Record<StockItem, number>;
  /** Vouchers issued (on own authority or approved), and their total. */
  vouchers: number;
  spendCents: number;
  /** Escalations still waiting for a duty manager, and those declined. */
  pendingVouchers: number;
  declinedVouchers: number;
}

type FlightFacts = 'flightId' | 'number' | 'destination' | 'status' | 'delayMin' | 'scheduledDeparture' | 'expectedDeparture';

export interface DisruptionReport {
  generatedAt: string;
  /** The airport's zone: every time in the report and its CSV is read on this clock. */
  timeZone: string;
  currency: string;
  flights: FlightReport[];
  totals: Omit<FlightReport, FlightFacts>;
}

function summarise(requests: readonly CareRequest[], vouchers: readonly Voucher[], nowIso: string, flightIds: ReadonlySet<string> | 'all') {
  const items = Object.fromEntries(STOCK_ITEMS.map((i) => [i, 0])) as Record<StockItem, number>;
  for (const r of requests) {
    const handed: ItemCounts = r.handedOut ?? {};
    for (const i of STOCK_ITEMS) items[i] += handed[i] ?? 0;
  }
  const ids = new Set(requests.map((r) => r.id));
  // A whole flight's vouchers have no request: they count for the flight they are bound to.
  const mine = vouchers.filter((v) =>
    v.requestId === null ? flightIds === 'all' || (v.bound !== undefined && flightIds.has(v.bound.flightId)) : ids.has(v.requestId),
  );
  const issued = mine.filter((v) => v.status === 'issued');
  const served = requests.map(serveMinutes).filter((m): m is number => m !== null);
  const openWaits = requests.filter(isOpen).map((r) => Math.max(0, minutesBetween(r.createdAt, nowIso)));
  const all = [...served, ...openWaits];
  return {
    requests: requests.length,
    passengersHelped: requests.filter((r) => r.status === 'delivered').reduce((n, r) => n + peopleIn(r), 0),
    stillOpen: openWaits.length,
    medianWaitMin: median(served),
    worstWaitMin: all.length ? Math.max(...all) : null,
    itemsHandedOut: items,
    vouchers: issued.length,
    spendCents: issued.reduce((n, v) => n + v.amountCents, 0),
    pendingVouchers: mine.filter((v) => v.status === 'pending').length,
    declinedVouchers: mine.filter((v) => v.status === 'declined').length,
  };
}

/** The end-of-disruption report: per flight that had care requests, then the totals. */
export function buildReport(state: HubState, nowIso: string): DisruptionReport {
  const vouchers = Object.values(state.vouchers);
  const byFlight = new Map<string, CareRequest[]>();
  for (const r of Object.values(state.requests)) byFlight.set(r.flightId, [...(byFlight.get(r.flightId) ?? []), r]);
  for (const v of vouchers) if (v.bound && !byFlight.has(v.bound.flightId)) byFlight.set(v.bound.flightId, []);
  const flights: FlightReport[] = [...byFlight.entries()].map(([flightId, requests]) => {
    const f = state.flights[flightId];
    return {
      flightId,
      number: f?.number ?? requests[0]?.flightNumber ?? flightId,
      destination: f?.destinationName ?? '',
      status: f?.status ?? 'scheduled',
      delayMin: f ? Math.max(0, Math.round(minutesBetween(f.scheduledDeparture, f.estimatedDeparture))) : 0,
      scheduledDeparture: f?.scheduledDeparture ?? null,
      expectedDeparture: f?.estimatedDeparture ?? null,
      ...summarise(requests, vouchers, nowIso, new Set([flightId])),
    };
  });
  flights.sort((a, b) => a.number.localeCompare(b.number) || a.flightId.localeCompare(b.flightId));
  return {
    generatedAt: nowIso,
    timeZone: airportTimeZone(state),
    currency: state.policy.currency,
    flights,
    totals: summarise(Object.values(state.requests), vouchers, nowIso, 'all'),
  };
}

function counts(f: Omit<FlightReport, FlightFacts>, currency: string): (string | number)[] {
  return [
    f.requests,
    f.passengersHelped,
    f.stillOpen,
    oneDecimal(f.medianWaitMin),
    oneDecimal(f.worstWaitMin),
    ...STOCK_ITEMS.map((i) => f.itemsHandedOut[i]),
    f.vouchers,
    decimalText({ minor: f.spendCents, currency }),
    f.pendingVouchers,
    f.declinedVouchers,
  ];
}

const oneDecimal = (m: number | null) => (m === null ? '' : (Math.round(m * 10) / 10).toFixed(1));

/**
 * A text cell a spreadsheet would run as a formula (a destination typed as "=HYPERLINK(...)" or
 * "+cmd|..."): Papa prefixes it with a quote so it reads as text. Numbers are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The report as CSV for a spreadsheet: one line per flight, then a TOTAL line. */
export function reportCsv(report: DisruptionReport): string {
  // Airport wall-clock times, "2026-12-01 14:32", with the zone named on each line so a spreadsheet never guesses.
  const local = (iso: string | null) => (iso ? airportInputValue(iso, report.timeZone).replace('T', ' ') : '');
  const rows = report.flights.map((f) => [
    f.number,
    f.flightId,
    f.destination,
    f.status,
    f.delayMin,
    ...counts(f, report.currency),
    local(f.scheduledDeparture),
    local(f.expectedDeparture),
    report.timeZone,
  ]);
  rows.push(['TOTAL', '', '', '', '', ...counts(report.totals, report.currency), '', '', report.timeZone]);
  return Papa.unparse(
    {
      fields: [
        'flight',
        'flight_id',
        'destination',
        'status',
        'delay_min',
        'requests',
        'passengers_helped',
        'still_open',
        'median_wait_min',
        'worst_wait_min',
        ...STOCK_ITEMS.map((i) => `items_${i}`),
        'vouchers',
        `spend_${report.currency.toLowerCase()}`,
        'vouchers_pending',
        'vouchers_declined',
        'scheduled_departure',
        'expected_departure',
        'time_zone',
      ],
      data: rows,
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
