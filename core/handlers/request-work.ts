import type { CareRequest, HubState } from '../model.ts';
import type { Op } from '../ops.ts';
import type { Handler, OpSpecs } from './types.ts';
import { reject, type Rejection } from '../outcome.ts';
import {
  closedReason,
  coversGate,
  historyEntry,
  isDutyManager,
  isRejection,
  SEEN_WITH_REQUEST,
  STAFF,
  staffName,
  staffRequest,
  withRequest,
} from './shared.ts';
import { ofPurgedRequest } from './purge-rules.ts';
import { withClaim } from './request-claim.ts';
import { REDACTED } from '../redacted.ts';

/** A request still open that this staff member may hand back, on or cancel: only whoever holds a claimed request, or a duty manager, may. */
function heldOpenRequest(state: HubState, op: Op, requestId: string): CareRequest | Rejection {
  const r = staffRequest(state, op, requestId);
  if (isRejection(r)) return r;
  const closed = closedReason(r);
  if (closed) return reject('conflict', closed);
  if (r.claimedBy !== null && r.claimedBy !== op.actor.id && !isDutyManager(state, op.actor.id)) {
    return reject('forbidden', `claimed by ${r.claimedByName ?? r.claimedBy}: only they or a duty manager can do this`);
  }
  return r;
}

export const requestRelease: Handler<'request.release'> = (state, op, ctx) => {
  const r = heldOpenRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  if (r.status !== 'claimed') return reject('conflict', 'this request is not claimed');
  return {
    ok: true,
    state: withRequest(
      state,
      {
        ...r,
        status: 'received',
        claimedBy: null,
        claimedByName: null,
        claimedAt: null,
        history: [...r.history, historyEntry(ctx, op, 'released')],
      },
      ctx,
    ),
  };
};

export const requestReassign: Handler<'request.reassign'> = (state, op, ctx) => {
  const r = heldOpenRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  const to = state.staff[op.payload.to];
  if (!to) return reject('not_found', `no staff member ${op.payload.to}`);
  if (!coversGate(state, to.id, r.gate)) return reject('conflict', `${to.firstName} does not work gate ${r.gate}`);
  if (r.status === 'claimed' && r.claimedBy === to.id) return reject('conflict', `already with ${to.firstName}`);
  const step = historyEntry(ctx, op, 'reassigned', `to ${to.firstName} (${to.id})`);
  return { ok: true, state: withClaim(state, r, { id: to.id, name: to.firstName }, step, ctx) };
};

export const requestCancel: Handler<'request.cancel'> = (state, op, ctx) => {
  const r = heldOpenRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  return {
    ok: true,
    state: withRequest(
      state,
      {
        ...r,
        status: 'cancelled',
        cancelReason: op.payload.reason,
        history: [...r.history, historyEntry(ctx, op, 'cancelled', op.payload.reason)],
      },
      ctx,
    ),
  };
};

/** Notes stay possible on closed requests: what happened afterwards still matters to colleagues. */
export const requestNote: Handler<'request.note'> = (state, op, ctx) => {
  const r = staffRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  if (r.staffNotes.length >= 100) return reject('limit', 'this request already has 100 notes');
  const note = { at: ctx.at, by: op.actor.id, byName: staffName(state, op.actor.id), text: op.payload.text };
  return {
    ok: true,
    state: withRequest(
      state,
      {
        ...r,
        staffNotes: [...r.staffNotes, note],
        history: [...r.history, historyEntry(ctx, op, 'note added')],
      },
      ctx,
    ),
  };
};

export const requestWorkSpecs: OpSpecs<'request.release' | 'request.reassign' | 'request.cancel' | 'request.note'> = {
  'request.release': { submitters: STAFF, handler: requestRelease, visibility: SEEN_WITH_REQUEST, purge: 'no passenger data' },
  'request.reassign': { submitters: STAFF, handler: requestReassign, visibility: SEEN_WITH_REQUEST, purge: 'no passenger data' },
  'request.cancel': {
    submitters: STAFF,
    handler: requestCancel,
    visibility: { ...SEEN_WITH_REQUEST, kiosk: (p) => ({ ...p, reason: REDACTED }) },
    purge: { texts: ['reason'], of: ofPurgedRequest },
  },
  'request.note': {
    submitters: STAFF,
    handler: requestNote,
    visibility: { ...SEEN_WITH_REQUEST, kiosk: (p) => ({ ...p, text: REDACTED }) },
    purge: { texts: ['text'], of: ofPurgedRequest },
  },
};
