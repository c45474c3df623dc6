import type { CareRequest, Need } from './model.ts';
import { NEEDS } from './values.ts';
import { insertSorted, lowerBound, removeSorted } from './sorted-list.ts';

/**
 * The duty manager's board as running totals over the requests, updated request by request:
 * with 10,000 requests on the device, recomputing the board from every request on each push
 * made it fall tens of seconds behind. Nothing here depends on the time of reading: what depends
 * on "now" (the last hour, the chart's slots) is read from lists sorted by time (core/board.ts).
 */

type Requests = Record<string, CareRequest>;

const MINUTE_MS = 60_000;

interface Delivery {
  /** When it was delivered (epoch ms). */
  at: number;
  /** Minutes from asking to delivery. */
  serveMin: number;
}

/** One gate's open work, deliveries and who acted there (also used for the whole airport). */
export interface PlaceSummary {
  open: number;
  openByNeed: Map<Need, number>;
  /** createdAt (epoch ms) of every open request, ascending: the first is the longest wait. */
  openSince: number[];
  /** Every delivery, by delivery time. */
  deliveries: Delivery[];
  /** Per staff member, how many of their actions (claims, deliveries, notes, ...) happened at each instant. */
  actions: Map<string, Map<number, number>>;
  /** Per staff member, the latest of those instants. */
  lastAction: Map<string, number>;
}

export interface FlightSummary {
  open: number;
  /** People (adults, children, infants) in the flight's open requests. */
  peopleWaiting: number;
  /** People in its delivered requests. */
  helped: number;
}

export interface BoardSummary {
  gates: Map<string, PlaceSummary>;
  airport: PlaceSummary;
  flights: Map<string, FlightSummary>;
  /** Requests created / delivered per minute since the epoch. */
  createdPerMinute: Map<number, number>;
  deliveredPerMinute: Map<number, number>;
  /** Delivered requests per serve-time bin (SERVE_BINS). */
  serveBins: number[];
}

/** Serve-time bins in minutes: lower bound inclusive, upper exclusive (null: none). */
export const SERVE_BINS: ReadonlyArray<readonly [number, number | null]> = [
  [0, 5],
  [5, 10],
  [10, 15],
  [15, 30],
  [30, 60],
  [60, null],
];

export function isOpen(r: CareRequest): boolean {
  return r.status === 'received' || r.status === 'claimed';
}

export function peopleIn(r: CareRequest): number {
  return r.party.adults + r.party.children + r.party.infants;
}

/** Minutes from asking to delivery, for delivered requests. */
export function serveMinutes(r: CareRequest): number | null {
  return r.status === 'delivered' && r.deliveredAt ? (Date.parse(r.deliveredAt) - Date.parse(r.createdAt)) / MINUTE_MS : null;
}

const place = (): PlaceSummary => ({ open: 0, openByNeed: new Map(), openSince: [], deliveries: [], actions: new Map(), lastAction: new Map() });

function emptySummary(): BoardSummary {
  return {
    gates: new Map(),
    airport: place(),
    flights: new Map(),
    createdPerMinute: new Map(),
    deliveredPerMinute: new Map(),
    serveBins: SERVE_BINS.map(() => 0),
  };
}

/** Adds `by` to a count kept in a map, dropping keys that reach 0 so totals and a fresh summary hold the same keys. */
function bump<K>(m: Map<K, number>, key: K, by: number): void {
  const n = (m.get(key) ?? 0) + by;
  if (n === 0) m.delete(key);
  else m.set(key, n);
}

const self = (n: number) => n;
const deliveryAt = (d: Delivery) => d.at;
const sameDelivery = (a: Delivery, b: Delivery) => a.serveMin === b.serveMin;

function countAction(p: PlaceSummary, staffId: string, at: number, sign: 1 | -1): void {
  let times = p.actions.get(staffId);
  if (!times) p.actions.set(staffId, (times = new Map()));
  bump(times, at, sign);
  if (sign > 0) {
    if (!(at <= (p.lastAction.get(staffId) ?? -Infinity))) p.lastAction.set(staffId, at);
    return;
  }
  if (times.size === 0) {
    p.actions.delete(staffId);
    p.lastAction.delete(staffId);
  } else if (at === p.lastAction.get(staffId) && !times.has(at)) {
    // Rare: the latest action went away (a request's history only grows); find the new latest.
    p.lastAction.set(staffId, Math.max(...times.keys()));
  }
}

