import type { CareRequest, HubState } from './model.ts';
import type { Voucher } from './voucher-model.ts';
import { passName } from './passenger-list.ts';
import { vouchersBoundToFlight } from './voucher-index.ts';
import { requestsOfPassenger } from './passenger-index.ts';

/**
 * The vouchers given to the holder of a boarding pass: same flight and check-in sequence, and the
 * surname agrees (the pass's name field is 20 characters, so a prefix of at least 3 letters counts).
 */
export function vouchersBoundToPass(state: Pick<HubState, 'vouchers'>, flightId: string, surname: string, sequence: number): Voucher[] {
  const typed = passName(surname);
  if (typed === '') return [];
  return vouchersBoundToFlight(state.vouchers, flightId)
    .filter((v) => {
      if (!v.bound || v.bound.sequence !== sequence) return false;
      const listed = passName(v.bound.surname);
      return listed !== '' && (listed === typed || (typed.length >= 3 && listed.startsWith(typed)));
    })
    .sort((a, b) => a.bound!.step - b.bound!.step || a.kind.localeCompare(b.kind));
}

/**
 * The vouchers given to the passenger a request was made for, when the request came with their
 * pass's check-in sequence: what a whole-flight issue gave them shows on their ticket too.
 */
export function vouchersBoundToRequest(
  state: Pick<HubState, 'vouchers'>,
  r: Pick<CareRequest, 'flightId' | 'surname' | 'checkInSequence'>,
): Voucher[] {
  return r.checkInSequence === undefined ? [] : vouchersBoundToPass(state, r.flightId, r.surname, r.checkInSequence);
}

/**
 * The vouchers bound to the pass of the passenger `r` was made for, found through any of their
 * requests that came with the pass's sequence (a second request typed by hand is the same
 * passenger): what the caps and the voucher form count as already given, each voucher once.
 */
export function vouchersBoundToPassenger(state: Pick<HubState, 'vouchers' | 'requests'>, r: CareRequest): Voucher[] {
  const found = new Map<string, Voucher>();
  for (const mine of [r, ...requestsOfPassenger(state.requests, r)]) {
    for (const v of vouchersBoundToRequest(state, mine)) found.set(v.id, v);
  }
  return [...found.values()];
}
