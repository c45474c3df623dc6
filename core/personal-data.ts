import type { CareRequest, Flight, HubState } from './model.ts';
import type { RedemptionConflict, Voucher } from './voucher-model.ts';
import { storeRequestInPlace, storeVoucherInPlace } from './in-place-writes.ts';

/**
 * Passenger personal data the hub keeps only while it is needed: the surname, the passenger's
 * note, and free text staff wrote about them. Counts (needs, party, items, vouchers' amounts,
 * statuses and times) stay, so the end-of-disruption report is unchanged.
 */
export const PURGED = '';

export function purgeRequest(r: CareRequest): CareRequest {
  // History details repeat free text (a cancel reason, say); counts such as "2 water" stay.
  const texts = [r.surname, r.note, r.cancelReason ?? '', ...r.staffNotes.map((n) => n.text)].filter((t) => t.trim() !== '');
  const personal = (detail: string): boolean => texts.some((t) => detail.includes(t) || t.includes(detail));
  return {
    ...r,
    surname: PURGED,
    note: PURGED,
    cancelReason: r.cancelReason === null ? null : PURGED,
    staffNotes: r.staffNotes.map((n) => ({ ...n, text: PURGED })),
    history: r.history.map((h) => (h.detail && personal(h.detail) ? { ...h, detail: PURGED } : h)),
    ...(r.thread ? { thread: r.thread.map((m) => ({ ...m, text: PURGED })) } : {}),
    ...(r.thanks ? { thanks: { ...r.thanks, text: PURGED } } : {}),
    // A phone link reads the thread: it dies with the data.
    phoneClosed: true,
  };
}

/**
 * Whether a phone link of this request may still open it: not after the purge (a request purged
 * before phone links existed has lost its surname, which is never empty otherwise).
 */
export function phoneLinkOpen(r: CareRequest): boolean {
  return r.phoneClosed !== true && r.surname !== PURGED;
}

export function purgeVoucher(v: Voucher): Voucher {
  return {
    ...v,
    description: PURGED,
    escalationNote: PURGED,
    declineReason: v.declineReason === null ? null : PURGED,
    ...(v.decisionNote === undefined ? {} : { decisionNote: PURGED }),
    ...(v.voided ? { voided: { ...v.voided, reason: PURGED } } : {}),
    // Flight and sequence stay: the billing counts them, and without a name they point at nobody.
    ...(v.bound ? { bound: { ...v.bound, surname: PURGED } } : {}),
  };
}

function requestHolds(r: CareRequest): boolean {
  return (
    r.surname !== PURGED ||
    r.note !== PURGED ||
    !!r.cancelReason ||
    r.staffNotes.some((n) => n.text !== PURGED) ||
    (r.thread ?? []).some((m) => m.text !== PURGED) ||
    (r.thanks !== undefined && r.thanks.text !== PURGED)
  );
}

function voucherHolds(v: Voucher): boolean {
  return (
    v.description !== PURGED ||
    v.escalationNote !== PURGED ||
    !!v.declineReason ||
    !!v.decisionNote ||
    !!v.voided?.reason ||
    (v.bound !== undefined && v.bound.surname !== PURGED)
  );
}

/** How an overspend was settled is free text about the voucher's passenger: it goes with them. */
function purgeConflict(c: RedemptionConflict): RedemptionConflict {
  return c.resolved ? { ...c, resolved: { ...c.resolved, note: PURGED } } : c;
}

/** Whether a voucher is one of this flight's: issued on one of its requests, or bound to one of its listed passengers. */
function voucherOfFlight(v: Voucher, flightId: string, requestIds: ReadonlySet<string>): boolean {
  return v.requestId === null ? v.bound?.flightId === flightId : requestIds.has(v.requestId);
}

/** True while anything personal about this flight's passengers is still held. */
export function flightHoldsPersonalData(state: HubState, flightId: string): boolean {
  if (state.passengerLists?.[flightId]) return true;
  const ids = new Set<string>();
  for (const r of Object.values(state.requests)) {
    if (r.flightId !== flightId) continue;
    if (requestHolds(r)) return true;
    ids.add(r.id);
  }
  const vouchers = new Set<string>();
  for (const v of Object.values(state.vouchers)) {
    if (!voucherOfFlight(v, flightId, ids)) continue;
    if (voucherHolds(v)) return true;
    vouchers.add(v.id);
  }
  return Object.values(state.redemptionConflicts ?? {}).some((c) => vouchers.has(c.voucherId) && !!c.resolved?.note);
}

/** A flight is closed once it has left: its last known departure (the rebooked one when cancelled). */
export function flightClosesAt(f: Flight): number {
  return Math.max(Date.parse(f.scheduledDeparture), Date.parse(f.estimatedDeparture));
}

/** Flights closed at least `hours` before `nowMs` whose passengers' personal data is still held. */
export function flightsDueForPurge(state: HubState, nowMs: number, hours: number): string[] {
  return Object.values(state.flights)
    .filter((f) => flightClosesAt(f) + hours * 3600_000 <= nowMs && flightHoldsPersonalData(state, f.id))
    .map((f) => f.id);
}

/** The state with one flight's passenger personal data blanked (in the caller's maps when it owns them, see ApplyContext.inPlace). */
export function purgeFlight(state: HubState, flightId: string, inPlace = false): HubState {
  const requests = inPlace ? state.requests : { ...state.requests };
  const purgedIds = new Set<string>();
  for (const r of Object.values(state.requests)) {
    if (r.flightId !== flightId) continue;
    if (inPlace) storeRequestInPlace(requests, purgeRequest(r));
    else requests[r.id] = purgeRequest(r);
    purgedIds.add(r.id);
  }
  const vouchers = inPlace ? state.vouchers : { ...state.vouchers };
  const purgedVouchers = new Set<string>();
  for (const v of Object.values(state.vouchers)) {
    if (!voucherOfFlight(v, flightId, purgedIds)) continue;
    if (inPlace) storeVoucherInPlace(vouchers, purgeVoucher(v));
    else vouchers[v.id] = purgeVoucher(v);
    purgedVouchers.add(v.id);
  }
  const conflicts = purgeConflicts(state.redemptionConflicts, purgedVouchers);
  const purged =
    conflicts === state.redemptionConflicts ? { ...state, requests, vouchers } : { ...state, requests, vouchers, redemptionConflicts: conflicts };
  if (!state.passengerLists?.[flightId]) return purged;
  // The list names everyone on the flight: it goes whole (nothing on it is counted in the report).
  const { [flightId]: _gone, ...passengerLists } = state.passengerLists;
  return { ...purged, passengerLists };
}

/** The conflicts with the settlement notes on these vouchers blanked; the same map when there are none. */
function purgeConflicts(conflicts: HubState['redemptionConflicts'], voucherIds: ReadonlySet<string>): HubState['redemptionConflicts'] {
  if (!conflicts) return conflicts;
  const held = Object.values(conflicts).filter((c) => voucherIds.has(c.voucherId) && c.resolved && c.resolved.note !== PURGED);
  if (held.length === 0) return conflicts;
  const next = { ...conflicts };
  for (const c of held) next[c.id] = purgeConflict(c);
  return next;
}
