import type { CareRequest, HubState } from '../model.ts';
import { moneyText } from '../money.ts';
import type { Voucher, VoucherKind } from '../voucher-model.ts';
import { owedAt } from './engine.ts';
import { entitlementsForRequest } from './for-request.ts';
import { vouchersBoundToPassenger } from '../bound-vouchers.ts';
import type { EntitlementKind, EntitlementSource } from './types.ts';

/** A voucher form filled in from an entitlement; the agent still chooses to issue it. */
export interface VoucherDraft {
  kind: VoucherKind;
  /** Null when the airline set no amount for this kind: the agent types it. */
  amountCents: number | null;
  currency: string | null;
  /** Fits the voucher's 200-character description, e.g. "Meal 3 × 15.00 EUR (EU 261/2004 Art. 6, Art. 9(1)(a))". */
  description: string;
  entitlement: EntitlementKind;
  source: EntitlementSource;
  legalBasis: string;
  /** When it becomes owed; null means now. */
  from: string | null;
  /** The latest moment it must be offered (EU 261 / UK261 Art. 6(2)); null when the rule sets none. */
  offerBy: string | null;
  owedNow: boolean;
  /**
   * An issued or pending voucher of this kind already exists for the request, or the vouchers of
   * this kind bound to the passenger's pass (a whole-flight issue) already meet the whole amount.
   */
  alreadyCovered: boolean;
  /** What vouchers of this kind bound to the passenger's pass already gave (minor units; 0: none): left out of `amountCents`. */
  givenToPassCents: number;
}

// State is immutable: index one `vouchers` record by request once, not once per card.
const byRequestCache = new WeakMap<HubState['vouchers'], Map<string, Voucher[]>>();

function vouchersByRequest(vouchers: HubState['vouchers']): Map<string, Voucher[]> {
  let index = byRequestCache.get(vouchers);
  if (!index) {
    index = new Map();
    for (const v of Object.values(vouchers)) {
      if (v.requestId === null) continue;
      const list = index.get(v.requestId);
      if (list) list.push(v);
      else index.set(v.requestId, [v]);
    }
    byRequestCache.set(vouchers, index);
  }
  return index;
}

const KIND_LABEL: Record<VoucherKind, string> = { meal: 'Meal', hotel: 'Hotel', taxi: 'Taxi', other: 'Other' };
const UNIT_LABEL: Record<VoucherKind, string> = { meal: 'person', hotel: 'night', taxi: 'trip', other: 'item' };

/**
 * One draft per entitlement that a voucher can meet (meal, hotel, transport), in the engine's order.
 * Calls and priority care are given in person, so they have no voucher.
 */
export function voucherDraftsForRequest(state: HubState, r: CareRequest, nowIso: string): VoucherDraft[] {
  const assessment = entitlementsForRequest(state, r);
  if (!assessment) return [];
  // Saved device state from before vouchers existed has no `vouchers` map.
  const existing = (vouchersByRequest(state.vouchers ?? {}).get(r.id) ?? []).filter((v) => v.status !== 'declined');
  const bound = state.vouchers ? vouchersBoundToPassenger(state, r).filter((v) => v.status === 'issued') : [];
  return assessment.entitlements.flatMap((e): VoucherDraft[] => {
    const v = e.voucher;
    if (!v) return [];
    const meals = typeof e.params.mealsPerPerson === 'number' ? e.params.mealsPerPerson : 1;
    const count = meals > 1 ? e.params.persons : v.quantity;
    const units = `${count} ${UNIT_LABEL[v.voucherKind]}${count !== 1 ? 's' : ''}${meals > 1 ? ` × ${meals} meals` : ''}`;
    const unit = v.unit ? `${units} × ${moneyText(v.unit)}` : units;
    // The pass's own vouchers cover its holder only: the rest of the party is still owed.
    const given = bound.filter((b) => b.kind === v.voucherKind && (!v.total || b.currency === v.total.currency));
    const givenToPassCents = given.reduce((n, b) => n + b.amountCents, 0);
    const left = v.total ? Math.max(0, v.total.minor - givenToPassCents) : null;
    const less =
      givenToPassCents > 0 && v.total ? `, less ${moneyText({ minor: givenToPassCents, currency: v.total.currency })} given on the pass` : '';
    return [
      {
        kind: v.voucherKind,
        amountCents: left,
        currency: v.total?.currency ?? null,
        description: `${KIND_LABEL[v.voucherKind]}, ${unit}${less} (${e.legalBasis})`.slice(0, 200),
        entitlement: e.kind,
        source: e.source,
        legalBasis: e.legalBasis,
        from: e.from,
        offerBy: e.offerBy,
        owedNow: owedAt(e, nowIso),
        alreadyCovered: existing.some((x) => x.kind === v.voucherKind) || left === 0 || (left === null && given.length > 0),
        givenToPassCents,
      },
    ];
  });
}
