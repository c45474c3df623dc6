import type { Voucher } from './voucher-model.ts';
import { lowerBound } from './sorted-list.ts';

type Vouchers = Record<string, Voucher>;

/** A voucher a staff member issued on their own authority, at the time it counts from (ms), and its amount. */
interface BudgetEntry {
  id: string;
  staffId: string;
  time: number;
  amount: number;
}

/**
 * One staff member's budget entries in time order with running sums: `sums[i]` is the amount of
 * `entries[0..i)`, valid up to `validTo`. A shift's use is the total minus the sum before the shift
 * began, so it costs a binary search however many vouchers the agent issued. A voucher issued now lands
 * at the end and extends the sums by one; one removed or moved in the middle (voided, approved, re-dated)
 * leaves the sums after it to be recomputed on the next read.
 */
interface StaffBudget {
  entries: BudgetEntry[];
  sums: number[];
  validTo: number;
}

interface VoucherIndex {
  codes: Set<string>;
  byRequest: Map<string, Set<string>>;
  /** Vouchers bound to listed passengers (whole-flight issue, top-ups), by flight id. */
  byFlight: Map<string, Set<string>>;
  /**
   * Per staff member, what they issued on their own authority in time order, so a shift's budget
   * reads only that shift's vouchers, not every voucher the agent ever asked for that day and the days before.
   */
  budget: Map<string, StaffBudget>;
  /** Each voucher's place in `budget`, so a voucher rewritten in place (approved, voided) moves or leaves. */
  budgetOf: Map<string, BudgetEntry>;
  /** Vouchers with a receipt an outlet wrote offline, by outlet: its offline limits count only those. */
  offlineAt: Map<string, Set<string>>;
}

const timeOf = (e: BudgetEntry): number => e.time;
const sameId = (a: BudgetEntry, b: BudgetEntry): boolean => a.id === b.id;

/**
 * When `v` counts against its issuer's shift budget, the instant it counts from; null when it does not:
 * not issued, issued on someone else's authority (an approval), or bound to a listed passenger (a whole
 * flight's vouchers follow the airline's configured amounts, not the issuer's judgement).
 */
function budgetTime(v: Voucher): number | null {
  if (v.status !== 'issued' || v.bound || v.authorisedBy !== v.requestedBy) return null;
  const time = Date.parse(v.decidedAt ?? v.requestedAt);
  return Number.isNaN(time) ? null : time;
}

function removeFromBudget(b: StaffBudget, entry: BudgetEntry): void {
  for (let i = lowerBound(b.entries, entry.time, timeOf); i < b.entries.length && b.entries[i]!.time === entry.time; i++) {
    if (sameId(b.entries[i]!, entry)) {
      b.entries.splice(i, 1);
      b.validTo = Math.min(b.validTo, i);
      return;
    }
  }
}

function placeInBudget(ix: VoucherIndex, v: Voucher): void {
  const old = ix.budgetOf.get(v.id);
  const time = budgetTime(v);
  if (old && time !== null && old.staffId === v.requestedBy && old.time === time && old.amount === v.amountCents) return;
  if (old) {
    const b = ix.budget.get(old.staffId);
    if (b) removeFromBudget(b, old);
    ix.budgetOf.delete(v.id);
  }
  if (time === null) return;
  const entry: BudgetEntry = { id: v.id, staffId: v.requestedBy, time, amount: v.amountCents };
  let b = ix.budget.get(entry.staffId);
  if (!b) ix.budget.set(entry.staffId, (b = { entries: [], sums: [0], validTo: 0 }));
  const at = lowerBound(b.entries, time, timeOf, true);
  b.entries.splice(at, 0, entry);
  b.validTo = Math.min(b.validTo, at);
  ix.budgetOf.set(v.id, entry);
}

