import { io, type Socket } from 'socket.io-client';
import {
  EVENTS,
  PHONE_EVENTS,
  PHONE_NAMESPACE,
  type PhoneClosedReason,
  type PhoneLinkAnswer,
  type PhoneTicketMessage as PhoneTicket,
  type PhoneWriteAnswer,
  type TicketQuery,
} from '../../core/index.ts';
import type { TestDevice } from './socket-clients.ts';

/** A passenger's phone on the hub's /phone namespace, recording every view and closing it receives. */
export interface TestPhone {
  socket: Socket;
  views: PhoneTicket[];
  closed: { closed: PhoneClosedReason; reason: string }[];
  latest(): PhoneTicket | undefined;
  write(text: unknown): Promise<PhoneWriteAnswer>;
  /** A word for the team after delivery. */
  thank(text: unknown): Promise<PhoneWriteAnswer>;
  /** A new request at the ticket's gate: { needs, party, note } (anything else is sent as is, to test refusals). */
  ask(choices: unknown): Promise<PhoneWriteAnswer>;
  close(): void;
}

/** The capability a phone link carries (after the #). */
export function capabilityOf(url: string): string {
  return url.slice(url.indexOf('#') + 1);
}

export async function askPhoneLink(kiosk: TestDevice, query: TicketQuery, origin = 'http://gate.example:8080'): Promise<PhoneLinkAnswer> {
  return (await kiosk.socket.timeout(5000).emitWithAck(EVENTS.phoneLink, { query, origin })) as PhoneLinkAnswer;
}

/** Connects, or rejects with the hub's reason (and the closed kind in `data`). */
export function connectPhone(url: string, capability: unknown): Promise<TestPhone> {
  const socket = io(`${url}${PHONE_NAMESPACE}`, { auth: { capability }, transports: ['websocket'], reconnection: false, forceNew: true });
  const phone: TestPhone = {
    socket,
    views: [],
    closed: [],
    latest: () => phone.views[phone.views.length - 1],
    write: async (text) => (await socket.timeout(5000).emitWithAck(PHONE_EVENTS.write, { text })) as PhoneWriteAnswer,
    thank: async (text) => (await socket.timeout(5000).emitWithAck(PHONE_EVENTS.thanks, { text })) as PhoneWriteAnswer,
    ask: async (choices) => (await socket.timeout(5000).emitWithAck(PHONE_EVENTS.ask, choices)) as PhoneWriteAnswer,
    close: () => void socket.close(),
  };
  socket.on(PHONE_EVENTS.ticket, (v: PhoneTicket) => phone.views.push(v));
  socket.on(PHONE_EVENTS.closed, (c: { closed: PhoneClosedReason; reason: string }) => phone.closed.push(c));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(phone));
    socket.once('connect_error', (e: Error & { data?: unknown }) => {
      socket.close();
      reject(e);
    });
  });
}
