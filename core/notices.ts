import type { GateId as Gate, HubState, Language } from './model.ts';
import type { Notice, NoticeText } from './notice-model.ts';

/**
 * Staff see a notice as soon as it is published; kiosks only once its lead is over,
 * so agents can read it before passengers come to ask. The hub's clock decides:
 * when this turns true it submits notice.reveal, which is what kiosks receive.
 */
export function noticeRevealDue(notice: Notice, nowIso: string): boolean {
  return Date.parse(notice.revealAt) <= Date.parse(nowIso);
}

export function revealAtFor(publishedAt: string, leadSeconds: number): string {
  return new Date(Date.parse(publishedAt) + leadSeconds * 1000).toISOString();
}

function replacedIds(notices: readonly Notice[]): Set<string> {
  return new Set(notices.map((n) => n.replaces).filter((id): id is string => id !== null));
}

/**
 * Notices whose lead is over and that kiosks have not been shown yet.
 * A notice replaced before its reveal is skipped: kiosks get its successor instead.
 */
export function noticesDueForReveal(state: HubState, nowIso: string): Notice[] {
  const all = Object.values(state.notices);
  const replaced = replacedIds(all);
  return all
    .filter((n) => n.revealedAt === null && !replaced.has(n.id) && noticeRevealDue(n, nowIso))
    .sort((a, b) => a.revealAt.localeCompare(b.revealAt));
}

/** When the next reveal falls due, or null when nothing waits. */
export function nextRevealAt(state: HubState): string | null {
  const all = Object.values(state.notices);
  const replaced = replacedIds(all);
  let next: string | null = null;
  for (const n of all) {
    if (n.revealedAt !== null || replaced.has(n.id)) continue;
    if (next === null || n.revealAt < next) next = n.revealAt;
  }
  return next;
}

/** Whether a notice concerns the passengers at this gate (a flight notice follows the flight's current gate). */
export function noticeCoversGate(state: HubState, notice: Notice, gate: Gate): boolean {
  switch (notice.scope.kind) {
    case 'all':
      return true;
    case 'gates':
      return notice.scope.gates.includes(gate);
    case 'flight':
      return state.flights[notice.scope.flightId]?.gate === gate;
  }
}

/** The notices in force (not replaced by a later one this state holds), newest first. */
export function currentNotices(state: HubState): Notice[] {
  const all = Object.values(state.notices);
  const replaced = replacedIds(all);
  return all.filter((n) => !replaced.has(n.id)).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** What a kiosk at this gate shows: current notices for the gate that kiosks may see. */
export function noticesForGate(state: HubState, gate: Gate): Notice[] {
  return currentNotices(state).filter((n) => n.revealedAt !== null && noticeCoversGate(state, n, gate));
}

/** Every notice ever published, newest first, for the history. */
export function noticeHistory(state: HubState): Notice[] {
  return Object.values(state.notices).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** The text in the passenger's language, else English, else the first language written. */
export function noticeText(notice: Notice, language: Language): { language: Language; text: NoticeText } {
  const own = notice.texts[language];
  if (own) return { language, text: own };
  const en = notice.texts.en;
  if (en) return { language: 'en', text: en };
  const [first] = Object.entries(notice.texts) as [Language, NoticeText][];
  return { language: first![0], text: first![1] };
}
