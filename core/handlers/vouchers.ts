import type { Handler, OpSpecs, ApplyContext } from './types.ts';
import type { HubState } from '../model.ts';
import type { OpOf } from '../ops.ts';
import { reject, type Outcome } from '../outcome.ts';
import { voucherAllowance, voucherLimitProblem } from '../policy.ts';
import { voucherAmountText, voucherCode } from '../voucher-code.ts';
import type { Voucher } from '../voucher-model.ts';
import { historyEntry, isRejection, SEEN_WITH_REQUEST, STAFF, withVoucher, scopeOfRequest, staffName, staffRequest, withRequest } from './shared.ts';
import { ofPurgedRequest, ofPurgedVoucher } from './purge-rules.ts';
import { REDACTED } from '../redacted.ts';
import { voucherCodeInUse } from '../voucher-index.ts';
import { requestOfVoucher } from '../voucher-request.ts';

function label(v: Pick<Voucher, 'kind' | 'amountCents' | 'currency' | 'code'>): string {
  return `${v.kind} ${voucherAmountText(v)} ${v.code}`;
}

/** Issue (within limits) and escalate (beyond them) share the checks on the request and the code. */
function newVoucher(state: HubState, op: OpOf<'voucher.issue'> | OpOf<'voucher.escalate'>, ctx: ApplyContext, status: 'issued' | 'pending'): Outcome {
  const p = op.payload;
  if (state.vouchers[p.voucherId]) return reject('conflict', 'this voucher was already submitted');
  const r = staffRequest(state, op, p.requestId);
  if (isRejection(r)) return r;
  if (r.status === 'cancelled') return reject('conflict', 'this request was cancelled');
  const role = state.staff[op.actor.id]!.role;
  const allowance = voucherAllowance(state, op.actor.id, role, r, ctx.at);
  const problem = voucherLimitProblem(allowance, p.amountCents, p.currency);
  if (status === 'issued' && problem) return reject('limit', problem);
  if (status === 'pending' && p.currency !== allowance.currency) {
    return reject('invalid', `vouchers here are issued in ${allowance.currency}, not ${p.currency}`);
  }
  const code = voucherCode(p.voucherId);
  if (voucherCodeInUse(state.vouchers, code)) {
    return reject('conflict', 'voucher code already in use, please issue again');
  }
  const name = staffName(state, op.actor.id);
  const v: Voucher = {
    id: p.voucherId,
    code,
    requestId: r.id,
    gate: r.gate,
    kind: p.kind,
    amountCents: p.amountCents,
    currency: p.currency,
    description: p.description ?? '',
    status,
    requestedBy: op.actor.id,
    requestedByName: name,
    requestedAt: ctx.at,
    escalationNote: op.type === 'voucher.escalate' ? (op.payload.note ?? '') : '',
    authorisedBy: status === 'issued' ? op.actor.id : null,
    authorisedByName: status === 'issued' ? name : null,
    decidedAt: status === 'issued' ? ctx.at : null,
    declineReason: null,
  };
  const action = status === 'issued' ? 'voucher issued' : 'voucher sent for approval';
  const next = withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, action, label(v))] }, ctx);
  return { ok: true, state: withVoucher(next, v, ctx) };
}

export const voucherIssue: Handler<'voucher.issue'> = (state, op, ctx) => newVoucher(state, op, ctx, 'issued');

export const voucherEscalate: Handler<'voucher.escalate'> = (state, op, ctx) => newVoucher(state, op, ctx, 'pending');

function decide(state: HubState, op: OpOf<'voucher.approve'> | OpOf<'voucher.decline'>, ctx: ApplyContext): Outcome {
  const v = state.vouchers[op.payload.voucherId];
  if (!v) return reject('not_found', 'this voucher does not exist');
  if (v.status !== 'pending') {
    return reject('conflict', `already ${v.status === 'issued' ? 'approved' : 'declined'} by ${v.authorisedByName ?? 'a duty manager'}`);
  }
  const approve = op.type === 'voucher.approve';
  const name = staffName(state, op.actor.id);
  const decided: Voucher = {
    ...v,
    status: approve ? 'issued' : 'declined',
    authorisedBy: op.actor.id,
    authorisedByName: name,
    decidedAt: ctx.at,
    declineReason: op.type === 'voucher.decline' ? op.payload.reason : null,
    ...(op.type === 'voucher.approve' && op.payload.note ? { decisionNote: op.payload.note } : {}),
  };
  const r = requestOfVoucher(state.requests, v);
  const note = op.type === 'voucher.decline' ? op.payload.reason : op.payload.note;
  const detail = note ? `${label(v)}: ${note}` : label(v);
  const next = r
    ? withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, approve ? 'voucher approved' : 'voucher declined', detail)] }, ctx)
    : state;
  return { ok: true, state: withVoucher(next, decided, ctx) };
}

/** A duty manager's approval is the escalation itself: it is not bounded by their own issuing limits. */
export const voucherApprove: Handler<'voucher.approve'> = decide;
export const voucherDecline: Handler<'voucher.decline'> = decide;

/** A decision names the voucher only; its request is the voucher's. */
const SEEN_WITH_VOUCHER = {
  to: 'request',
  scope: (state: HubState, op: { payload: { voucherId: string } }) =>
    scopeOfRequest(state, state.vouchers[op.payload.voucherId]?.requestId ?? undefined),
  kiosk: 'whole',
} as const;

export const voucherSpecs: OpSpecs<'voucher.issue' | 'voucher.escalate' | 'voucher.approve' | 'voucher.decline'> = {
  'voucher.issue': {
    submitters: STAFF,
    handler: voucherIssue,
    visibility: SEEN_WITH_REQUEST,
    purge: { texts: ['description'], of: ofPurgedRequest },
  },
  'voucher.escalate': {
    submitters: STAFF,
    handler: voucherEscalate,
    visibility: { ...SEEN_WITH_REQUEST, kiosk: (p) => ({ ...p, note: REDACTED }) },
    purge: { texts: ['description', 'note'], of: ofPurgedRequest },
  },
  // The duty manager's word is for the agent, not the passenger's screen.
  'voucher.approve': {
    submitters: ['duty_manager'],
    handler: voucherApprove,
    visibility: { ...SEEN_WITH_VOUCHER, kiosk: (p) => ({ voucherId: p.voucherId }) },
    purge: { texts: ['note'], of: ofPurgedVoucher },
  },
  'voucher.decline': {
    submitters: ['duty_manager'],
    handler: voucherDecline,
    visibility: { ...SEEN_WITH_VOUCHER, kiosk: (p) => ({ ...p, reason: REDACTED }) },
    purge: { texts: ['reason'], of: ofPurgedVoucher },
  },
};
