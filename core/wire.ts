import type { HubState } from './model.ts';
import type { PhoneTicket } from './phone-view.ts';
import type { LogEntry } from './ops.ts';
import type { RejectCode } from './outcome.ts';

/** Acknowledgement of one submitted operation; a duplicate gets the original answer. */
export type Ack = { v: 1; opId: string; ok: true; seq: number } | { v: 1; opId: string; ok: false; code: RejectCode; reason: string };

/**
 * Answer to "everything after seq N": entries when close, a snapshot when too far behind. Entries come
 * in pages: `more` says the hub holds more after `upTo`, and the device pulls again from there.
 */
export type PullResult =
  { v: 1; kind: 'entries'; entries: LogEntry[]; upTo: number; more?: true } | { v: 1; kind: 'snapshot'; state: HubState; upTo: number };

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
  /** A kiosk asks for the phone link of a ticket it made: see server/phone-sockets.ts. */
  phoneLink: 'phone.link',
} as const;

/** The phone's own socket.io namespace: a ticket's link is its only credential. */
export const PHONE_NAMESPACE = '/phone';
export const PHONE_EVENTS = {
  /** Hub → phone: the ticket as it is now, on connect and after every change that concerns it. */
  ticket: 'ticket',
  /** Hub → phone: this link no longer opens the ticket (revoked or purged); the socket closes. */
  closed: 'closed',
  /** Phone → hub, with ack: a message to the staff. */
  write: 'write',
  /** Phone → hub, with ack: a word for the team after delivery. */
  thanks: 'thanks',
  /** Phone → hub, with ack: a Web Push subscription (PushSubscription.toJSON()) for this ticket. */
  push: 'push',
  /** Phone → hub, with ack: a new request at the passenger's gate ({ needs, party, note }). */
  ask: 'ask',
} as const;

/** Why a phone link stopped working, worded by the phone app. */
export type PhoneClosedReason = 'revoked' | 'purged' | 'unknown';

/** Answer to a kiosk's phone.link: the link's path with its capability, and its QR code as an SVG. */
export type PhoneLinkAnswer = { v: 1; ok: true; url: string; qrSvg: string } | { v: 1; ok: false; reason: string };

/** The ticket as pushed to the phone: its view, with each voucher's QR code (SVG) by code. */
export type PhoneTicketMessage = PhoneTicket & {
  voucherQr: Record<string, string>;
  /** The hub's VAPID public key, for the phone's push subscription. */
  pushKey?: string;
};

/** Answer to a phone's write. */
export type PhoneWriteAnswer = { v: 1; ok: true } | { v: 1; ok: false; reason: string };

/** Live push to a device: `after` is the seq it was last sent up to, so it can tell a gap. */
export interface EntriesMessage {
  v: 1;
  after: number;
  entries: LogEntry[];
  upTo: number;
}
