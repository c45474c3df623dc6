import type { Handler, OpSpecs } from './types.ts';
import type { HubState } from '../model.ts';
import type { Redemption, RedemptionConflict, Voucher } from '../voucher-model.ts';
import { reject } from '../outcome.ts';
import { redemptionTarget } from './redemption-target.ts';
import { outletActive, receiptReference, remainingCents, voucherExpiresAt } from '../redemption.ts';
import {
  OFFLINE_CLOCK_SKEW_MS,
  OFFLINE_RISK_HISTORY,
  offlineRiskProblem,
  offlineRisksCountingAt,
  offlineSpendsToJudge,
  type OfflineSpend,
} from '../offline-risk.ts';
import { moneyText } from '../money.ts';
import { historyEntry, scopeOfRequest, withRequest, withVoucher } from './shared.ts';
import { requestOfVoucher } from '../voucher-request.ts';

/** A duty manager sets what an outlet may spend offline; the outlet learns it with its next answer from the hub. */
export const outletOfflineRisk: Handler<'outlet.offlineRisk'> = (state, op, ctx) => {
  const outlet = state.outlets?.[op.payload.outletId];
  if (!outlet) return reject('not_found', `no outlet ${op.payload.outletId} is enrolled`);
  if (!outletActive(outlet)) return reject('conflict', `${outlet.name} is revoked: enrol it again first`);
  const history = [...(outlet.offlineRisk ?? []), { risk: op.payload.risk, since: ctx.at, by: op.actor.id }].slice(-OFFLINE_RISK_HISTORY);
  return { ok: true, state: { ...state, outlets: { ...state.outlets, [outlet.id]: { ...outlet, offlineRisk: history } } } };
};

/**
 * A receipt an outlet wrote while it could not reach the hub. The hub cannot take it back (the
 * passenger has eaten), so whatever an honest outlet could have done offline is accepted with its
 * true time, even if the voucher was spent elsewhere meanwhile: then a conflict records the value
 * spent twice with every receipt. What no honest outlet could have written is refused: a voucher it
 * could not have seen (unknown, not yet issued, another kind), a time in the future or before the
 * voucher or the outlet existed, an amount above the voucher's value or the outlet's offline limit.
 */
export const voucherRedeemOffline: Handler<'voucher.redeemOffline'> = (state, op, ctx) => {
  const p = op.payload;
  const target = redemptionTarget(state, p);
  if ('ok' in target) return target;
  const { voucher: v, outlet } = target;
  const at = Date.parse(p.at);
  if (at > Date.parse(ctx.at) + OFFLINE_CLOCK_SKEW_MS) return reject('invalid', `an offline receipt dated ${p.at} is in the future`);
  if (at < Date.parse(outlet.enrolledAt)) return reject('invalid', `an offline receipt dated ${p.at} is from before ${outlet.name} was enrolled`);
  if (v.status !== 'issued' || v.decidedAt === null || at < Date.parse(v.decidedAt)) {
    return reject('invalid', `voucher ${v.code} was not issued at ${p.at}: the outlet could not have seen it`);
  }
  if (!outlet.accepts.includes(v.kind)) return reject('invalid', `${outlet.name} does not take ${v.kind} vouchers`);
  const expires = voucherExpiresAt(state, v);
  if (expires !== null && at > Date.parse(expires)) return reject('invalid', `voucher ${v.code} had expired at ${p.at}`);
  const spend: OfflineSpend = { voucherId: v.id, amountCents: p.amountCents, currency: v.currency, at: p.at };
  const risks = offlineRisksCountingAt(outlet, p.at);
  const earlier = offlineSpendsToJudge(state.vouchers, outlet.id, v, risks);
  const problems = risks.map((risk) => offlineRiskProblem(risk, spend, v, earlier));
  if (!problems.includes(null)) return reject('limit', problems[problems.length - 1]!);

  const redemption: Redemption = {
    id: p.redemptionId,
    reference: receiptReference(p.redemptionId),
    outletId: outlet.id,
    outletName: outlet.name,
    amountCents: p.amountCents,
    at: p.at,
    offline: { receivedAt: ctx.at },
  };
  const voidedBefore = v.voided !== undefined && Date.parse(v.voided.at) <= at;
  const overspend = voidedBefore ? p.amountCents : Math.max(0, p.amountCents - remainingCents(v));
  const spent: Voucher = { ...v, redemptions: [...(v.redemptions ?? []), redemption] };
  const money = (minor: number) => moneyText({ minor, currency: v.currency });
  const r = requestOfVoucher(state.requests, v);
  const detail =
    `${money(p.amountCents)} of ${v.code} at ${outlet.name} offline at ${p.at} (${redemption.reference})` +
    (overspend > 0 ? `: ${money(overspend)} spent twice` : `, ${money(remainingCents(spent))} left`);
  let next = r ? withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, 'voucher redeemed offline', detail)] }, ctx) : state;
  next = withVoucher(next, spent, ctx);
  if (overspend === 0) return { ok: true, state: next };
  const conflict: RedemptionConflict = {
    id: p.redemptionId,
    voucherId: v.id,
    code: v.code,
    currency: v.currency,
    overspendCents: overspend,
    receipts: spent.redemptions!,
    voided: voidedBefore,
    detectedAt: ctx.at,
  };
  return { ok: true, state: { ...next, redemptionConflicts: { ...(next.redemptionConflicts ?? {}), [conflict.id]: conflict } } };
};

/** A duty manager settled a conflict with the outlets (and the airline): it leaves the board, the record stays. */
export const redemptionResolve: Handler<'redemption.resolve'> = (state, op, ctx) => {
  const c = state.redemptionConflicts?.[op.payload.conflictId];
  if (!c) return reject('not_found', 'no such conflict');
  if (c.resolved) return reject('conflict', `the conflict on ${c.code} was already resolved`);
  const resolved: RedemptionConflict = { ...c, resolved: { at: ctx.at, by: op.actor.id, note: op.payload.note } };
  return { ok: true, state: { ...state, redemptionConflicts: { ...state.redemptionConflicts, [c.id]: resolved } } };
};

const scopeOfVoucher = (state: HubState, op: { payload: { voucherId: string } }) =>
  scopeOfRequest(state, state.vouchers[op.payload.voucherId]?.requestId ?? undefined);

export const offlineRedemptionSpecs: OpSpecs<'outlet.offlineRisk' | 'voucher.redeemOffline' | 'redemption.resolve'> = {
  // Limits are for staff and the outlet itself (which hears them over REST), never a kiosk.
  'outlet.offlineRisk': { submitters: ['duty_manager'], handler: outletOfflineRisk, visibility: { to: 'staff' }, purge: 'no passenger data' },
  // Only the hub submits it, for an outlet it authenticated (server/offline-outlet-routes.ts).
  'voucher.redeemOffline': {
    submitters: ['system'],
    handler: voucherRedeemOffline,
    visibility: { to: 'request', scope: scopeOfVoucher, kiosk: 'whole' },
    purge: 'no passenger data',
  },
  // How an overspend of a passenger's voucher was settled is free text about that passenger.
  'redemption.resolve': {
    submitters: ['duty_manager'],
    handler: redemptionResolve,
    visibility: { to: 'staff' },
    purge: { texts: ['note'], of: (p, purged) => purged.conflicts.has(p.conflictId) },
  },
};
