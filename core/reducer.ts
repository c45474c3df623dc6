import type { HubState, Role } from './model.ts';
import type { Op, OpType, LogEntry } from './ops.ts';
import { reject, type Outcome } from './outcome.ts';
import { mayPerform } from './permissions.ts';
import type { ApplyContext, Handler, HandlerMap } from './handlers/types.ts';
import { airportSet, flightUpsert, gateUpsert, staffUpsert, stockSet } from './handlers/setup.ts';
import { flightCancel, flightDelay, flightGate } from './handlers/flights.ts';
import { noticePublish, noticeReveal } from './handlers/notices.ts';
import { airlineUpsert } from './handlers/airlines.ts';
import { requestClaim, requestCreate, requestDeliver } from './handlers/requests.ts';
import { requestCancel, requestNote, requestReassign, requestRelease } from './handlers/request-work.ts';
import { stockRestock } from './handlers/stock.ts';
import { voucherApprove, voucherDecline, voucherEscalate, voucherIssue } from './handlers/vouchers.ts';
import { policySet } from './handlers/policy.ts';
import { passengersPurge } from './handlers/purge.ts';

export type { ApplyContext } from './handlers/types.ts';

const handlers: HandlerMap = {
  'request.create': requestCreate,
  'request.claim': requestClaim,
  'request.deliver': requestDeliver,
  'request.release': requestRelease,
  'request.reassign': requestReassign,
  'request.cancel': requestCancel,
  'request.note': requestNote,
  'stock.restock': stockRestock,
  'voucher.issue': voucherIssue,
  'voucher.escalate': voucherEscalate,
  'voucher.approve': voucherApprove,
  'voucher.decline': voucherDecline,
  'policy.set': policySet,
  'gate.upsert': gateUpsert,
  'flight.upsert': flightUpsert,
  'staff.upsert': staffUpsert,
  'stock.set': stockSet,
  'flight.delay': flightDelay,
  'flight.cancel': flightCancel,
  'flight.gate': flightGate,
  'notice.publish': noticePublish,
  'notice.reveal': noticeReveal,
  'airline.upsert': airlineUpsert,
  'passengers.purge': passengersPurge,
  'airport.set': airportSet,
};

function roleOf(state: HubState, op: Op): Role | undefined {
  return op.actor.kind === 'staff' ? state.staff[op.actor.id]?.role : undefined;
}

/**
 * The one place business rules run, on the hub and on every device alike.
 * Pure: same state, operation and context always give the same outcome
 * (with `ctx.inPlace`, the accepted outcome reuses the caller's request map; see ApplyContext).
 */
export function apply(state: HubState, op: Op, ctx: ApplyContext): Outcome {
  if (op.actor.kind === 'staff' && !state.staff[op.actor.id]) {
    return reject('forbidden', `unknown staff member ${op.actor.id}`);
  }
  if (!mayPerform(op.actor, roleOf(state, op), op.type)) {
    return reject('forbidden', `${op.actor.kind === 'staff' ? roleOf(state, op) : op.actor.kind} may not perform ${op.type}`);
  }
  const handler = handlers[op.type] as Handler<OpType>;
  const out = handler(state, op, ctx);
  return out.ok ? { ok: true, state: { ...out.state, seq: ctx.seq } } : out;
}

/**
 * Folds an accepted log onto a state; an entry the hub accepted but this state rejects is reported.
 * `inPlace` only for a state the caller owns (see ApplyContext).
 */
export function replay(
  state: HubState,
  entries: readonly LogEntry[],
  opts: { inPlace?: boolean } = {},
): { state: HubState; failed: LogEntry[] } {
  let s = state;
  const failed: LogEntry[] = [];
  for (const e of entries) {
    if (e.seq <= s.seq) continue;
    const out = apply(s, e.op, { seq: e.seq, at: e.at, inPlace: opts.inPlace });
    if (out.ok) s = out.state;
    else failed.push(e);
  }
  return { state: s, failed };
}
