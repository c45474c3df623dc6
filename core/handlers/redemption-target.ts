import type { HubState } from '../model.ts';
import type { Outlet, Voucher } from '../voucher-model.ts';
import { reject, type Rejection } from '../outcome.ts';
import { outletActive } from '../redemption.ts';

/**
 * What a redemption, online or offline, is about: the voucher and the active outlet, or why there
 * is nothing to decide (an unknown voucher, the same receipt again, an outlet unknown or revoked).
 */
export function redemptionTarget(
  state: HubState,
  p: { voucherId: string; redemptionId: string; outletId: string },
): { voucher: Voucher; outlet: Outlet } | Rejection {
  const voucher = state.vouchers[p.voucherId];
  if (!voucher) return reject('not_found', 'this voucher does not exist');
  if (voucher.redemptions?.some((r) => r.id === p.redemptionId)) return reject('conflict', 'this redemption was already recorded');
  const outlet = state.outlets?.[p.outletId];
  if (!outlet) return reject('forbidden', `outlet ${p.outletId} is not enrolled`);
  if (!outletActive(outlet)) return reject('forbidden', `${outlet.name} was revoked by a duty manager`);
  return { voucher, outlet };
}
