import type { Handler, OpSpecs } from './types.ts';
import type { HubState } from '../model.ts';
import type { Voucher } from '../voucher-model.ts';
import { reject } from '../outcome.ts';
import { redemptionTarget } from './redemption-target.ts';
import { outletActive, receiptReference, redeemRefusal, remainingCents } from '../redemption.ts';
import { moneyText } from '../money.ts';
import { historyEntry, scopeOfRequest, withRequest, withVoucher, REFERENCE_DATA } from './shared.ts';
import { ofPurgedVoucher } from './purge-rules.ts';
import { REDACTED } from '../redacted.ts';
import { requestOfVoucher } from '../voucher-request.ts';

/** A duty manager enrols (or re-describes) an outlet: the hub submits it in their name from the enrolment route. */
export const outletEnroll: Handler<'outlet.enroll'> = (state, op, ctx) => {
  const p = op.payload;
  if (p.kind === 'hotel-desk' && !p.hotelId) return reject('invalid', 'a hotel desk works for one hotel: choose which');
  if (p.kind !== 'hotel-desk' && p.hotelId) return reject('invalid', 'only a hotel desk is bound to a hotel');
  if (p.hotelId && !state.hotels?.[p.hotelId]) return reject('not_found', `no hotel ${p.hotelId}: a duty manager adds it first`);
  const outlets = { ...(state.outlets ?? {}) };
  const earlier = outlets[p.outletId];
  outlets[p.outletId] = {
    id: p.outletId,
    name: p.name,
    kind: p.kind,
    accepts: [...new Set(p.accepts)],
    enrolledBy: op.actor.id,
    enrolledAt: ctx.at,
    ...(p.hotelId ? { hotelId: p.hotelId } : {}),
    // Enrolling again gives a new token; a revocation keeps the tokens from before it dead.
    ...(earlier?.revoked ? { revoked: earlier.revoked } : {}),
  };
  return { ok: true, state: { ...state, outlets } };
};

/** A duty manager withdraws an outlet: the hub refuses every token it was given up to now (server/outlet-routes.ts). */
export const outletRevoke: Handler<'outlet.revoke'> = (state, op, ctx) => {
  const outlet = state.outlets?.[op.payload.outletId];
  if (!outlet) return reject('not_found', `no outlet ${op.payload.outletId} is enrolled`);
  if (!outletActive(outlet)) return reject('conflict', `${outlet.name} is already revoked`);
  return { ok: true, state: { ...state, outlets: { ...state.outlets, [outlet.id]: { ...outlet, revoked: { at: ctx.at, by: op.actor.id } } } } };
};

/**
 * The hub decides every spend, one operation after another: two outlets taking the same voucher
 * at once are two operations in one order, and the second finds what the first left.
 */
export const voucherRedeem: Handler<'voucher.redeem'> = (state, op, ctx) => {
  const p = op.payload;
  const target = redemptionTarget(state, p);
  if ('ok' in target) return target;
  const { voucher: v, outlet } = target;
  const refusal = redeemRefusal(state, v, outlet, ctx.at, p.amountCents);
  if (refusal) return reject('conflict', refusal.reason);
  const redemption = {
    id: p.redemptionId,
    reference: receiptReference(p.redemptionId),
    outletId: outlet.id,
    outletName: outlet.name,
    amountCents: p.amountCents,
    at: ctx.at,
  };
  const spent: Voucher = { ...v, redemptions: [...(v.redemptions ?? []), redemption] };
  const r = requestOfVoucher(state.requests, v);
  const detail = `${moneyText({ minor: p.amountCents, currency: v.currency })} of ${v.code} at ${outlet.name} (${redemption.reference}), ${moneyText({ minor: remainingCents(spent), currency: v.currency })} left`;
  const next = r ? withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, 'voucher redeemed', detail)] }, ctx) : state;
  return { ok: true, state: withVoucher(next, spent, ctx) };
};

/** Lost or misused: a duty manager stops a voucher; what was already spent stays spent. */
export const voucherVoid: Handler<'voucher.void'> = (state, op, ctx) => {
  const v = state.vouchers[op.payload.voucherId];
  if (!v) return reject('not_found', 'this voucher does not exist');
  if (v.voided) return reject('conflict', `voucher ${v.code} is already voided`);
  if (v.status !== 'issued') return reject('conflict', `voucher ${v.code} was never issued: decline it instead`);
  const voided: Voucher = { ...v, voided: { at: ctx.at, by: op.actor.id, reason: op.payload.reason } };
  const r = requestOfVoucher(state.requests, v);
  const next = r
    ? withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, 'voucher voided', `${v.code}: ${op.payload.reason}`)] }, ctx)
    : state;
  return { ok: true, state: withVoucher(next, voided, ctx) };
};

const scopeOfVoucher = (state: HubState, op: { payload: { voucherId: string } }) =>
  scopeOfRequest(state, state.vouchers[op.payload.voucherId]?.requestId ?? undefined);

export const outletSpecs: OpSpecs<'outlet.enroll' | 'outlet.revoke' | 'voucher.redeem' | 'voucher.void'> = {
  // Every device replays redemptions, which name the outlet: outlets (name, kind, kinds taken) are reference data.
  'outlet.enroll': { submitters: ['duty_manager'], handler: outletEnroll, ...REFERENCE_DATA },
  'outlet.revoke': { submitters: ['duty_manager'], handler: outletRevoke, ...REFERENCE_DATA },
  // Only the hub submits it, on behalf of an outlet it authenticated (server/outlet-routes.ts).
  'voucher.redeem': {
    submitters: ['system'],
    handler: voucherRedeem,
    visibility: { to: 'request', scope: scopeOfVoucher, kiosk: 'whole' },
    purge: 'no passenger data',
  },
  'voucher.void': {
    submitters: ['duty_manager'],
    handler: voucherVoid,
    // The passenger's screen learns the voucher is void, not why.
    visibility: { to: 'request', scope: scopeOfVoucher, kiosk: (p) => ({ ...p, reason: REDACTED }) },
    purge: { texts: ['reason'], of: ofPurgedVoucher },
  },
};
