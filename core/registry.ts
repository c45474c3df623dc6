import type { OpRegistry, OpSpec } from './handlers/types.ts';
import type { OpType } from './ops.ts';
import { requestSpecs } from './handlers/requests.ts';
import { requestWorkSpecs } from './handlers/request-work.ts';
import { stockSpecs } from './handlers/stock.ts';
import { voucherSpecs } from './handlers/vouchers.ts';
import { policySpecs } from './handlers/policy.ts';
import { setupSpecs } from './handlers/setup.ts';
import { flightSpecs } from './handlers/flights.ts';
import { noticeSpecs } from './handlers/notices.ts';
import { airlineSpecs } from './handlers/airlines.ts';
import { purgeSpecs } from './handlers/purge.ts';
import { threadSpecs } from './handlers/thread.ts';
import { passengerListSpecs } from './handlers/passenger-lists.ts';
import { outletSpecs } from './handlers/outlets.ts';
import { offlineRedemptionSpecs } from './handlers/offline-redemption.ts';
import { hotelSpecs } from './handlers/hotels.ts';
import { thanksSpecs } from './handlers/thanks.ts';
import { phoneAskSpecs } from './handlers/phone-ask.ts';
import { kioskViewSpecs } from './handlers/kiosk-view.ts';
import { flightCareSpecs } from './handlers/flight-care.ts';

export type { OpRegistry, OpSpec, Submitter, Visibility, KioskForm, RequestScope, PurgeRule, PurgedRecords } from './handlers/types.ts';

/**
 * One entry per operation type: who may submit it, its handler, who sees it and what kiosks see of it.
 * The reducer, permissions and views read nothing else; an operation type in ops.ts without an
 * entry here, or an entry without every part, does not compile.
 */
export const OP_REGISTRY: OpRegistry = {
  ...requestSpecs,
  ...requestWorkSpecs,
  ...stockSpecs,
  ...voucherSpecs,
  ...policySpecs,
  ...setupSpecs,
  ...flightSpecs,
  ...noticeSpecs,
  ...airlineSpecs,
  ...purgeSpecs,
  ...threadSpecs,
  ...passengerListSpecs,
  ...outletSpecs,
  ...offlineRedemptionSpecs,
  ...hotelSpecs,
  ...thanksSpecs,
  ...phoneAskSpecs,
  ...kioskViewSpecs,
  ...flightCareSpecs,
};

/**
 * The entry for a type known only at run time. Handlers and kiosk forms take their own payload
 * type, so seen through the union of all types they need this one widening.
 */
export function specOf(type: OpType): OpSpec<OpType> {
  return OP_REGISTRY[type] as unknown as OpSpec<OpType>;
}
