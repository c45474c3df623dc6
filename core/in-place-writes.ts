import type { CareRequest, Voucher } from './model.ts';
import { noteTicket } from './ticket-index.ts';
import { noteRequest } from './passenger-index.ts';
import { noteKioskRequest } from './kiosk-device-index.ts';
import { noteVoucher } from './voucher-index.ts';
import { noteMapWrite } from './map-writes.ts';

/**
 * The one way to write into a requests or vouchers map in place (ApplyContext.inPlace): every
 * index and summary keyed by the map (tickets, passengers, vouchers, the board, the write count)
 * follows the write, so none of them has to rescan the map; summaries a device keeps (the
 * board) observe the writes (core/map-writes.ts), so the kiosk does not carry them.
 */
export function storeRequestInPlace(requests: Record<string, CareRequest>, r: CareRequest): void {
  const prev = requests[r.id];
  requests[r.id] = r;
  noteTicket(requests, r.ticket, prev?.ticket);
  noteRequest(requests, r, prev);
  noteKioskRequest(requests, r, prev);
  noteMapWrite(requests, r.id, prev, r);
}

export function storeVoucherInPlace(vouchers: Record<string, Voucher>, v: Voucher): void {
  const prev = vouchers[v.id];
  vouchers[v.id] = v;
  noteVoucher(vouchers, v);
  noteMapWrite(vouchers, v.id, prev, v);
}
