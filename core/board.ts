import type { CareRequest, Flight, HubState, Need, Role, Stock, StockItem } from './model.ts';
import { delayMinutes } from './flights.ts';
import { median, minutesBetween } from './stats.ts';
import { usedShiftBudget } from './policy.ts';
import { emptyStock } from './stock.ts';

const HOUR_MS = 3600_000;

export interface StaffOnDuty {
  id: string;
  name: string;
}

/** One gate as the duty manager sees it. */
export interface GateBoard {
  gate: string;
  open: number;
  openByNeed: Partial<Record<Need, number>>;
  /** Minutes the longest-waiting open request has waited; null when nobody waits. */
  oldestWaitMin: number | null;
  /** Median minutes from asking to delivery, over deliveries in the last hour. */
  medianServeMinLastHour: number | null;
  servedLastHour: number;
  /** Staff assigned to the gate who claimed or delivered anything in the last hour. */
  staffActive: StaffOnDuty[];
  staffAssigned: number;
  stock: Stock;
  /** Items at or below the policy's low-stock threshold. */
  lowStock: StockItem[];
  /** Vouchers issued for requests at this gate, in minor units of the policy currency. */
  spendCents: number;
  pendingEscalations: number;
  flights: string[];
}

export interface StaffSpend {
  id: string;
  name: string;
  role: Role;
  /** Issued on their own authority over the shift window. */
  usedCents: number;
  budgetCents: number;
}

export interface SpendSummary {
  currency: string;
  shiftHours: number;
  /** Every voucher issued (own authority or approved) in the shift window. */
  issuedCents: number;
  pendingCents: number;
  pendingCount: number;
  /** Staff who issued anything in the window, against their role's shift budget. */
  byStaff: StaffSpend[];
}

export interface FlightBoard {
  flight: Flight;
  delayMin: number;
  open: number;
  /** People (adults, children, infants) in this flight's open requests. */
  peopleWaiting: number;
  helped: number;
}

export interface Board {
  at: string;
  totals: {
    open: number;
    oldestWaitMin: number | null;
    medianServeMinLastHour: number | null;
    servedLastHour: number;
    staffActive: number;
  };
  spend: SpendSummary;
  gates: GateBoard[];
  flights: FlightBoard[];
}

export function isOpen(r: CareRequest): boolean {
  return r.status === 'received' || r.status === 'claimed';
}

export function peopleIn(r: CareRequest): number {
  return r.party.adults + r.party.children + r.party.infants;
}

/** Minutes from asking to delivery, for delivered requests. */
export function serveMinutes(r: CareRequest): number | null {
  return r.status === 'delivered' && r.deliveredAt ? minutesBetween(r.createdAt, r.deliveredAt) : null;
}

/**
 * Is `iso` later than the instant `thresholdIso` / `thresholdMs`? Timestamps written by
 * toISOString() (24 characters, UTC) compare as text, which spares a duty manager's board
 * tens of thousands of Date.parse calls per push; anything else is parsed.
 */
function later(iso: string, thresholdIso: string, thresholdMs: number): boolean {
  return iso.length === 24 && iso.endsWith('Z') ? iso > thresholdIso : Date.parse(iso) > thresholdMs;
}

function earlier(a: string, b: string): boolean {
  return a.length === 24 && b.length === 24 && a.endsWith('Z') && b.endsWith('Z') ? a < b : Date.parse(a) < Date.parse(b);
}

function waitedMin(createdAt: string, nowIso: string): number {
  return Math.max(0, minutesBetween(createdAt, nowIso));
}

/** What one pass over the requests gathers for a gate (or for the whole airport). */
interface Tally {
  open: number;
  openByNeed: Partial<Record<Need, number>>;
  /** createdAt of the longest-waiting open request. */
  oldest: string | null;
  /** Minutes to serve, for deliveries in the last hour. */
  served: number[];
  /** Who claimed or delivered anything in the last hour. */
  active: Set<string>;
}

const tally = (): Tally => ({ open: 0, openByNeed: {}, oldest: null, served: [], active: new Set() });

interface FlightTally {
  open: number;
  peopleWaiting: number;
  helped: number;
}

