import type { CareRequest, Voucher } from './model.ts';
import { noteTicket } from './ticket-index.ts';
import { noteRequest } from './passenger-index.ts';
import { noteVoucher } from './voucher-index.ts';
import { noteBoardRequest } from './board-summary.ts';
import { noteMapWrite } from './map-writes.ts';

/**
 * The one way to write into a requests or vouchers map in place (ApplyContext.inPlace): every
 * index and summary keyed by the map (tickets, passengers, vouchers, the board, the write count)
 * follows the write, so none of them has to rescan the map.
 */
export function storeRequestInPlace(requests: Record<string, CareRequest>, r: CareRequest): void {
  const prev = requests[r.id];
  requests[r.id] = r;
  noteTicket(requests, r.ticket);
  noteRequest(requests, r);
  noteBoardRequest(requests, prev, r);
  noteMapWrite(requests, r.id);
}

export function storeVoucherInPlace(vouchers: Record<string, Voucher>, v: Voucher): void {
  vouchers[v.id] = v;
  noteVoucher(vouchers, v);
  noteMapWrite(vouchers, v.id);
}
