import { HubUnreachable, lookUp, redeem, type OutletInfo, type OutletVoucher, type Receipt } from '../hub-api.ts';
import { cachedLookup, rememberLookup, saveRisk } from './offline-store.ts';
import { spendOffline } from './offline-spend.ts';

/** Said when the hub is out of reach and the outlet cannot decide alone. */
export class CannotDecideOffline extends Error {}

/**
 * A look-up at the hub; when it cannot be reached, the vouchers this scan found the last time it
 * was looked up online (with what was left then, less what this outlet took offline since).
 * Every online answer is kept for that, with the offline limit it carries.
 */
export async function lookUpOrCached(token: string, outletId: string, scan: string): Promise<{ vouchers: OutletVoucher[]; offline: boolean }> {
  try {
    const found = await lookUp(token, scan);
    await Promise.all([rememberLookup(scan, found.vouchers, new Date().toISOString()), saveRisk(outletId, found.offlineRisk)]).catch(() => undefined);
    return { vouchers: found.vouchers, offline: false };
  } catch (err) {
    if (!(err instanceof HubUnreachable)) throw err;
    const cached = await cachedLookup(scan);
    if (cached.length === 0) throw err;
    return { vouchers: cached.map((c) => c.voucher), offline: true };
  }
}

/**
 * A redemption at the hub; when it cannot be reached, one this outlet writes itself within its
 * offline limit, with the same id (so if the first try did reach the hub, the queue's copy is the
 * same spend). Throws CannotDecideOffline with why when the limit does not allow it.
 */
export async function redeemOrOffline(
  token: string,
  outlet: OutletInfo,
  v: OutletVoucher,
  redemptionId: string,
  amountCents: number,
): Promise<Receipt> {
  try {
    return (await redeem(token, redemptionId, v.voucherId, amountCents)).receipt;
  } catch (err) {
    if (!(err instanceof HubUnreachable)) throw err;
    const offline = await spendOffline(outlet, v, amountCents, redemptionId);
    if (!offline.ok) throw new CannotDecideOffline(offline.reason);
    return offline.receipt;
  }
}
