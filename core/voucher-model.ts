import { z } from 'zod';

export const VoucherKind = z.enum(['meal', 'hotel', 'taxi', 'other']);
export type VoucherKind = z.infer<typeof VoucherKind>;

/** pending: sent to the duty managers because it is above the issuer's limits. */
export type VoucherStatus = 'issued' | 'pending' | 'declined';

export interface Voucher {
  id: string;
  /** Printed and encoded in the QR code; unique in the hub. */
  code: string;
  requestId: string;
  gate: string;
  kind: VoucherKind;
  amountCents: number;
  currency: string;
  description: string;
  status: VoucherStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  /** Why the agent asked for more than their limits allow (escalations only). */
  escalationNote: string;
  /** Whose authority it was issued on: the agent under their limits, or the approving duty manager. */
  authorisedBy: string | null;
  authorisedByName: string | null;
  decidedAt: string | null;
  declineReason: string | null;
  /** What the duty manager wrote when approving (declines keep theirs in declineReason). */
  decisionNote?: string;
}
