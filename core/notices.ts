import { z } from 'zod';
import { GateId, Language, type GateId as Gate, type HubState } from './model.ts';

/** Staff read a notice this long before kiosks show it, unless the duty manager says otherwise. */
export const DEFAULT_NOTICE_LEAD_SECONDS = 120;
export const MAX_NOTICE_LEAD_SECONDS = 900;

export const NoticeText = z
  .object({
    known: z.string().trim().min(1, '"what we know" is required').max(600, '"what we know" is at most 600 characters'),
    unknown: z.string().trim().max(600, '"what we don\'t know yet" is at most 600 characters').default(''),
  })
  .strict();
export type NoticeText = z.infer<typeof NoticeText>;

export const NoticeTexts = z
  .partialRecord(Language, NoticeText)
  .refine((t) => Object.keys(t).length > 0, 'write the notice in at least one language');
export type NoticeTexts = z.infer<typeof NoticeTexts>;

export const NoticeScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flight'), flightId: z.string().min(3).max(40) }).strict(),
  z.object({ kind: z.literal('gates'), gates: z.array(GateId).min(1, 'choose at least one gate').max(100) }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);
export type NoticeScope = z.infer<typeof NoticeScope>;

export const PublishNoticePayload = z
  .object({
    noticeId: z.uuid({ message: 'must be a UUID' }),
    scope: NoticeScope,
    texts: NoticeTexts,
    /** When passengers will hear more; null when no update is planned. */
    nextUpdateAt: z.iso.datetime({ message: 'next update must be an ISO date-time' }).nullable(),
    leadSeconds: z.number().int().min(0).max(MAX_NOTICE_LEAD_SECONDS).default(DEFAULT_NOTICE_LEAD_SECONDS),
    /** The earlier notice this one corrects or updates; it stays in the history. */
    replaces: z.uuid().nullable().default(null),
  })
  .strict();
export type PublishNoticePayload = z.infer<typeof PublishNoticePayload>;

/** A notice as kept in the state and in the history. */
export const Notice = z
  .object({
    id: z.uuid(),
    scope: NoticeScope,
    texts: NoticeTexts,
    nextUpdateAt: z.iso.datetime().nullable(),
    leadSeconds: z.number().int().min(0).max(MAX_NOTICE_LEAD_SECONDS),
    replaces: z.uuid().nullable(),
    publishedAt: z.iso.datetime(),
    publishedBy: z.string().min(1).max(64),
    publishedByName: z.string().max(80),
    /** When kiosks may show it: publishedAt + lead. */
    revealAt: z.iso.datetime(),
    /** When the hub actually revealed it to kiosks; null while only staff can see it. */
    revealedAt: z.iso.datetime().nullable(),
  })
  .strict();
export type Notice = z.infer<typeof Notice>;

/** What the hub sends kiosks once the lead is over: the whole notice, since they never saw it before. */
export const RevealNoticePayload = z.object({ notice: Notice }).strict();

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
