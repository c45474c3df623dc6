import { offlineRiskProblem, type OfflineSpend } from '../../../core/offline-risk.ts';
import { receiptReference } from '../../../core/redemption.ts';
import type { OutletInfo, OutletVoucher, Receipt } from '../hub-api.ts';
import { allReceipts, putReceipt, rememberLookup, savedRisk, type OfflineReceipt } from './offline-store.ts';

/** Told when the queue changes, so the counter's queue line can send and redraw. */
export const QUEUE_CHANGED = 'gatecare-outlet-queue';

/** A receipt the outlet wrote itself, to be confirmed by the hub. */
export type ProvisionalReceipt = Receipt & { offline: true };

/**
 * Spends offline what the hub cannot decide now: only a voucher this outlet looked up while online,
 * within the limit the duty manager set (the same rule the hub checks again on reconnect), and
 * written to the queue before the receipt is shown, so a reload loses nothing accepted.
 */
export async function spendOffline(
  outlet: OutletInfo,
  v: OutletVoucher,
  amountCents: number,
  redemptionId: string,
  now: Date = new Date(),
): Promise<{ ok: true; receipt: ProvisionalReceipt } | { ok: false; reason: string }> {
  const receipts = await allReceipts();
  const same = receipts.find((r) => r.redemptionId === redemptionId);
  if (same) return { ok: true, receipt: provisional(same) };
  if (v.refusal) return { ok: false, reason: v.refusal };
  if (v.validUntil && now.getTime() > Date.parse(v.validUntil)) return { ok: false, reason: `voucher ${v.code} has expired` };
  if (amountCents > v.remainingCents) return { ok: false, reason: `only what was left when last seen may be taken offline` };
  const at = now.toISOString();
  const risk = await savedRisk(outlet.id);
  const earlier: OfflineSpend[] = receipts
    .filter((r) => r.state !== 'refused')
    .map((r) => ({ voucherId: r.voucherId, amountCents: r.amountCents, currency: r.currency, at: r.at }));
  const problem = offlineRiskProblem(risk, { voucherId: v.voucherId, amountCents, currency: v.currency, at }, v, earlier);
  if (problem) return { ok: false, reason: problem };
  const receipt: OfflineReceipt = {
    redemptionId,
    voucherId: v.voucherId,
    code: v.code,
    kind: v.kind,
    currency: v.currency,
    amountCents,
    remainingCents: v.remainingCents - amountCents,
    at,
    outletName: outlet.name,
    reference: receiptReference(redemptionId),
    state: 'queued',
  };
  await putReceipt(receipt);
  // What is left as this outlet now knows it, for the next scan while still offline.
  await rememberLookup(v.code, [{ ...v, remainingCents: receipt.remainingCents }], at);
  dispatchEvent(new Event(QUEUE_CHANGED));
  return { ok: true, receipt: provisional(receipt) };
}

function provisional(r: OfflineReceipt): ProvisionalReceipt {
  return {
    id: r.redemptionId,
    reference: r.reference,
    outletName: r.outletName,
    amountCents: r.amountCents,
    remainingCents: r.remainingCents,
    at: r.at,
    code: r.code,
    kind: r.kind,
    currency: r.currency,
    offline: true,
  };
}
