import type { HubState } from './model.ts';
import type { Voucher } from './voucher-model.ts';
import type { Policy } from './policy-model.ts';
import type { StockItem } from './enums.ts';
import { STOCK_ITEMS } from './values.ts';

/**
 * A kiosk is a public screen in a crowd. Its copy of the state keeps only what its screens show:
 * its own requests (status, the agent's first name, vouchers, rooms), flights, airlines' care rules,
 * hotels and shuttles, revealed notices, gates and stock. No staff (names, roles, gates), no policy
 * (limits and budgets), no log of rule changes, no outlets, no passenger lists. It can do without
 * them because it never replays staff work: the hub sends it the records instead (`kiosk.view`,
 * see `entryForViewer` in views.ts).
 */
const NO_LIMIT = { capPerPassengerCents: 0, budgetPerShiftCents: 0 };

/**
 * The state type requires a policy; a kiosk gets one that says nothing: the currency (public on
 * every voucher) and zeros, never the real caps, budgets, thresholds or who set them.
 */
export function kioskPolicy(p: Policy): Policy {
  const lowStock = Object.fromEntries(STOCK_ITEMS.map((item) => [item, 0])) as Record<StockItem, number>;
  return { currency: p.currency, shiftHours: 1, limits: { agent: NO_LIMIT, duty_manager: NO_LIMIT }, lowStock, updatedAt: null, updatedBy: null };
}

/** views.ts already blanks escalation notes and decline reasons; the approval note goes too. */
export function kioskVoucher(v: Voucher): Voucher {
  const { decisionNote: _decision, ...kept } = v;
  return kept;
}

/** The state a kiosk holds, from a view already limited to its own requests, notices and vouchers. */
export function kioskState(view: HubState): HubState {
  const vouchers: HubState['vouchers'] = {};
  for (const v of Object.values(view.vouchers)) vouchers[v.id] = kioskVoucher(v);
  // Passenger lists name everyone on a flight; outlets and their conflicts are for staff and the outlets themselves.
  const { passengerLists: _lists, outlets: _outlets, redemptionConflicts: _conflicts, ...rest } = view;
  return { ...rest, staff: {}, vouchers, policy: kioskPolicy(view.policy), policyLog: [] };
}
