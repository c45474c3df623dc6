import type { OutletKind, VoucherKind } from '../../core/plain.ts';

/** The choices of the enrolment form; tsc checks each against core's lists. */
export const OUTLET_KIND_CHOICES = ['cafe', 'restaurant', 'shop', 'hotel-desk', 'taxi-desk'] as const satisfies readonly OutletKind[];
export const VOUCHER_KIND_CHOICES = ['meal', 'hotel', 'taxi', 'other'] as const satisfies readonly VoucherKind[];

/** What an outlet of a kind usually takes: the form starts there, the manager may change it. */
export const USUAL_ACCEPTS: Record<OutletKind, VoucherKind[]> = {
  cafe: ['meal'],
  restaurant: ['meal'],
  shop: ['other'],
  'hotel-desk': ['hotel'],
  'taxi-desk': ['taxi'],
};
