import Papa from 'papaparse';
import type { CareRequest, Flight, HubState } from './model.ts';
import { isOpen, peopleIn, serveMinutes } from './board.ts';
import { median, minutesBetween } from './stats.ts';

export interface FlightReport {
  flightId: string;
  number: string;
  destination: string;
  status: Flight['status'];
  delayMin: number;
  requests: number;
  /** People (adults, children, infants) in delivered requests. */
  passengersHelped: number;
  stillOpen: number;
  /** Minutes from asking to delivery, over delivered requests. */
  medianWaitMin: number | null;
  /** The longest wait: a delivered request's, or an open one's so far if longer. */
  worstWaitMin: number | null;
}

export interface DisruptionReport {
  generatedAt: string;
  flights: FlightReport[];
  totals: Omit<FlightReport, 'flightId' | 'number' | 'destination' | 'status' | 'delayMin'>;
}

function summarise(requests: readonly CareRequest[], nowIso: string) {
  const served = requests.map(serveMinutes).filter((m): m is number => m !== null);
  const openWaits = requests.filter(isOpen).map((r) => minutesBetween(r.createdAt, nowIso));
  const all = [...served, ...openWaits];
  return {
    requests: requests.length,
    passengersHelped: requests.filter((r) => r.status === 'delivered').reduce((n, r) => n + peopleIn(r), 0),
    stillOpen: openWaits.length,
    medianWaitMin: median(served),
    worstWaitMin: all.length ? Math.max(...all) : null,
  };
}

/** The end-of-disruption report: per flight that had care requests, then the totals. */
export function buildReport(state: HubState, nowIso: string): DisruptionReport {
  const byFlight = new Map<string, CareRequest[]>();
  for (const r of Object.values(state.requests)) byFlight.set(r.flightId, [...(byFlight.get(r.flightId) ?? []), r]);
  const flights: FlightReport[] = [...byFlight.entries()].map(([flightId, requests]) => {
    const f = state.flights[flightId];
    return {
      flightId,
      number: f?.number ?? requests[0]!.flightNumber,
      destination: f?.destinationName ?? '',
      status: f?.status ?? 'scheduled',
      delayMin: f ? Math.max(0, Math.round(minutesBetween(f.scheduledDeparture, f.estimatedDeparture))) : 0,
      ...summarise(requests, nowIso),
    };
  });
  flights.sort((a, b) => a.number.localeCompare(b.number) || a.flightId.localeCompare(b.flightId));
  return { generatedAt: nowIso, flights, totals: summarise(Object.values(state.requests), nowIso) };
}

const oneDecimal = (m: number | null) => (m === null ? '' : (Math.round(m * 10) / 10).toFixed(1));

/** The report as CSV for a spreadsheet: one line per flight, then a TOTAL line. */
export function reportCsv(report: DisruptionReport): string {
  const rows = report.flights.map((f) => [
    f.number,
    f.flightId,
    f.destination,
    f.status,
    f.delayMin,
    f.requests,
    f.passengersHelped,
    f.stillOpen,
    oneDecimal(f.medianWaitMin),
    oneDecimal(f.worstWaitMin),
  ]);
  const t = report.totals;
  rows.push(['TOTAL', '', '', '', '', t.requests, t.passengersHelped, t.stillOpen, oneDecimal(t.medianWaitMin), oneDecimal(t.worstWaitMin)]);
  return Papa.unparse({
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
    ],
    data: rows,
  }, { newline: '\r\n' });
}
