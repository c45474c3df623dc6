import { ROLES, STOCK_ITEMS, type Role } from './values.ts';
import type { Policy, PolicyChange, PolicyRules } from './policy-model.ts';

export type { PolicyChange } from './policy-model.ts';
import type { HubState } from './model.ts';
import type { Actor } from './ops.ts';
import { moneyText } from './money.ts';

const ROLE_LABEL: Record<Role, string> = { agent: 'agent', duty_manager: 'duty manager' };

function money(minor: number, currency: string): string {
  return moneyText({ minor, currency });
}

/** The differences between two policies, one sentence each ("agent cap per passenger: 100.00 EUR → 120.00 EUR"). */
export function describePolicyChange(before: PolicyRules, after: PolicyRules): string[] {
  const out: string[] = [];
  if (before.currency !== after.currency) out.push(`currency: ${before.currency} → ${after.currency}`);
  if (before.shiftHours !== after.shiftHours) out.push(`shift length: ${before.shiftHours} h → ${after.shiftHours} h`);
  for (const role of ROLES) {
    const b = before.limits[role];
    const a = after.limits[role];
    if (b.capPerPassengerCents !== a.capPerPassengerCents) {
      out.push(
        `${ROLE_LABEL[role]} cap per passenger: ${money(b.capPerPassengerCents, before.currency)} → ${money(a.capPerPassengerCents, after.currency)}`,
      );
    }
    if (b.budgetPerShiftCents !== a.budgetPerShiftCents) {
      out.push(
        `${ROLE_LABEL[role]} budget per shift: ${money(b.budgetPerShiftCents, before.currency)} → ${money(a.budgetPerShiftCents, after.currency)}`,
      );
    }
  }
  for (const item of STOCK_ITEMS) {
    if (before.lowStock[item] !== after.lowStock[item]) out.push(`low-stock alert for ${item}: ${before.lowStock[item]} → ${after.lowStock[item]}`);
  }
  return out.length ? out : ['no change (saved again)'];
}

export function policyRules(p: Policy): PolicyRules {
  const { updatedAt: _a, updatedBy: _b, ...rules } = p;
  return rules;
}

/** Who made a change, as the log names them: a staff member by name, else the hub (its `by` says which part). */
function changedBy(state: HubState, actor: Actor): string {
  const member = state.staff[actor.id];
  if (member) return `${member.firstName} ${member.lastName}`;
  return actor.kind === 'system' ? 'GateCare' : actor.id;
}

/** The rules log with one more change at its end: when, who, what moved, and which airline if any. */
export function logRuleChange(state: HubState, actor: Actor, when: { at: string; seq: number }, changes: string[], airline?: string): PolicyChange[] {
  const entry: PolicyChange = { at: when.at, seq: when.seq, by: actor.id, byName: changedBy(state, actor), changes, ...(airline ? { airline } : {}) };
  // A device's saved state from before the log existed has none.
  return [...(state.policyLog ?? []), entry];
}
