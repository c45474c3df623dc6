import type { CareRequest, GateId, HubState, Role } from './model.ts';
import type { LogEntry } from './ops.ts';
import type { Notice } from './notices.ts';

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
 * its status but not who asked (surname) nor what they wrote (note).
 */
export const REDACTED = '';

function redactRequest(r: CareRequest): CareRequest {
  return r.surname === REDACTED && r.note === REDACTED ? r : { ...r, surname: REDACTED, note: REDACTED };
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

/** The part of the hub state a viewer may hold. */
export function viewOf(state: HubState, viewer: Viewer): HubState {
  const requests: HubState['requests'] = {};
  for (const r of Object.values(state.requests)) {
    if (requestVisible(viewer, r.gate, r.device)) requests[r.id] = viewer.kind === 'kiosk' ? redactRequest(r) : r;
  }
  const notices: HubState['notices'] = {};
  for (const n of Object.values(state.notices)) {
    if (noticeVisible(n, viewer)) notices[n.id] = n;
  }
  return { ...state, requests, notices };
}

/** An accepted operation as this viewer receives it: a kiosk gets a request back without its personal data. */
export function entryForViewer(entry: LogEntry, viewer: Viewer): LogEntry {
  if (viewer.kind !== 'kiosk' || entry.op.type !== 'request.create') return entry;
  return { ...entry, op: { ...entry.op, payload: { ...entry.op.payload, surname: REDACTED, note: REDACTED } } };
}

/** Where an accepted operation concerns a request, the gate and device it belongs to. */
export function requestScope(state: HubState, entry: LogEntry): { gate: GateId; device: string } | null {
  const { op } = entry;
  if (!op.type.startsWith('request.')) return null;
  if (op.type === 'request.create') return { gate: op.payload.gate, device: op.device };
  const id = (op.payload as { requestId: string }).requestId;
  const r = state.requests[id];
  return r ? { gate: r.gate, device: r.device } : null;
}

export function entryVisible(state: HubState, entry: LogEntry, viewer: Viewer): boolean {
  // Kiosks learn of a notice through its reveal, never its publication.
  if (entry.op.type === 'notice.publish') return viewer.kind === 'staff';
  const scope = requestScope(state, entry);
  return scope === null || requestVisible(viewer, scope.gate, scope.device);
}
