import type { PurgedRecords } from './types.ts';

/** For a purge rule's `of`: the operation is about a request whose passengers' data was purged. */
export const ofPurgedRequest = (p: { requestId: string }, purged: PurgedRecords): boolean => purged.requests.has(p.requestId);

/** For a purge rule's `of`: the operation is about a voucher whose passengers' data was purged. */
export const ofPurgedVoucher = (p: { voucherId: string }, purged: PurgedRecords): boolean => purged.vouchers.has(p.voucherId);
