import type { HubState, StaffMember } from './model.ts';
import type { Voucher } from './voucher-model.ts';

/** What a kiosk gets in place of text it must not show: the field is kept so the reducer still runs. */
export const KIOSK_BLANK = '';

/**
 * A kiosk is a public screen in a crowd. Its copy of the state keeps only what its screens show
 * plus what the shared reducer needs to replay the operations it receives: staff keep their first
 * name (the kiosk says "on the way — Amira"), role and gates (the reducer checks who may act where);
 * surnames, the duty manager's decision notes and the log of rule changes stay on staff devices.
 */
export function kioskStaff(s: StaffMember): StaffMember {
  return { ...s, lastName: KIOSK_BLANK };
}

/** views.ts already blanks escalation notes and decline reasons; the approval note goes too. */
function kioskVoucher(v: Voucher): Voucher {
  const { decisionNote: _decision, ...kept } = v;
  return kept;
}

/** The state a kiosk holds, from a view already limited to its own requests, notices and vouchers. */
export function kioskState(view: HubState): HubState {
  const staff: HubState['staff'] = {};
  for (const s of Object.values(view.staff)) staff[s.id] = kioskStaff(s);
  const vouchers: HubState['vouchers'] = {};
  for (const v of Object.values(view.vouchers)) vouchers[v.id] = kioskVoucher(v);
  // Passenger lists name everyone on a flight: never on a public screen.
  const { passengerLists: _lists, ...rest } = view;
  return { ...rest, staff, vouchers, policyLog: [] };
}
