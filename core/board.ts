import type { Flight, HubState, Need, Role, Stock, StockItem } from './model.ts';
import { delayMinutes } from './flights.ts';
import { median } from './stats.ts';
import { SERVE_BINS, activeAfter, boardSummaryOf, needCounts, servedAfter } from './board-summary.ts';
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

export { isOpen, peopleIn, serveMinutes } from './board-summary.ts';

function waitedMin(sinceMs: number, nowMs: number): number {
  return Math.max(0, (nowMs - sinceMs) / 60_000);
}

function staffOnDuty(state: HubState, ids: string[]): StaffOnDuty[] {
  return ids
    .map((id) => state.staff[id])
    .filter((s) => s !== undefined)
    .map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName}` }));
}

/**
 * The live picture for the duty manager, from the state alone: per gate and per flight.
 * Gates with people waiting come first, the longest wait first.
 * Requests are read through their running summary (core/board-summary.ts), kept current by
 * in-place writes, so a push costs the same with 100 requests on the device or 10,000;
 * vouchers, staff, gates and flights are few and read directly.
 */
export function buildBoard(state: HubState, nowIso: string): Board {
  const now = Date.parse(nowIso);
  const hourAgo = now - HOUR_MS;
  const summary = boardSummaryOf(state.requests);

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
    const p = summary.gates.get(gate);
    const served = p ? servedAfter(p, hourAgo) : [];
    const stock = state.stock[gate] ?? emptyStock();
    return {
      gate,
      open: p?.open ?? 0,
      openByNeed: p ? needCounts(p) : {},
      oldestWaitMin: p?.openSince.length ? waitedMin(p.openSince[0]!, now) : null,
      medianServeMinLastHour: median(served),
      servedLastHour: served.length,
      staffActive: p ? staffOnDuty(state, activeAfter(p, hourAgo)) : [],
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
      const t = summary.flights.get(flight.id);
      return { flight, delayMin: delayMinutes(flight), open: t?.open ?? 0, peopleWaiting: t?.peopleWaiting ?? 0, helped: t?.helped ?? 0 };
    })
    .sort((a, b) => a.flight.estimatedDeparture.localeCompare(b.flight.estimatedDeparture));

  const all = summary.airport;
  const served = servedAfter(all, hourAgo);
  return {
    at: nowIso,
    totals: {
      open: all.open,
      oldestWaitMin: all.openSince.length ? waitedMin(all.openSince[0]!, now) : null,
      medianServeMinLastHour: median(served),
      servedLastHour: served.length,
      staffActive: activeAfter(all, hourAgo).length,
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

/**
 * Requests and deliveries per time slot of whole minutes, oldest first, ending with the slot that
 * holds `now`; read from the requests' running summary (counts per minute), not from every request.
 */
export function activityTimeline(state: HubState, nowIso: string, slotMinutes = 15, slots = 16): ActivityBucket[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes < 1) throw new RangeError(`activity slots are whole minutes, not ${slotMinutes}`);
  const summary = boardSummaryOf(state.requests);
  const slotMs = slotMinutes * 60_000;
  const lastStart = Math.floor(Date.parse(nowIso) / slotMs) * slotMs;
  const firstStart = lastStart - (slots - 1) * slotMs;
  return Array.from({ length: slots }, (_, i) => {
    const start = firstStart + i * slotMs;
    let created = 0;
    let delivered = 0;
    for (let m = start / 60_000; m < (start + slotMs) / 60_000; m++) {
      created += summary.createdPerMinute.get(m) ?? 0;
      delivered += summary.deliveredPerMinute.get(m) ?? 0;
    }
    return { start: new Date(start).toISOString(), created, delivered };
  });
}

export interface ServeBin {
  label: string;
  /** Lower bound in minutes, inclusive; upper bound exclusive (null: no upper bound). */
  from: number;
  to: number | null;
  count: number;
}

/** How long delivered requests took, in bins a manager reads at a glance. */
export function serveTimeDistribution(state: HubState): ServeBin[] {
  const counts = boardSummaryOf(state.requests).serveBins;
  return SERVE_BINS.map(([from, to], i) => ({ label: to === null ? `${from}+ min` : `${from}–${to} min`, from, to, count: counts[i]! }));
}
