import type { HubState } from './model.ts';
import type { Outlet, Voucher, VoucherKind } from './voucher-model.ts';
import { carrierOf } from './entitlements/carrier.ts';
import { moneyText } from './money.ts';
import { requestOfVoucher } from './voucher-request.ts';

/*
 * What may still be spent of a voucher, and why an outlet may not take it: pure, so the hub
 * (which decides), the outlet's screen and the kiosk ticket all say the same.
 */

export function redeemedCents(v: Pick<Voucher, 'redemptions'>): number {
  return (v.redemptions ?? []).reduce((sum, r) => sum + r.amountCents, 0);
}

export function remainingCents(v: Pick<Voucher, 'amountCents' | 'redemptions'>): number {
  return Math.max(0, v.amountCents - redeemedCents(v));
}

/**
 * Until when a voucher may be spent: the flight's current departure (a further delay extends it)
 * plus the hours its airline allows after it (`voucherValidHours`); null when the flight is unknown.
 */
export function voucherExpiresAt(state: Pick<HubState, 'requests' | 'flights' | 'airlines'>, v: Pick<Voucher, 'requestId' | 'bound'>): string | null {
  const request = requestOfVoucher(state.requests, v);
  const flightId = request?.flightId ?? v.bound?.flightId;
  const flight = flightId === undefined ? undefined : state.flights[flightId];
  if (!flight) return null;
  const hours = state.airlines[carrierOf(flight.number)]?.voucherValidHours ?? 0;
  if (hours === 0) return flight.estimatedDeparture;
  return new Date(Date.parse(flight.estimatedDeparture) + hours * 3600_000).toISOString();
}

/**
 * Why nothing (or not this much) may be spent: a code and its parameters, which an outlet's screen
 * words in its own language, and the same in English words (`reason`) for logs and other callers.
 */
export type RedeemRefusal =
  | { code: 'not_issued'; reason: string; params: { voucher: string; status: 'pending' | 'declined' } }
  | { code: 'voided'; reason: string; params: { voucher: string } }
  | { code: 'expired'; reason: string; params: { voucher: string; until: string } }
  | { code: 'wrong_kind'; reason: string; params: { voucher: string; kind: VoucherKind; outlet: string; accepts: VoucherKind[] } }
  | { code: 'spent'; reason: string; params: { voucher: string; outlet: string | null; receipt: string | null } }
  | { code: 'too_much'; reason: string; params: { voucher: string; leftMinor: number; currency: string } };

export type RedeemRefusalCode = RedeemRefusal['code'];

const KIND_WORD: Record<Voucher['kind'], string> = { meal: 'meal', hotel: 'hotel', taxi: 'taxi', other: 'care' };

/** The refusal an outlet gets for spending `amountCents` (or anything, when omitted) of `v` at `atIso`, or null. */
export function redeemRefusal(
  state: Pick<HubState, 'requests' | 'flights' | 'airlines'>,
  v: Voucher,
  outlet: Pick<Outlet, 'name' | 'accepts'>,
  atIso: string,
  amountCents?: number,
): RedeemRefusal | null {
  const voucher = v.code;
  if (v.voided) return { code: 'voided', reason: `voucher ${v.code} was voided by the duty manager: it cannot be spent`, params: { voucher } };
  if (v.status !== 'issued') {
    return {
      code: 'not_issued',
      reason: `voucher ${v.code} is ${v.status === 'pending' ? 'waiting for approval' : 'declined'}: it cannot be spent`,
      params: { voucher, status: v.status },
    };
  }
  const expires = voucherExpiresAt(state, v);
  if (expires !== null && Date.parse(atIso) > Date.parse(expires)) {
    return { code: 'expired', reason: `voucher ${v.code} expired at ${expires.slice(11, 16)} UTC`, params: { voucher, until: expires } };
  }
  if (!outlet.accepts.includes(v.kind)) {
    return {
      code: 'wrong_kind',
      reason: `a ${KIND_WORD[v.kind]} voucher cannot be spent at ${outlet.name}, which takes ${outlet.accepts.map((k) => KIND_WORD[k]).join(', ')} vouchers`,
      params: { voucher, kind: v.kind, outlet: outlet.name, accepts: [...outlet.accepts] },
    };
  }
  const left = remainingCents(v);
  if (left === 0) {
    const last = v.redemptions?.at(-1);
    return {
      code: 'spent',
      reason: `voucher ${v.code} is already spent${last ? ` (at ${last.outletName}, receipt ${last.reference})` : ''}`,
      params: { voucher, outlet: last?.outletName ?? null, receipt: last?.reference ?? null },
    };
  }
  if (amountCents !== undefined && amountCents > left) {
    return {
      code: 'too_much',
      reason: `only ${moneyText({ minor: left, currency: v.currency })} is left on voucher ${v.code}`,
      params: { voucher, leftMinor: left, currency: v.currency },
    };
  }
  return null;
}

/** Whether an outlet may take vouchers: never revoked, or enrolled again since. */
export function outletActive(outlet: Pick<Outlet, 'revoked' | 'enrolledAt'>): boolean {
  return !outlet.revoked || Date.parse(outlet.enrolledAt) > Date.parse(outlet.revoked.at);
}

/** Whether an outlet token issued at `issuedAt` (epoch ms) was withdrawn by a revocation since. */
export function outletTokenRevoked(outlet: Pick<Outlet, 'revoked'>, issuedAt: number): boolean {
  return outlet.revoked !== undefined && issuedAt <= Date.parse(outlet.revoked.at);
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt reference from the redemption's id (its last 40 bits): short enough to read over a counter. */
export function receiptReference(redemptionId: string): string {
  let n = BigInt(`0x${redemptionId.replace(/-/g, '').slice(-10)}`);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = ALPHABET[Number(n & 31n)] + code;
    n >>= 5n;
  }
  return `R-${code.slice(0, 4)}-${code.slice(4)}`;
}