/** Brings `b.sums` up to date and returns it (length entries + 1). */
function sumsOf(b: StaffBudget): number[] {
  const n = b.entries.length;
  b.sums.length = n + 1;
  for (let i = b.validTo; i < n; i++) b.sums[i + 1] = b.sums[i]! + b.entries[i]!.amount;
  b.validTo = n;
  return b.sums;
}

/**
 * Voucher ids by the fields that never change once a voucher exists (code, request, flight), and by issuer and time for the shift budget,
 * so issuing one is not a scan of every voucher of the day. Keyed by the map object, as
 * ticket-index.ts: a copied map starts a fresh index on first use; a map written in place stays
 * current through noteVoucher. Only ids are held, except the budget's times and amounts (moved by
 * noteVoucher when a voucher is written again): callers read the voucher itself from the map, so a
 * voucher replaced under the same id (approved, declined, purged) is seen as it is now.
 */
const index = new WeakMap<Vouchers, VoucherIndex>();

function add(ix: VoucherIndex, v: Voucher): void {
  ix.codes.add(v.code);
  if (v.requestId !== null) addTo(ix.byRequest, v.requestId, v.id);
  if (v.bound) addTo(ix.byFlight, v.bound.flightId, v.id);
  // Receipts are only ever added to a voucher, so an outlet's set only grows; readers check the receipts themselves.
  for (const r of v.redemptions ?? []) if (r.offline) addTo(ix.offlineAt, r.outletId, v.id);
  placeInBudget(ix, v);
}

function addTo(m: Map<string, Set<string>>, key: string, id: string): void {
  const ids = m.get(key);
  if (ids) ids.add(id);
  else m.set(key, new Set([id]));
}

function indexOf(vouchers: Vouchers): VoucherIndex {
  let ix = index.get(vouchers);
  if (!ix) {
    ix = { codes: new Set(), byRequest: new Map(), byFlight: new Map(), budget: new Map(), budgetOf: new Map(), offlineAt: new Map() };
    for (const v of Object.values(vouchers)) add(ix, v);
    index.set(vouchers, ix);
  }
  return ix;
}

function pick(vouchers: Vouchers, ids: Set<string> | undefined): Voucher[] {
  const out: Voucher[] = [];
  for (const id of ids ?? []) {
    const v = vouchers[id];
    if (v) out.push(v);
  }
  return out;
}

export function voucherCodeInUse(vouchers: Vouchers, code: string): boolean {
  return indexOf(vouchers).codes.has(code);
}

export function vouchersOfRequest(vouchers: Vouchers, requestId: string): Voucher[] {
  return pick(vouchers, indexOf(vouchers).byRequest.get(requestId));
}

/** The vouchers given to a flight's listed passengers (`Voucher.bound`), in no order. */
export function vouchersBoundToFlight(vouchers: Vouchers, flightId: string): Voucher[] {
  return pick(vouchers, indexOf(vouchers).byFlight.get(flightId));
}

/** The vouchers `outletId` took offline at least once, in no order. */
export function vouchersTakenOfflineAt(vouchers: Vouchers, outletId: string): Voucher[] {
  return pick(vouchers, indexOf(vouchers).offlineAt.get(outletId));
}

/**
 * The sum of the vouchers `staffId` issued on their own authority that count from after `fromMs`
 * (issued, not bound, authorised by whoever asked for them): what their shift budget has used since then.
 */
export function budgetUsedSince(vouchers: Vouchers, staffId: string, fromMs: number): number {
  // No instant is after an invalid one.
  if (Number.isNaN(fromMs)) return 0;
  const b = indexOf(vouchers).budget.get(staffId);
  if (!b) return 0;
  const sums = sumsOf(b);
  return sums[b.entries.length]! - sums[lowerBound(b.entries, fromMs, timeOf, true)]!;
}

/** Called after `vouchers` was changed in place to hold `v`. */
export function noteVoucher(vouchers: Vouchers, v: Voucher): void {
  const ix = index.get(vouchers);
  if (ix) add(ix, v);
}