/**
 * The live picture for the duty manager, from the state alone: per gate and per flight.
 * Gates with people waiting come first, the longest wait first.
 * One pass over the requests (and one over vouchers, staff and flights): a board with 10,000
 * requests is recomputed on every push.
 */
export function buildBoard(state: HubState, nowIso: string): Board {
  const now = Date.parse(nowIso);
  const hourAgo = now - HOUR_MS;
  const hourAgoIso = new Date(hourAgo).toISOString();
  const all = tally();
  const byGate = new Map<string, Tally>();
  const byFlight = new Map<string, FlightTally>();
  for (const r of Object.values(state.requests)) {
    let g = byGate.get(r.gate);
    if (!g) byGate.set(r.gate, (g = tally()));
    let f = byFlight.get(r.flightId);
    if (!f) byFlight.set(r.flightId, (f = { open: 0, peopleWaiting: 0, helped: 0 }));
    if (isOpen(r)) {
      for (const t of [g, all]) {
        t.open++;
        for (const n of r.needs) t.openByNeed[n] = (t.openByNeed[n] ?? 0) + 1;
        if (t.oldest === null || earlier(r.createdAt, t.oldest)) t.oldest = r.createdAt;
      }
      f.open++;
      f.peopleWaiting += peopleIn(r);
    } else if (r.status === 'delivered') {
      f.helped += peopleIn(r);
      if (r.deliveredAt !== null && later(r.deliveredAt, hourAgoIso, hourAgo)) {
        const m = serveMinutes(r)!;
        g.served.push(m);
        all.served.push(m);
      }
    }
    for (const h of r.history) {
      if (h.action !== 'received' && later(h.at, hourAgoIso, hourAgo)) {
        g.active.add(h.by);
        all.active.add(h.by);
      }
    }
  }

  const assigned = new Map<string, number>();
  for (const s of Object.values(state.staff)) for (const gate of new Set(s.gates)) assigned.set(gate, (assigned.get(gate) ?? 0) + 1);
  const spend = new Map<string, { cents: number; pending: number }>();
  for (const v of Object.values(state.vouchers)) {
    let t = spend.get(v.gate);
    if (!t) spend.set(v.gate, (t = { cents: 0, pending: 0 }));
    if (v.status === 'issued') t.cents += v.amountCents;
    else if (v.status === 'pending') t.pending++;
  }
  const flightsAt = new Map<string, string[]>();
  for (const f of Object.values(state.flights)) flightsAt.set(f.gate, [...(flightsAt.get(f.gate) ?? []), f.id]);

  const gates: GateBoard[] = Object.keys(state.gates).map((gate) => {
    const t = byGate.get(gate) ?? tally();
    const stock = state.stock[gate] ?? emptyStock();
    return {
      gate,
      open: t.open,
      openByNeed: t.openByNeed,
      oldestWaitMin: t.oldest === null ? null : waitedMin(t.oldest, nowIso),
      medianServeMinLastHour: median(t.served),
      servedLastHour: t.served.length,
      staffActive: [...t.active]
        .map((id) => state.staff[id])
        .filter((s) => s !== undefined)
        .map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName}` })),
      staffAssigned: assigned.get(gate) ?? 0,
      stock,
      lowStock: (Object.keys(stock) as StockItem[]).filter((i) => stock[i] <= state.policy.lowStock[i]),
      spendCents: spend.get(gate)?.cents ?? 0,
      pendingEscalations: spend.get(gate)?.pending ?? 0,
      flights: flightsAt.get(gate) ?? [],
    };
  });
  gates.sort((a, b) => b.open - a.open || (b.oldestWaitMin ?? 0) - (a.oldestWaitMin ?? 0) || a.gate.localeCompare(b.gate));

  const flights: FlightBoard[] = Object.values(state.flights)
    .map((flight) => {
      const t = byFlight.get(flight.id);
      return { flight, delayMin: delayMinutes(flight), open: t?.open ?? 0, peopleWaiting: t?.peopleWaiting ?? 0, helped: t?.helped ?? 0 };
    })
    .sort((a, b) => a.flight.estimatedDeparture.localeCompare(b.flight.estimatedDeparture));

  return {
    at: nowIso,
    totals: {
      open: all.open,
      oldestWaitMin: all.oldest === null ? null : waitedMin(all.oldest, nowIso),
      medianServeMinLastHour: median(all.served),
      servedLastHour: all.served.length,
      staffActive: all.active.size,
    },
    spend: spendSummary(state, nowIso),
    gates,
    flights,
  };
}

/** Voucher spend over the shift window, overall and per staff member against their budget. */
export function spendSummary(state: HubState, nowIso: string): SpendSummary {
  const from = Date.parse(nowIso) - state.policy.shiftHours * HOUR_MS;
  const vouchers = Object.values(state.vouchers);
  const inWindow = vouchers.filter((v) => v.status === 'issued' && Date.parse(v.decidedAt ?? v.requestedAt) > from);
  const pending = vouchers.filter((v) => v.status === 'pending');
  const issuers = new Set(inWindow.map((v) => v.requestedBy));
  const byStaff: StaffSpend[] = [...issuers]
    .map((id) => state.staff[id])
    .filter((s) => s !== undefined)
    .map((s) => ({
      id: s.id,
      name: `${s.firstName} ${s.lastName}`,
      role: s.role,
      usedCents: usedShiftBudget(state, s.id, nowIso),
      budgetCents: state.policy.limits[s.role].budgetPerShiftCents,
    }))
    .sort((a, b) => b.usedCents - a.usedCents || a.id.localeCompare(b.id));
  return {
    currency: state.policy.currency,
    shiftHours: state.policy.shiftHours,
    issuedCents: inWindow.reduce((n, v) => n + v.amountCents, 0),
    pendingCents: pending.reduce((n, v) => n + v.amountCents, 0),
    pendingCount: pending.length,
    byStaff,
  };
}

export interface ActivityBucket {
  start: string;
  created: number;
  delivered: number;
}

/** Requests and deliveries per time slot, oldest first, ending with the slot that holds `now`. */
export function activityTimeline(state: HubState, nowIso: string, slotMinutes = 15, slots = 16): ActivityBucket[] {
  const slotMs = slotMinutes * 60_000;
  const lastStart = Math.floor(Date.parse(nowIso) / slotMs) * slotMs;
  const firstStart = lastStart - (slots - 1) * slotMs;
  const buckets: ActivityBucket[] = Array.from({ length: slots }, (_, i) => ({
    start: new Date(firstStart + i * slotMs).toISOString(),
    created: 0,
    delivered: 0,
  }));
  const slotOf = (iso: string) => {
    const i = Math.floor((Date.parse(iso) - firstStart) / slotMs);
    return i >= 0 && i < slots ? buckets[i] : undefined;
  };
  const firstIso = new Date(firstStart).toISOString();
  for (const r of Object.values(state.requests)) {
    // Most of a long day's requests are older than the chart: a text comparison rules them out unparsed.
    const c = later(r.createdAt, firstIso, firstStart - 1) || r.createdAt === firstIso ? slotOf(r.createdAt) : undefined;
    if (c) c.created++;
    if (r.status === 'delivered' && r.deliveredAt) {
      const d = slotOf(r.deliveredAt);
      if (d) d.delivered++;
    }
  }
  return buckets;
}

export interface ServeBin {
  label: string;
  /** Lower bound in minutes, inclusive; upper bound exclusive (null: no upper bound). */
  from: number;
  to: number | null;
  count: number;
}

const SERVE_BINS: ReadonlyArray<[number, number | null]> = [
  [0, 5],
  [5, 10],
  [10, 15],
  [15, 30],
  [30, 60],
  [60, null],
];

/** How long delivered requests took, in bins a manager reads at a glance. */
export function serveTimeDistribution(state: HubState): ServeBin[] {
  const bins: ServeBin[] = SERVE_BINS.map(([from, to]) => ({ label: to === null ? `${from}+ min` : `${from}–${to} min`, from, to, count: 0 }));
  for (const r of Object.values(state.requests)) {
    const m = serveMinutes(r);
    if (m === null) continue;
    const bin = bins.find((b) => m >= b.from && (b.to === null || m < b.to));
    if (bin) bin.count++;
  }
  return bins;
}
