import type { HubState } from './model.ts';
import type { Outlet, Voucher, VoucherKind } from './voucher-model.ts';
import { redeemRefusal, remainingCents, voucherExpiresAt, type RedeemRefusal } from './redemption.ts';
import { requestOfVoucher } from './voucher-request.ts';
import { passName } from './passenger-list.ts';

/**
 * What an outlet may see of a voucher, as the hub sends it and the outlet app reads it: enough to
 * serve the passenger, nothing more (the surname's initial only).
 */
export interface OutletVoucher {
  voucherId: string;
  code: string;
  kind: VoucherKind;
  amountCents: number;
  remainingCents: number;
  currency: string;
  validUntil: string | null;
  initial: string;
  /** Why it may not be spent here now, or null. */
  refusal: string | null;
  /** The refusal's kind and what it names, so the outlet's screen can say it all in its own language. */
  refusalCode: RedeemRefusal['code'] | null;
  refusalParams: RedeemRefusal['params'] | null;
}

/** `v` as `outlet` may see it at `now`, with why it may not be spent there now. */
export function outletVoucherOf(state: HubState, v: Voucher, outlet: Outlet, now: string): OutletVoucher {
  const surname = requestOfVoucher(state.requests, v)?.surname ?? v.bound?.surname ?? '';
  const refusal = redeemRefusal(state, v, outlet, now);
  return {
    voucherId: v.id,
    code: v.code,
    kind: v.kind,
    amountCents: v.amountCents,
    remainingCents: remainingCents(v),
    currency: v.currency,
    validUntil: voucherExpiresAt(state, v),
    initial: passName(surname).slice(0, 1),
    refusal: refusal?.reason ?? null,
    refusalCode: refusal?.code ?? null,
    refusalParams: refusal?.params ?? null,
  };
}
