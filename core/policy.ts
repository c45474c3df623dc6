import type { CareRequest, HubState, Party, Role } from './model.ts';
import { moneyText } from './money.ts';
import { requestsOfPassenger } from './passenger-index.ts';
import { budgetUsedSince, vouchersOfRequest } from './voucher-index.ts';
import { vouchersBoundToPassenger } from './bound-vouchers.ts';

export { DEFAULT_POLICY } from './policy-defaults.ts';
export type { Policy } from './policy-model.ts';

const HOUR_MS = 3600_000;

export function personsIn(party: Party): number {
  return party.adults + party.children + party.infants;
}

/**
 * Everything already issued to this passenger's party, by anyone: on their requests and bound to
 * their boarding pass by a whole-flight issue, so a flight's meal is not given again on a ticket.
 */
export function issuedToPassenger(state: HubState, request: CareRequest): number {
  let sum = 0;
  for (const r of requestsOfPassenger(state.requests, request)) {
    for (const v of vouchersOfRequest(state.vouchers, r.id)) if (v.status === 'issued') sum += v.amountCents;
  }
  for (const v of vouchersBoundToPassenger(state, request)) if (v.status === 'issued') sum += v.amountCents;
  return sum;
}

/** What a staff member issued on their own authority during the shift window ending at `at`. */
export function usedShiftBudget(state: HubState, staffId: string, at: string): number {
  return budgetUsedSince(state.vouchers, staffId, Date.parse(at) - state.policy.shiftHours * HOUR_MS);
}

export interface VoucherAllowance {
  currency: string;
  /** Cap for this passenger's whole party. */
  capCents: number;
  alreadyIssuedCents: number;
  capLeftCents: number;
  budgetCents: number;
  budgetUsedCents: number;
  budgetLeftCents: number;
  /** The most this staff member can issue here right now without approval. */
  maxNowCents: number;
}

/** What a staff member may still issue, on their own authority, to this request's passenger. */
export function voucherAllowance(state: HubState, staffId: string, role: Role, request: CareRequest, at: string): VoucherAllowance {
  const limits = state.policy.limits[role];
  const capCents = limits.capPerPassengerCents * Math.max(1, personsIn(request.party));
  const alreadyIssuedCents = issuedToPassenger(state, request);
  const budgetUsedCents = usedShiftBudget(state, staffId, at);
  const capLeftCents = Math.max(0, capCents - alreadyIssuedCents);
  const budgetLeftCents = Math.max(0, limits.budgetPerShiftCents - budgetUsedCents);
  return {
    currency: state.policy.currency,
    capCents,
    alreadyIssuedCents,
    capLeftCents,
    budgetCents: limits.budgetPerShiftCents,
    budgetUsedCents,
    budgetLeftCents,
    maxNowCents: Math.min(capLeftCents, budgetLeftCents),
  };
}

/** Why a voucher cannot be issued at once (null: it can). Same answer on every tablet and on the hub. */
export function voucherLimitProblem(a: VoucherAllowance, amountCents: number, currency: string): string | null {
  if (currency !== a.currency) return `vouchers here are issued in ${a.currency}, not ${currency}`;
  const m = (c: number) => moneyText({ minor: c, currency: a.currency });
  if (amountCents > a.capLeftCents) {
    return (
      `${m(amountCents)} is above the cap for this passenger (${m(a.capLeftCents)} left of ${m(a.capCents)}): ` +
      'send it to a duty manager for approval'
    );
  }
  if (amountCents > a.budgetLeftCents) {
    return (
      `${m(amountCents)} is above your remaining shift budget (${m(a.budgetLeftCents)} left of ${m(a.budgetCents)}): ` +
      'send it to a duty manager for approval'
    );
  }
  return null;
}
