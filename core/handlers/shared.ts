import type { CareRequest, HistoryEntry, HubState, Voucher } from '../model.ts';
import type { Op } from '../ops.ts';
import { reject, type Rejection } from '../outcome.ts';
import type { ApplyContext, RequestScope, Submitter } from './types.ts';
import { storeRequestInPlace, storeVoucherInPlace } from '../in-place-writes.ts';

export function staffName(state: HubState, id: string): string {
  return state.staff[id]?.firstName ?? id;
}

/**
 * The state with `r` stored. Every handler writes requests through here, with its `ctx`, so the
 * hub's in-place mode (ApplyContext.inPlace) holds for every operation.
 */
export function withRequest(state: HubState, r: CareRequest, ctx: ApplyContext): HubState {
  if (!ctx.inPlace) return { ...state, requests: { ...state.requests, [r.id]: r } };
  // Copying a map of thousands of requests per operation is what made the hub slow down as the day went on.
  storeRequestInPlace(state.requests, r);
  return { ...state };
}

/** The state with `v` stored, in place when the caller owns the state (as withRequest). */
export function withVoucher(state: HubState, v: Voucher, ctx: ApplyContext): HubState {
  if (!ctx.inPlace) return { ...state, vouchers: { ...state.vouchers, [v.id]: v } };
  storeVoucherInPlace(state.vouchers, v);
  return { ...state };
}

export function historyEntry(ctx: ApplyContext, op: Op, action: string, detail?: string): HistoryEntry {
  const e: HistoryEntry = { at: ctx.at, seq: ctx.seq, action, by: op.actor.id };
  return detail ? { ...e, detail } : e;
}

export function isDutyManager(state: HubState, staffId: string): boolean {
  return state.staff[staffId]?.role === 'duty_manager';
}

/** Agents work the gates they are assigned to; duty managers work them all. */
export function coversGate(state: HubState, staffId: string, gate: string): boolean {
  const s = state.staff[staffId];
  return !!s && (s.role === 'duty_manager' || s.gates.includes(gate));
}

/** The request a staff operation acts on, if it exists and is at one of their gates. */
export function staffRequest(state: HubState, op: Op, requestId: string): CareRequest | Rejection {
  const r = state.requests[requestId];
  if (!r) return reject('not_found', 'this request does not exist');
  if (op.actor.kind === 'staff' && !coversGate(state, op.actor.id, r.gate)) {
    return reject('forbidden', `gate ${r.gate} is not one of your gates`);
  }
  return r;
}

export function isRejection(x: object): x is Rejection {
  return 'ok' in x && x.ok === false;
}

export function closedReason(r: CareRequest): string | null {
  if (r.status === 'delivered') return 'this request was already delivered';
  if (r.status === 'cancelled') return 'this request was cancelled';
  return null;
}

/** Visibility scope of an operation on an existing request (see Visibility). */
export function scopeOfRequest(state: HubState, requestId: string | undefined): RequestScope | null {
  const r = requestId === undefined ? undefined : state.requests[requestId];
  return r ? { gate: r.gate, device: r.device } : null;
}

/** For operations whose payload names the request. */
export function scopeByRequestId(state: HubState, op: { payload: { requestId: string } }): RequestScope | null {
  return scopeOfRequest(state, op.payload.requestId);
}

/** Who works requests: agents at their gates and duty managers. */
export const STAFF: readonly Submitter[] = ['agent', 'duty_manager'];

/** Seen by whoever sees the request it names, kiosks included, whole. */
/**
 * Reference data every device holds (gates, flights, stock, the airport, airlines, outlets): kiosks
 * receive it whole, and it names no passenger.
 */
export const REFERENCE_DATA = { visibility: { to: 'everyone', kiosk: 'whole' }, purge: 'no passenger data' } as const;

export const SEEN_WITH_REQUEST = { to: 'request', scope: scopeByRequestId, kiosk: 'whole' } as const;
