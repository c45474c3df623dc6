import type { CareRequest, HubState } from './model.ts';
import type { Voucher } from './voucher-model.ts';
import { passName } from './passenger-list.ts';
import { vouchersBoundToFlight } from './voucher-index.ts';

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
