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

/** Delivered after `fromMs` (a device's clock may run a little behind the hub's stamp: no upper bound). */
function deliveredSince(r: CareRequest, fromMs: number): boolean {
  return r.status === 'delivered' && r.deliveredAt !== null && Date.parse(r.deliveredAt) > fromMs;
}

function waitedMin(r: CareRequest, nowIso: string): number {
  return Math.max(0, minutesBetween(r.createdAt, nowIso));
}

/** Who acted (claimed or delivered) at a gate since `fromMs`, from the requests' own history. */
function activeStaff(requests: readonly CareRequest[], fromMs: number): Set<string> {
  const ids = new Set<string>();
  for (const r of requests) {
    for (const h of r.history) {
      if (h.action !== 'received' && Date.parse(h.at) > fromMs) ids.add(h.by);
    }
  }
  return ids;
}

/**
 * The live picture for the duty manager, from the state alone: per gate and per flight.
 * Gates with people waiting come first, the longest wait first.
 */
export function buildBoard(state: HubState, nowIso: string): Board {
  const now = Date.parse(nowIso);
  const hourAgo = now - HOUR_MS;
  const requests = Object.values(state.requests);
  const vouchers = Object.values(state.vouchers);
  const byGate = new Map<string, CareRequest[]>();
  for (const r of requests) byGate.set(r.gate, [...(byGate.get(r.gate) ?? []), r]);

  const gates: GateBoard[] = Object.keys(state.gates).map((gate) => {
    const here = byGate.get(gate) ?? [];
    const open = here.filter(isOpen);
    const openByNeed: Partial<Record<Need, number>> = {};
    for (const r of open) for (const n of r.needs) openByNeed[n] = (openByNeed[n] ?? 0) + 1;
    const served = here.filter((r) => deliveredSince(r, hourAgo));
    const active = activeStaff(here, hourAgo);
    const assigned = Object.values(state.staff).filter((s) => s.gates.includes(gate));
    const stock = state.stock[gate] ?? emptyStock();
    return {
      gate,
      open: open.length,
      openByNeed,
      oldestWaitMin: open.length ? Math.max(...open.map((r) => waitedMin(r, nowIso))) : null,
      medianServeMinLastHour: median(served.map((r) => serveMinutes(r)!)),
      servedLastHour: served.length,
      staffActive: [...active]
        .map((id) => state.staff[id])
        .filter((s) => s !== undefined)
        .map((s) => ({ id: s.id, name: `${s.firstName} ${s.lastName}` })),
      staffAssigned: assigned.length,
      stock,
      lowStock: (Object.keys(stock) as StockItem[]).filter((i) => stock[i] <= state.policy.lowStock[i]),
      spendCents: vouchers.filter((v) => v.gate === gate && v.status === 'issued').reduce((n, v) => n + v.amountCents, 0),
      pendingEscalations: vouchers.filter((v) => v.gate === gate && v.status === 'pending').length,
      flights: Object.values(state.flights).filter((f) => f.gate === gate).map((f) => f.id),
    };
  });
  gates.sort((a, b) => b.open - a.open || (b.oldestWaitMin ?? 0) - (a.oldestWaitMin ?? 0) || a.gate.localeCompare(b.gate));

  const flights: FlightBoard[] = Object.values(state.flights)
    .map((flight) => {
      const mine = requests.filter((r) => r.flightId === flight.id);
      const open = mine.filter(isOpen);
      return {
        flight,
        delayMin: delayMinutes(flight),
        open: open.length,
        peopleWaiting: open.reduce((n, r) => n + peopleIn(r), 0),
        helped: mine.filter((r) => r.status === 'delivered').reduce((n, r) => n + peopleIn(r), 0),
      };
    })
    .sort((a, b) => a.flight.estimatedDeparture.localeCompare(b.flight.estimatedDeparture));

  const openAll = requests.filter(isOpen);
  const servedAll = requests.filter((r) => deliveredSince(r, hourAgo));
  return {
    at: nowIso,
    totals: {
      open: openAll.length,
      oldestWaitMin: openAll.length ? Math.max(...openAll.map((r) => waitedMin(r, nowIso))) : null,
      medianServeMinLastHour: median(servedAll.map((r) => serveMinutes(r)!)),
      servedLastHour: servedAll.length,
      staffActive: activeStaff(requests, hourAgo).size,
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
  for (const r of Object.values(state.requests)) {
    const c = slotOf(r.createdAt);
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
