import type { GateId, HubState } from './model.ts';
import { currentNotices, noticeCoversGate, noticeHistory } from './notices.ts';
import type { Notice } from './notice-model.ts';

function coversAny(state: HubState, n: Notice, gates: readonly GateId[]): boolean {
  return gates.some((g) => noticeCoversGate(state, n, g));
}

/** The notices in force at any of these gates, newest first: what an agent must know before passengers ask. */
export function noticesForStaffGates(state: HubState, gates: readonly GateId[]): Notice[] {
  return currentNotices(state).filter((n) => coversAny(state, n, gates));
}

/** Every notice ever published for these gates (replaced ones included), newest first. */
export function noticeHistoryForGates(state: HubState, gates: readonly GateId[]): Notice[] {
  return noticeHistory(state).filter((n) => coversAny(state, n, gates));
}

/** Where a notice stands with the kiosks: still staff-only (until when), going out now, or shown since when. */
export type KioskReveal = { kind: 'staff_only'; at: string } | { kind: 'due' } | { kind: 'shown'; since: string };

export function kioskReveal(n: Notice, nowIso: string): KioskReveal {
  if (n.revealedAt !== null) return { kind: 'shown', since: n.revealedAt };
  return Date.parse(n.revealAt) > Date.parse(nowIso) ? { kind: 'staff_only', at: n.revealAt } : { kind: 'due' };
}
