import type { HubState } from './model.ts';
import type { Voucher } from './voucher-model.ts';
import { voucherAllowance } from './policy.ts';
import { voucherDraftsForRequest } from './entitlements/index.ts';
import { requestOfVoucher } from './voucher-request.ts';

/** What a duty manager weighs before approving: the limit it breaks, by how much, and what the law owes. */
export interface EscalationFacts {
  currency: string;
  /** The asking staff member's cap for this passenger (times the party) and what was left of it. */
  capCents: number;
  capLeftCents: number;
  /** How far the voucher goes beyond what the asker could issue on their own authority when they asked. */
  overageCents: number;
  /** What the entitlement engine says is owed of this kind, with its legal basis; null when nothing is. */
  owed: { amountCents: number | null; currency: string | null; legalBasis: string } | null;
}

export function escalationFacts(state: HubState, v: Voucher, nowIso: string): EscalationFacts | null {
  const r = requestOfVoucher(state.requests, v);
  if (!r) return null;
  const role = state.staff[v.requestedBy]?.role ?? 'agent';
  const a = voucherAllowance(state, v.requestedBy, role, r, v.requestedAt);
  const draft = voucherDraftsForRequest(state, r, nowIso).find((d) => d.kind === v.kind);
  return {
    currency: a.currency,
    capCents: a.capCents,
    capLeftCents: a.capLeftCents,
    overageCents: Math.max(0, v.amountCents - a.maxNowCents),
    owed: draft ? { amountCents: draft.amountCents, currency: draft.currency, legalBasis: draft.legalBasis } : null,
  };
}
