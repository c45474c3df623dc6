import type { CareRequest, GateId, HubState, Role } from './model.ts';
import type { LogEntry, Op } from './ops.ts';
import type { Notice } from './notices.ts';
import type { Voucher } from './voucher-model.ts';
import { kioskEntry, kioskState } from './kiosk-view.ts';

/** Who is looking: decides which requests and operations a device receives. */
export type Viewer =
  | { kind: 'kiosk'; device: string; gate: GateId }
  | { kind: 'staff'; id: string; role: Role; gates: GateId[] };

function requestVisible(viewer: Viewer, gate: GateId, device: string): boolean {
  if (viewer.kind === 'kiosk') return device === viewer.device;
  return viewer.role === 'duty_manager' || viewer.gates.includes(gate);
}

/**
 * A kiosk is a public screen: once the hub holds a request, the kiosk keeps
 * its status but not who asked (surname) nor what they wrote (note), nor what
 * staff wrote among themselves (notes, cancel reasons, escalation notes).
 */
export const REDACTED = '';

function redactRequest(r: CareRequest): CareRequest {
  return {
    ...r,
    surname: REDACTED,
    note: REDACTED,
    staffNotes: r.staffNotes.map((n) => ({ ...n, text: REDACTED })),
    cancelReason: r.cancelReason === null ? null : REDACTED,
    history: r.history.map(({ detail: _detail, ...h }) => h),
  };
}

/**
 * Staff see a notice as soon as it is published; kiosks only once its lead is over,
 * so agents can read it before passengers come to ask. The hub's clock decides:
 * when this turns true it submits notice.reveal, which is what kiosks receive.
 */
export function noticeRevealDue(notice: Notice, nowIso: string): boolean {
  return Date.parse(notice.revealAt) <= Date.parse(nowIso);
}

export function noticeVisible(notice: Notice, viewer: Viewer): boolean {
  return viewer.kind === 'staff' || notice.revealedAt !== null;
}

function redactVoucher(v: Voucher): Voucher {
  return { ...v, escalationNote: REDACTED, declineReason: v.declineReason === null ? null : REDACTED };
}

/** The part of the hub state a viewer may hold: a kiosk sees its own requests and their vouchers. */
export function viewOf(state: HubState, viewer: Viewer): HubState {
  const kiosk = viewer.kind === 'kiosk';
  const requests: HubState['requests'] = {};
  for (const r of Object.values(state.requests)) {
    if (requestVisible(viewer, r.gate, r.device)) requests[r.id] = kiosk ? redactRequest(r) : r;
  }
  const notices: HubState['notices'] = {};
  for (const n of Object.values(state.notices)) {
    if (noticeVisible(n, viewer)) notices[n.id] = n;
  }
  const vouchers: HubState['vouchers'] = {};
  for (const v of Object.values(state.vouchers)) {
    if (requests[v.requestId]) vouchers[v.id] = kiosk ? redactVoucher(v) : v;
  }
  const view = { ...state, requests, notices, vouchers };
  return kiosk ? kioskState(view) : view;
}

/** An accepted operation as this viewer receives it: a kiosk gets it without personal data or staff remarks. */
/**
 * Viewers with the same key see exactly the same entries, in the same form (entryVisible and
 * entryForViewer), so the hub can encode one message for all of them. Keep in step with those rules.
 */
export function viewerKey(viewer: Viewer): string {
  return viewer.kind === 'kiosk' ? `kiosk:${viewer.device}:${viewer.gate}` : `staff:${viewer.role}:${viewer.gates.join(',')}`;
}

export function entryForViewer(entry: LogEntry, viewer: Viewer): LogEntry {
  if (viewer.kind !== 'kiosk') return entry;
  const op = entry.op;
  switch (op.type) {
    case 'request.create':
      return { ...entry, op: { ...op, payload: { ...op.payload, surname: REDACTED, note: REDACTED } } };
    case 'request.note':
      return { ...entry, op: { ...op, payload: { ...op.payload, text: REDACTED } } };
    case 'request.cancel':
      return { ...entry, op: { ...op, payload: { ...op.payload, reason: REDACTED } } };
    case 'voucher.escalate':
      return { ...entry, op: { ...op, payload: { ...op.payload, note: REDACTED } } };
    case 'voucher.decline':
      return { ...entry, op: { ...op, payload: { ...op.payload, reason: REDACTED } } };
    default:
      return kioskEntry(entry);
  }
}

/** The request an operation acts on, if it acts on one. */
export function requestIdOf(state: HubState, op: Op): string | null {
  switch (op.type) {
    case 'request.create':
    case 'request.claim':
    case 'request.deliver':
    case 'request.release':
    case 'request.reassign':
    case 'request.cancel':
    case 'request.note':
    case 'voucher.issue':
    case 'voucher.escalate':
      return op.payload.requestId;
    case 'voucher.approve':
    case 'voucher.decline':
      return state.vouchers[op.payload.voucherId]?.requestId ?? null;
    default:
      return null;
  }
}

/** Where an accepted operation concerns a request, the gate and device it belongs to. */
export function requestScope(state: HubState, entry: LogEntry): { gate: GateId; device: string } | null {
  const { op } = entry;
  if (op.type === 'request.create') return { gate: op.payload.gate, device: op.device };
  const id = requestIdOf(state, op);
  if (id === null) return null;
  const r = state.requests[id];
  return r ? { gate: r.gate, device: r.device } : null;
}

export function entryVisible(state: HubState, entry: LogEntry, viewer: Viewer): boolean {
  // Kiosks learn of a notice through its reveal, never its publication.
  if (entry.op.type === 'notice.publish') return viewer.kind === 'staff';
  const scope = requestScope(state, entry);
  return scope === null || requestVisible(viewer, scope.gate, scope.device);
}

/** A request's vouchers, oldest first: what the tablet card and the kiosk ticket show. */
export function vouchersOf(state: HubState, requestId: string): Voucher[] {
  return Object.values(state.vouchers)
    .filter((v) => v.requestId === requestId)
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || (a.id < b.id ? -1 : 1));
}

/** Escalations waiting for a duty manager, oldest first. */
export function pendingEscalations(state: HubState): Voucher[] {
  return Object.values(state.vouchers)
    .filter((v) => v.status === 'pending')
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || (a.id < b.id ? -1 : 1));
}
