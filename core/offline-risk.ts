import type { Outlet, Voucher } from './voucher-model.ts';
import { moneyText } from './money.ts';
import { vouchersTakenOfflineAt } from './voucher-index.ts';

/*
 * How much an outlet may spend while it cannot reach the hub: set per outlet by a duty manager,
 * applied by the outlet offline and checked again by the hub when the queue arrives. Plain and
 * zod-free, so the outlet's screen and the hub decide with the same rules.
 */

/**
 * off: nothing offline (the default). once: each voucher at most once offline, up to its value.
 * capped: each voucher once, at most `perVoucherCents` of it, and at most `totalCents` over all
 * vouchers in any 24 hours offline (in `currency`; a voucher in another currency is refused offline).
 */
export type OfflineRisk = { mode: 'off' } | { mode: 'once' } | { mode: 'capped'; currency: string; perVoucherCents: number; totalCents: number };

/** One setting of an outlet's risk: kept as a short history, since a queue may arrive after a change. */
export interface OfflineRiskSetting {
  risk: OfflineRisk;
  since: string;
  by: string;
}

/** How many settings an outlet keeps: enough to judge any queue still likely to arrive. */
export const OFFLINE_RISK_HISTORY = 10;

/** The window of the total cap. */
export const OFFLINE_TOTAL_WINDOW_MS = 24 * 3600_000;

/**
 * An outlet offline cannot hear that its risk changed: a setting still counts for redemptions made
 * up to this long after it was replaced. A duty manager who must stop an outlet at once revokes it.
 */
export const OFFLINE_RISK_GRACE_MS = 12 * 3600_000;

/** The clock of an offline outlet may run ahead of the hub's by this much. */
export const OFFLINE_CLOCK_SKEW_MS = 2 * 60_000;

export const NO_OFFLINE: OfflineRisk = { mode: 'off' };

/** The setting in force at `atIso` (off before the first one). */
export function offlineRiskAt(outlet: Pick<Outlet, 'offlineRisk'>, atIso: string): OfflineRisk {
  const at = Date.parse(atIso);
  let found: OfflineRisk = NO_OFFLINE;
  for (const s of outlet.offlineRisk ?? []) if (Date.parse(s.since) <= at) found = s.risk;
  return found;
}

/** The outlet's current setting. */
export function currentOfflineRisk(outlet: Pick<Outlet, 'offlineRisk'>): OfflineRisk {
  return outlet.offlineRisk?.at(-1)?.risk ?? NO_OFFLINE;
}

/** Every setting an outlet offline at `atIso` may still have been following (see OFFLINE_RISK_GRACE_MS). */
export function offlineRisksCountingAt(outlet: Pick<Outlet, 'offlineRisk'>, atIso: string): OfflineRisk[] {
  const at = Date.parse(atIso);
  const settings = outlet.offlineRisk ?? [];
  const counting: OfflineRisk[] = [];
  settings.forEach((s, i) => {
    const replaced = settings[i + 1]?.since;
    if (Date.parse(s.since) > at) return;
    if (replaced !== undefined && Date.parse(replaced) + OFFLINE_RISK_GRACE_MS < at) return;
    counting.push(s.risk);
  });
  return counting.length ? counting : [NO_OFFLINE];
}

/** What an outlet already spent offline, as far as the limits go. */
export interface OfflineSpend {
  voucherId: string;
  amountCents: number;
  currency: string;
  at: string;
}

/** Why this offline spend breaks `risk`, or null: the same words on the outlet's screen and in the hub's refusal. */
export function offlineRiskProblem(
  risk: OfflineRisk,
  spend: OfflineSpend,
  voucher: Pick<Voucher, 'code' | 'amountCents' | 'currency'>,
  earlier: readonly OfflineSpend[],
): string | null {
  if (risk.mode === 'off') return 'this outlet may not take vouchers offline: a duty manager sets that on the Outlets tab';
  if (spend.amountCents > voucher.amountCents) return `more than the value of voucher ${voucher.code}`;
  if (earlier.some((e) => e.voucherId === spend.voucherId))
    return `voucher ${voucher.code} was already taken offline here: once per voucher until the hub is back`;
  if (risk.mode === 'once') return null;
  if (spend.currency !== risk.currency) return `offline this outlet takes only ${risk.currency} vouchers`;
  if (spend.amountCents > risk.perVoucherCents) return `above the offline limit of ${centsText(risk.perVoucherCents, risk.currency)} a voucher`;
  const at = Date.parse(spend.at);
  const window = earlier
    .filter((e) => e.currency === risk.currency && Date.parse(e.at) > at - OFFLINE_TOTAL_WINDOW_MS && Date.parse(e.at) <= at)
    .reduce((sum, e) => sum + e.amountCents, 0);
  if (window + spend.amountCents > risk.totalCents) {
    return `above the offline limit of ${centsText(risk.totalCents, risk.currency)} in all (${centsText(Math.max(0, risk.totalCents - window), risk.currency)} left)`;
  }
  return null;
}

function centsText(minor: number, currency: string): string {
  return moneyText({ minor, currency });
}

/**
 * What this outlet spent offline, from the vouchers' receipts: what the hub checks a new offline spend
 * against (in no particular order). Read from the vouchers it took offline (core/voucher-index.ts), not every voucher.
 */
export function offlineSpendsOf(vouchers: Record<string, Voucher>, outletId: string): OfflineSpend[] {
  return vouchersTakenOfflineAt(vouchers, outletId).flatMap((v) => offlineSpendsOfVoucher(v, outletId));
}

/** What this outlet spent of `v` offline, from its receipts. */
export function offlineSpendsOfVoucher(v: Voucher, outletId: string): OfflineSpend[] {
  const spends: OfflineSpend[] = [];
  for (const r of v.redemptions ?? []) {
    if (r.outletId === outletId && r.offline) spends.push({ voucherId: v.id, amountCents: r.amountCents, currency: v.currency, at: r.at });
  }
  return spends;
}

/**
 * The earlier spends `offlineRiskProblem` needs to judge a spend of `v` under `risks`: only a total cap
 * looks at the outlet's other vouchers; "once per voucher" needs only this voucher's receipts, so an
 * outlet that took thousands of vouchers offline does not read them all for each new receipt.
 */
export function offlineSpendsToJudge(vouchers: Record<string, Voucher>, outletId: string, v: Voucher, risks: readonly OfflineRisk[]): OfflineSpend[] {
  return risks.some((r) => r.mode === 'capped') ? offlineSpendsOf(vouchers, outletId) : offlineSpendsOfVoucher(v, outletId);
}
