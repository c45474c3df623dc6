import { z } from 'zod';
import type { OfflineRiskSetting } from './offline-risk.ts';

export const VoucherKind = z.enum(['meal', 'hotel', 'taxi', 'other']);
export type VoucherKind = z.infer<typeof VoucherKind>;

/** pending: sent to the duty managers because it is above the issuer's limits. */
export type VoucherStatus = 'issued' | 'pending' | 'declined';

export interface Voucher {
  id: string;
  /** Printed and encoded in the QR code; unique in the hub. */
  code: string;
  /** The care request it was issued on; null for a voucher issued to a listed passenger of a whole flight (see `bound`). */
  requestId: string | null;
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
  /** What outlets took from it, oldest first (absent until the first redemption). */
  redemptions?: Redemption[];
  /** Voided by a duty manager (lost, fraud): nothing more may be spent. */
  voided?: { at: string; by: string; reason: string };
  /** Issued to a passenger on the flight's list (whole-flight issue or top-up): bound to their boarding pass. */
  bound?: BoundPassenger;
}

/**
 * What a boarding pass says of its holder, enough to find their vouchers when the pass is scanned:
 * the flight (its id holds the date), the surname as listed and the check-in sequence.
 */
export interface BoundPassenger {
  flightId: string;
  /** As on the list (personal data: blanked by the purge). */
  surname: string;
  sequence: number;
  cabin: 'first' | 'business' | 'premium_economy' | 'economy';
  /** 1 for the first meal owed, 2 for the first top-up, …: one voucher per passenger per kind and step. */
  step: number;
  /** A taxi shared by a booking: the check-in sequences of everyone riding on it (the holder included), so none of them is given another. */
  riders?: number[];
}

/** One spend at an outlet: the receipt both sides keep. */
export interface Redemption {
  id: string;
  /** Printed on the receipt: derived from the id, like a voucher code. */
  reference: string;
  outletId: string;
  outletName: string;
  amountCents: number;
  /** When it was spent: the hub's time, or for a receipt written offline the outlet's own time. */
  at: string;
  /** Written by the outlet while it could not reach the hub; the hub received it at `receivedAt`. */
  offline?: { receivedAt: string };
}

/**
 * The same value spent twice: an offline receipt found the voucher already (partly) spent, or
 * voided, when it reached the hub. Both receipts stand; a duty manager settles it with the outlets.
 */
export interface RedemptionConflict {
  /** The id of the offline receipt that went over. */
  id: string;
  voucherId: string;
  code: string;
  currency: string;
  /** How much more was spent than the voucher held (the whole offline amount if it was voided). */
  overspendCents: number;
  /** Every receipt of the voucher when it was found, the offline one that went over last. */
  receipts: Redemption[];
  /** The voucher had been voided before the offline spend. */
  voided: boolean;
  detectedAt: string;
  resolved?: { at: string; by: string; note: string };
}

export const OUTLET_KINDS = ['cafe', 'restaurant', 'shop', 'hotel-desk', 'taxi-desk'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

/** A place that takes vouchers, enrolled once by a duty manager (core/handlers/outlets.ts). */
export interface Outlet {
  id: string;
  name: string;
  kind: OutletKind;
  /** Voucher kinds it may take. */
  accepts: VoucherKind[];
  enrolledBy: string;
  enrolledAt: string;
  /** A hotel desk's hotel (state.hotels). */
  hotelId?: string;
  /** A duty manager withdrew it (lost tablet, closed shop): tokens issued up to then no longer work. */
  revoked?: { at: string; by: string };
  /** What it may spend offline, oldest setting first (absent: nothing offline). */
  offlineRisk?: OfflineRiskSetting[];
}
