import type { HubState } from './model.ts';
import type { Voucher, VoucherKind, VoucherStatus } from './voucher-model.ts';
import { vouchersOf } from './views.ts';
import { remainingCents, voucherExpiresAt } from './redemption.ts';
import { vouchersBoundToRequest } from './bound-vouchers.ts';

/**
 * A voucher as the passenger sees it on a kiosk: what it is worth, what it covers, until when,
 * and its code once it may be used. Never who asked, why, or what the duty manager wrote.
 */
export interface PublicVoucher {
  id: string;
  kind: VoucherKind;
  amountCents: number;
  currency: string;
  /** What it covers, as the agent wrote it. */
  description: string;
  status: VoucherStatus;
  /** Only once issued: a code waiting for the duty manager, or declined, must not be spent. */
  code: string | null;
  /** Until the flight leaves (the rebooked departure when cancelled), plus the airline's extra hours; null when the flight is unknown. */
  validUntil: string | null;
  /** What outlets may still take: the amount until a first redemption. */
  remainingCents: number;
  /** A duty manager stopped it: no code is shown any more. */
  voided: boolean;
}

/**
 * Care vouchers cover the wait, so they hold until the passenger's flight leaves; the flight's
 * current departure is read each time, so a further delay extends them.
 */
export function voucherValidUntil(state: HubState, v: Voucher): string | null {
  return voucherExpiresAt(state, v);
}

export function publicVoucher(state: HubState, v: Voucher): PublicVoucher {
  return {
    id: v.id,
    kind: v.kind,
    amountCents: v.amountCents,
    currency: v.currency,
    description: v.description,
    status: v.status,
    code: v.status === 'issued' && !v.voided ? v.code : null,
    validUntil: voucherValidUntil(state, v),
    remainingCents: remainingCents(v),
    voided: !!v.voided,
  };
}

/**
 * Every voucher of a request, oldest first, then those given to its passenger on the flight's list
 * (where this state holds them: the hub and staff do, a kiosk learns them through its look-up).
 */
export function publicVouchersOf(state: HubState, requestId: string): PublicVoucher[] {
  const r = state.requests[requestId];
  const bound = r ? vouchersBoundToRequest(state, r) : [];
  return [...vouchersOf(state, requestId), ...bound].map((v) => publicVoucher(state, v));
}
