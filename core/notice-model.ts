import { z } from 'zod';
import { GateId, Language } from './enums.ts';

/* The notice schemas, apart from notices.ts (which reads the hub state) so model.ts can name Notice without a cycle. */

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