function countAt(p: PlaceSummary, r: CareRequest, sign: 1 | -1, delivery: Delivery | null): void {
  if (isOpen(r)) {
    p.open += sign;
    for (const n of r.needs) bump(p.openByNeed, n, sign);
    const since = Date.parse(r.createdAt);
    if (sign > 0) insertSorted(p.openSince, since, self);
    else removeSorted(p.openSince, since, self, (a, b) => a === b);
  } else if (delivery) {
    if (sign > 0) insertSorted(p.deliveries, delivery, deliveryAt);
    else removeSorted(p.deliveries, delivery, deliveryAt, sameDelivery);
  }
  for (const h of r.history) if (h.action !== 'received') countAction(p, h.by, Date.parse(h.at), sign);
}

/** Adds (sign 1) or takes away (sign -1) what one request contributes to the board. */
function count(s: BoardSummary, r: CareRequest, sign: 1 | -1): void {
  let gate = s.gates.get(r.gate);
  if (!gate) s.gates.set(r.gate, (gate = place()));
  let flight = s.flights.get(r.flightId);
  if (!flight) s.flights.set(r.flightId, (flight = { open: 0, peopleWaiting: 0, helped: 0 }));
  const serveMin = serveMinutes(r);
  const delivery = serveMin === null ? null : { at: Date.parse(r.deliveredAt!), serveMin };
  countAt(gate, r, sign, delivery);
  countAt(s.airport, r, sign, delivery);
  if (isOpen(r)) {
    flight.open += sign;
    flight.peopleWaiting += sign * peopleIn(r);
  } else if (r.status === 'delivered') flight.helped += sign * peopleIn(r);
  bump(s.createdPerMinute, Math.floor(Date.parse(r.createdAt) / MINUTE_MS), sign);
  if (r.status === 'delivered' && r.deliveredAt) bump(s.deliveredPerMinute, Math.floor(Date.parse(r.deliveredAt) / MINUTE_MS), sign);
  if (serveMin !== null) {
    const bin = SERVE_BINS.findIndex(([from, to]) => serveMin >= from && (to === null || serveMin < to));
    if (bin >= 0) s.serveBins[bin]! += sign;
  }
}

/** The summary of a map of requests, from scratch. */
export function summariseRequests(requests: Requests): BoardSummary {
  const s = emptySummary();
  for (const r of Object.values(requests)) count(s, r, 1);
  return s;
}

/**
 * Summaries per requests map, like the ticket index: a copied map (pure reducer) is summarised
 * afresh on first use, a map written in place keeps its summary current through noteBoardRequest.
 */
const summaries = new WeakMap<Requests, BoardSummary>();

export function boardSummaryOf(requests: Requests): BoardSummary {
  let s = summaries.get(requests);
  if (!s) summaries.set(requests, (s = summariseRequests(requests)));
  return s;
}

/** Called when `requests` is written in place: `prev` (if any) is replaced by `next`. */
export function noteBoardRequest(requests: Requests, prev: CareRequest | undefined, next: CareRequest): void {
  const s = summaries.get(requests);
  if (!s || prev === next) return;
  if (prev) count(s, prev, -1);
  count(s, next, 1);
}

/** Open requests per need, in the order needs are listed everywhere else. */
export function needCounts(p: PlaceSummary): Partial<Record<Need, number>> {
  const out: Partial<Record<Need, number>> = {};
  for (const n of NEEDS) {
    const c = p.openByNeed.get(n);
    if (c) out[n] = c;
  }
  return out;
}

/** Serve minutes of the deliveries after `fromMs`. */
export function servedAfter(p: PlaceSummary, fromMs: number): number[] {
  return p.deliveries.slice(lowerBound(p.deliveries, fromMs, deliveryAt, true)).map((d) => d.serveMin);
}

/** Staff who acted after `fromMs`, by id. */
export function activeAfter(p: PlaceSummary, fromMs: number): string[] {
  return [...p.lastAction]
    .filter(([, at]) => at > fromMs)
    .map(([id]) => id)
    .sort();
}
