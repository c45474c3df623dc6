import type { HubState } from './model.ts';
import type { LogEntry } from './ops.ts';
import type { RejectCode } from './outcome.ts';

/** Acknowledgement of one submitted operation; a duplicate gets the original answer. */
export type Ack =
  | { v: 1; opId: string; ok: true; seq: number }
  | { v: 1; opId: string; ok: false; code: RejectCode; reason: string };

/** Answer to "everything after seq N": entries when close, a snapshot when too far behind. */
export type PullResult =
  | { v: 1; kind: 'entries'; entries: LogEntry[]; upTo: number }
  | { v: 1; kind: 'snapshot'; state: HubState; upTo: number };

/**
 * Why the hub refused a device's connection, sent as the refusal's `data.code` so devices decide
 * what to show from the code; the English message is for people reading logs.
 */
export type AuthRefusalCode = 'session_expired' | 'not_enrolled' | 'refused';

/** Socket event names, in one place so hub and devices cannot drift. */
export const EVENTS = {
  submit: 'op',
  pull: 'pull',
  entries: 'entries',
  /** A returning passenger's ticket status, by number or by pass: see public-ticket.ts. */
  ticketLookup: 'ticket.lookup',
} as const;

/** Live push to a device: `after` is the seq it was last sent up to, so it can tell a gap. */
export interface EntriesMessage {
  v: 1;
  after: number;
  entries: LogEntry[];
  upTo: number;
}
