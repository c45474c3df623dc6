import type { CareRequest, GateId, HubState, Role } from './model.ts';
import type { KioskViewPayload, LogEntry, Op } from './ops.ts';
import type { Notice } from './notice-model.ts';
import type { Voucher } from './voucher-model.ts';
import { REDACTED } from './redacted.ts';
import { specOf, type RequestScope } from './registry.ts';
import { kioskState, kioskVoucher } from './kiosk-view.ts';
import { allocationsOfRequest } from './allocation-index.ts';
import { allocationsOf } from './hotel-state.ts';

export { REDACTED } from './redacted.ts';
export { noticeRevealDue } from './notices.ts';

/** Who is looking: decides which requests and operations a device receives. */
export type Viewer = { kind: 'kiosk'; device: string; gate: GateId } | { kind: 'staff'; id: string; role: Role; gates: GateId[] };

function requestVisible(viewer: Viewer, gate: GateId, device: string): boolean {
  if (viewer.kind === 'kiosk') return device === viewer.device;
  return viewer.role === 'duty_manager' || viewer.gates.includes(gate);
}

/*
 * A kiosk is a public screen: once the hub holds a request, the kiosk keeps
 * its status but not who asked (surname) nor what they wrote (note), nor what
 * staff wrote among themselves (notes, cancel reasons, escalation notes).
 */

function redactRequest(r: CareRequest): CareRequest {
  return {
    ...r,
    surname: REDACTED,
    note: REDACTED,
    staffNotes: r.staffNotes.map((n) => ({ ...n, text: REDACTED })),
    cancelReason: r.cancelReason === null ? null : REDACTED,
    history: r.history.map(({ detail: _detail, ...h }) => h),
    ...(r.thread ? { thread: r.thread.map((m) => ({ ...m, text: REDACTED })) } : {}),
    ...(r.thanks ? { thanks: { ...r.thanks, text: REDACTED } } : {}),
  };
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
    // A whole flight's vouchers carry passengers' names: staff only, as the list they were issued from.
    if (v.requestId === null ? !kiosk : requests[v.requestId]) vouchers[v.id] = kiosk ? redactVoucher(v) : v;
  }
  // A kiosk learns only its own passengers' rooms; staff see the allocations of the requests they see.
  const roomAllocations: NonNullable<HubState['roomAllocations']> = {};
  for (const a of Object.values(state.roomAllocations ?? {})) {
    if (requests[a.requestId]) roomAllocations[a.id] = a;
  }
  const view = { ...state, requests, notices, vouchers, ...(state.roomAllocations ? { roomAllocations } : {}) };
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

/**
 * An accepted operation as this viewer receives it. Staff get it whole. A kiosk replays only what
 * it can without staff, roles, gates or the policy (which it does not hold, `kioskState`): its own
 * requests' operations and reference data (flights, airlines, hotels, revealed notices, stock), the
 * latter as if the hub made them, as every such operation may be. Work on its requests by anyone
 * else becomes a `kiosk.view` carrying those records as they now are in the kiosk's form, with the
 * same seq, so the kiosk's log has no gap and its reducer needs nothing it may not hold.
 */
export function entryForViewer(state: HubState, entry: LogEntry, viewer: Viewer): LogEntry {
  if (viewer.kind !== 'kiosk') return entry;
  const op = entry.op;
  const spec = specOf(op.type);
  const visibility = spec.visibility;
  if (visibility.to === 'staff') return entry;
  const form = (visibility.kiosk === 'whole' ? op : { ...op, payload: visibility.kiosk(op.payload) }) as Op;
  if (visibility.to === 'request') {
    if (op.actor.kind === 'kiosk' && op.actor.id === viewer.device) return { ...entry, op: form };
    return kioskViewEntry(entry, kioskRequestRecords(state, requestIdOf(state, op)));
  }
  if (op.actor.kind !== 'staff') return { ...entry, op: form };
  if (spec.submitters.includes('system')) return { ...entry, op: { ...form, actor: HUB_ACTOR } };
  return kioskViewEntry(entry, { requests: [], vouchers: [], roomAllocations: [] });
}

const HUB_ACTOR = { kind: 'system', id: 'hub' } as const;

function kioskViewEntry(entry: LogEntry, payload: KioskViewPayload): LogEntry {
  return {
    seq: entry.seq,
    at: entry.at,
    op: { v: entry.op.v, id: entry.op.id, at: entry.op.at, device: entry.op.device, actor: HUB_ACTOR, type: 'kiosk.view', payload },
  };
}

/** The request an operation about a request, voucher or room concerns. */
function requestIdOf(state: HubState, op: Op): string | undefined {
  const p: Record<string, unknown> = op.payload;
  if (typeof p.requestId === 'string') return p.requestId;
  if (typeof p.voucherId === 'string') return state.vouchers[p.voucherId]?.requestId ?? undefined;
  if (typeof p.allocationId === 'string') return state.roomAllocations?.[p.allocationId]?.requestId;
  return undefined;
}

/** One request with its vouchers and rooms, as a kiosk holds them. */
export function kioskRequestRecords(state: HubState, requestId: string | undefined): KioskViewPayload {
  const r = requestId ? state.requests[requestId] : undefined;
  if (!r) return { requests: [], vouchers: [], roomAllocations: [] };
  return {
    requests: [redactRequest(r)],
    vouchers: vouchersOf(state, r.id).map((v) => kioskVoucher(redactVoucher(v))),
    roomAllocations: allocationsOfRequest(allocationsOf(state), r.id),
  };
}

/** Where an accepted operation concerns a request, the gate and device it belongs to. */
export function requestScope(state: HubState, entry: LogEntry): RequestScope | null {
  const visibility = specOf(entry.op.type).visibility;
  return visibility.to === 'request' ? visibility.scope(state, entry.op) : null;
}

export function entryVisible(state: HubState, entry: LogEntry, viewer: Viewer): boolean {
  return audienceIncludes(audienceOf(state, entry), viewer);
}

/** Who may see an accepted operation: everyone, staff only, or those who see one request (or everyone, when it has none). */
export type Audience = { to: 'everyone' } | { to: 'staff' } | { to: 'request'; scope: RequestScope | null };

/** The audience of an entry, worked out once: a push to many viewers asks each of them against it (audienceIncludes). */
export function audienceOf(state: HubState, entry: LogEntry): Audience {
  const visibility = specOf(entry.op.type).visibility;
  return visibility.to === 'request' ? { to: 'request', scope: visibility.scope(state, entry.op) } : { to: visibility.to };
}

export function audienceIncludes(audience: Audience, viewer: Viewer): boolean {
  switch (audience.to) {
    case 'everyone':
      return true;
    case 'staff':
      return viewer.kind === 'staff';
    case 'request':
      return audience.scope === null || requestVisible(viewer, audience.scope.gate, audience.scope.device);
  }
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
