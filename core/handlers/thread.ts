import type { CareRequest, ThreadMessage } from '../model.ts';
import type { Handler, OpSpecs } from './types.ts';
import { reject } from '../outcome.ts';
import { phoneLinkOpen } from '../personal-data.ts';
import { REDACTED } from '../redacted.ts';
import { historyEntry, isRejection, scopeByRequestId, staffName, staffRequest, withRequest } from './shared.ts';
import { ofPurgedRequest } from './purge-rules.ts';

/** Enough for a long evening at the gate; a flood stops here rather than in every tablet's memory. */
export const MAX_THREAD_MESSAGES = 200;

function withMessage(r: CareRequest, m: ThreadMessage): CareRequest | null {
  const thread = r.thread ?? [];
  if (thread.length >= MAX_THREAD_MESSAGES) return null;
  return { ...r, thread: [...thread, m] };
}

/**
 * The passenger writes from their phone. Only the hub submits it, once it has checked the phone's
 * link (server/phone-sockets.ts): the link never enters the log, so the operation names no device.
 */
export const threadPassenger: Handler<'thread.passenger'> = (state, op, ctx) => {
  const r = state.requests[op.payload.requestId];
  if (!r) return reject('not_found', 'this request does not exist');
  if (!phoneLinkOpen(r)) return reject('forbidden', 'this ticket is closed: its messages were deleted');
  const next = withMessage(r, { at: ctx.at, seq: ctx.seq, from: 'passenger', byName: null, text: op.payload.text });
  if (!next) return reject('limit', `this ticket already has ${MAX_THREAD_MESSAGES} messages: please speak to the staff at the gate`);
  return { ok: true, state: withRequest(state, { ...next, history: [...r.history, historyEntry(ctx, op, 'passenger wrote')] }, ctx) };
};

/** An agent answers in their own words, signed with their first name. */
export const threadStaff: Handler<'thread.staff'> = (state, op, ctx) => {
  const r = staffRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  if (!phoneLinkOpen(r)) return reject('conflict', "this passenger's data was purged: nobody can read an answer");
  const byName = staffName(state, op.actor.id);
  const next = withMessage(r, { at: ctx.at, seq: ctx.seq, from: 'staff', byName, text: op.payload.text });
  if (!next) return reject('limit', `this ticket already has ${MAX_THREAD_MESSAGES} messages`);
  return { ok: true, state: withRequest(state, { ...next, history: [...r.history, historyEntry(ctx, op, 'answered the passenger')] }, ctx) };
};

/** "Lost phone": every link made so far stops working at once; the kiosk that made the ticket can show a new one. */
export const phoneRevoke: Handler<'phone.revoke'> = (state, op, ctx) => {
  const r = staffRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  if (!phoneLinkOpen(r)) return reject('conflict', "this ticket's phone link is already closed");
  return {
    ok: true,
    state: withRequest(
      state,
      { ...r, phoneGeneration: (r.phoneGeneration ?? 0) + 1, history: [...r.history, historyEntry(ctx, op, 'phone link revoked')] },
      ctx,
    ),
  };
};

export const threadSpecs: OpSpecs<'thread.passenger' | 'thread.staff' | 'phone.revoke'> = {
  'thread.passenger': {
    submitters: ['system'],
    handler: threadPassenger,
    // The gate's staff read it; a kiosk is a public screen and gets it without the words.
    visibility: { to: 'request', scope: scopeByRequestId, kiosk: (p) => ({ ...p, text: REDACTED }) },
    purge: { texts: ['text'], of: ofPurgedRequest },
  },
  'thread.staff': {
    submitters: ['agent', 'duty_manager'],
    handler: threadStaff,
    visibility: { to: 'request', scope: scopeByRequestId, kiosk: (p) => ({ ...p, text: REDACTED }) },
    purge: { texts: ['text'], of: ofPurgedRequest },
  },
  'phone.revoke': {
    submitters: ['agent', 'duty_manager'],
    handler: phoneRevoke,
    // The kiosk that made the ticket learns the new generation, so it can offer a fresh link.
    visibility: { to: 'request', scope: scopeByRequestId, kiosk: 'whole' },
    purge: 'no passenger data',
  },
};
