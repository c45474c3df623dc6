import type { CareRequest, HubState } from './model.ts';
import { entitlementsForRequest, owedAt } from './entitlements/index.ts';
import type { VoucherKind } from './voucher-model.ts';

export interface VoucherPrefill {
  kind: VoucherKind;
  /** The airline's amount for this party, in the hub's voucher currency; null when it set none (or in another currency). */
  amountCents: number | null;
  legalBasis: string;
  /** When it becomes owed; null when owed already. */
  from: string | null;
}

/**
 * Vouchers this passenger is owed under the entitlement engine, to pre-fill the voucher form.
 * A kind already issued or waiting for approval on this request is not suggested again.
 */
export function voucherPrefills(state: HubState, r: CareRequest, nowIso: string): VoucherPrefill[] {
  const assessment = entitlementsForRequest(state, r);
  if (!assessment) return [];
  const taken = new Set(
    Object.values(state.vouchers)
      .filter((v) => v.requestId === r.id && v.status !== 'declined')
      .map((v) => v.kind),
  );
  const out: VoucherPrefill[] = [];
  for (const e of assessment.entitlements) {
    const v = e.voucher;
    if (!v || taken.has(v.voucherKind)) continue;
    const total = v.total;
    out.push({
      kind: v.voucherKind,
      amountCents: total && total.currency === state.policy.currency ? Math.round(total.amount * 100) : null,
      legalBasis: e.legalBasis,
      from: owedAt(e, nowIso) ? null : e.from,
    });
  }
  return out;
}
