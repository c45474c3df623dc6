import type { Voucher } from './voucher-model.ts';

/**
 * The request a voucher was issued on, if any: a voucher given to a listed passenger of a whole
 * flight has none (it is bound to the boarding pass instead, `Voucher.bound`).
 */
export function requestOfVoucher<R>(requests: Readonly<Record<string, R>>, v: Pick<Voucher, 'requestId'>): R | undefined {
  return v.requestId === null ? undefined : requests[v.requestId];
}
