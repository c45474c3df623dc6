import type { Namespace, Server, Socket } from 'socket.io';
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { cachedQrSvg, qrSvg } from './qr-svg.ts';
import { z } from 'zod';
import {
  EVENTS,
  PHONE_EVENTS,
  PHONE_NAMESPACE,
  TicketQuery,
  ThreadPayload,
  ThanksPayload,
  PhoneAskChoices,
  describeZodError,
  makeOp,
  matchRequests,
  phoneTicketView,
  requestScope,
  type CareRequest,
  type HubState,
  type OpBody,
  type LogEntry,
  type PhoneClosedReason,
  type PhoneLinkAnswer,
  type PhoneWriteAnswer,
  type PhoneTicketMessage,
} from '../core/index.ts';
import type { Hub, Identity } from './hub.ts';
import { DeviceRateLimiter } from './device-rate-limit.ts';
import type { PhoneCapabilities } from './phone-capability.ts';
import { PushSubscriptionInput, type PushSubscriptions } from './push-subscriptions.ts';
import { pushEndpointAllowed } from './phone-push.ts';
import type { IncomingMessage } from 'node:http';
import { isoNow, type Clock } from './clock.ts';

/** How much one phone link, or one address, may ask: plenty for a person, little for a script. */
export interface PhoneLimits {
  /** Connections (page opens, reconnects) per address: sustained per second, burst. */
  connectsPerSecond: number;
  connectsBurst: number;
  /** Messages written per capability and per address. */
  writesPerMinute: number;
  writesBurst: number;
  /** New requests asked from a phone, per capability and per address. */
  asksPerMinute: number;
  asksBurst: number;
  /** Phone links a kiosk may ask for. */
  linksPerMinute: number;
  linksBurst: number;
}

export const DEFAULT_PHONE_LIMITS: PhoneLimits = {
  connectsPerSecond: 1,
  connectsBurst: 30,
  writesPerMinute: 6,
  writesBurst: 5,
  asksPerMinute: 0.2,
  asksBurst: 3,
  linksPerMinute: 30,
  linksBurst: 30,
};

interface PhoneSocketData {
  capability: string;
  requestId: string;
  address: string;
  /** The last view sent, to send only changes. */
  lastSent: string;
}

interface PhoneServerToClient {
  ticket: (view: PhoneTicketMessage) => void;
  closed: (msg: { v: 1; closed: PhoneClosedReason; reason: string }) => void;
}
type PhoneSocket = Socket<Record<string, never>, PhoneServerToClient, Record<string, never>, PhoneSocketData>;

export interface PhoneDeps {
  hub: Hub;
  capabilities: PhoneCapabilities;
  limits: PhoneLimits;
  now: Clock;
  /** Web Push: where subscriptions go, and the key phones subscribe with. */
  push: { subscriptions: PushSubscriptions; publicKey: string; allowHttp: boolean };
  /** Public address phones use (e.g. https://care.example-airport.com), when kiosks reach the hub another way. */
  publicUrl: string | null;
  /** The client's address for per-address limits (behind a trusted balancer, the forwarded one). */
  addressOf?: (req: IncomingMessage) => string;
}

const LinkArgs = z.object({ query: TicketQuery, origin: z.string().max(200) });

/** Where the phone app lives; the capability goes in the fragment so no server log ever sees it. */
export function phoneUrl(base: string, capability: string): string {
  return `${base.replace(/\/+$/, '')}/p/#${capability}`;
}

/**
 * A message the phone sends again (its answer was lost, or the disk was full and the hub kept it
 * to write later) must not appear twice: the phone names each message, and the operation's id is
 * derived from that name within this ticket, so a resend is the same operation, which the hub
 * answers once. Within the ticket only, so no phone can collide with another's operations.
 */
function messageOpId(requestId: string, args: unknown): string {
  const name = typeof args === 'object' && args !== null ? (args as { id?: unknown }).id : undefined;
  if (typeof name !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(name)) return uuidv7();
  const h = createHash('sha256').update(`phone-message:${requestId}:${name}`).digest('hex');
  // RFC 9562 version 8 (custom) layout.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function textOf(args: unknown): unknown {
  return typeof args === 'object' && args !== null ? (args as { text?: unknown }).text : undefined;
}

function originOf(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The passenger's phone: its own namespace, where the ticket's link is the only credential.
 * The hub pushes the ticket's phone view (core/phone-view.ts) on connect, which is the catch-up
 * after any time offline, and after every commit that may change it; a revoked or purged link
 * is told so and disconnected at once.
 */
export function attachPhoneSockets(io: Server, deps: PhoneDeps): Namespace {
  const { hub, capabilities, limits, now } = deps;
  const nsp = io.of(PHONE_NAMESPACE);
  const connects = new DeviceRateLimiter(limits.connectsPerSecond, limits.connectsBurst, now);
  const writes = new DeviceRateLimiter(limits.writesPerMinute / 60, limits.writesBurst, now);
  const asks = new DeviceRateLimiter(limits.asksPerMinute / 60, limits.asksBurst, now);
  const links = new DeviceRateLimiter(limits.linksPerMinute / 60, limits.linksBurst, now);

  nsp.use((socket, next) => {
    const address = deps.addressOf?.(socket.request) ?? socket.handshake.address;
    const wait = connects.take(`addr:${address}`);
    if (wait > 0) return next(new Error(`too many connections from this address: try again in ${Math.ceil(wait / 1000)} s`));
    const capability = (socket.handshake.auth as { capability?: unknown }).capability;
    const opened = capabilities.open(hub.current, capability);
    if (!opened.ok) {
      const err = new Error(opened.reason) as Error & { data: { closed: PhoneClosedReason } };
      err.data = { closed: opened.closed };
      return next(err);
    }
    const data = socket.data as PhoneSocketData;
    data.capability = capability as string;
    data.requestId = opened.request.id;
    data.address = address;
    data.lastSent = '';
    next();
  });

  nsp.on('connection', (raw) => {
    const socket = raw as unknown as PhoneSocket;
    void socket.join(`phone:${socket.data.requestId}`);
    sendView(socket, hub.current);

    socket.on(PHONE_EVENTS.write, (args: unknown, ack: unknown) => {
      withOpenLink(socket, ack, writes, 'too many messages', (request, answer) => {
        const payload = ThreadPayload.safeParse({ requestId: request.id, text: textOf(args) });
        if (!payload.success) return answer({ v: 1, ok: false, reason: describeZodError(payload.error).replace(/^text: /, '') });
        submit({ type: 'thread.passenger', payload: payload.data }, answer, messageOpId(request.id, args));
      });
    });

    socket.on(PHONE_EVENTS.thanks, (args: unknown, ack: unknown) => {
      withOpenLink(socket, ack, writes, 'too many messages', (request, answer) => {
        const payload = ThanksPayload.safeParse({ requestId: request.id, text: textOf(args) });
        if (!payload.success) return answer({ v: 1, ok: false, reason: describeZodError(payload.error).replace(/^text: /, '') });
        submit({ type: 'thanks.leave', payload: payload.data }, answer);
      });
    });

    socket.on(PHONE_EVENTS.ask, (args: unknown, ack: unknown) => {
      withOpenLink(socket, ack, asks, 'too many requests from this phone', (request, answer) => {
        const choices = PhoneAskChoices.safeParse(args);
        if (!choices.success) return answer({ v: 1, ok: false, reason: describeZodError(choices.error) });
        // Everything but the choices comes from the ticket the link opens: the phone cannot name
        // another gate, flight or passenger. The flight may have moved: the passenger is at its gate now.
        const state = hub.current;
        const gate = state.flights[request.flightId]?.gate ?? request.gate;
        submit(
          {
            type: 'phone.ask',
            payload: {
              requestId: uuidv7(),
              fromRequestId: request.id,
              gate,
              flightNumber: request.flightNumber,
              surname: request.surname,
              language: request.language,
              unaccompaniedMinor: request.unaccompaniedMinor,
              ...choices.data,
            },
          },
          answer,
        );
      });
    });
  });

  /** Notifications where the phone allows them: the subscription is bound to this link's generation. */
  nsp.on('connection', (raw) => {
    const socket = raw as unknown as PhoneSocket;
    socket.on(PHONE_EVENTS.push, (args: unknown, ack: unknown) => {
      withOpenLink(socket, ack, writes, 'too many messages', (request, answer) => {
        const sub = PushSubscriptionInput.safeParse(args);
        if (!sub.success) return answer({ v: 1, ok: false, reason: `not a push subscription: ${describeZodError(sub.error)}` });
        if (!pushEndpointAllowed(sub.data.endpoint, deps.push.allowHttp))
          return answer({ v: 1, ok: false, reason: 'a push endpoint must be an https address' });
        void deps.push.subscriptions
          .add(request.id, request.phoneGeneration ?? 0, sub.data)
          .then(() => answer({ v: 1, ok: true }))
          .catch(() => answer({ v: 1, ok: false, reason: 'storage' }));
      });
    });
  });

  /** Checks the link is still open and the rate limits of its capability and address, then runs `act`. */
  function withOpenLink(
    socket: PhoneSocket,
    ack: unknown,
    limiter: DeviceRateLimiter,
    tooMany: string,
    act: (request: CareRequest, answer: (a: PhoneWriteAnswer) => void) => void,
  ): void {
    if (typeof ack !== 'function') return;
    const answer = (a: PhoneWriteAnswer): void => ack(a);
    const opened = capabilities.open(hub.current, socket.data.capability);
    if (!opened.ok) return answer({ v: 1, ok: false, reason: opened.reason });
    const wait = Math.max(limiter.take(`cap:${socket.data.capability}`), limiter.take(`addr:${socket.data.address}`));
    if (wait > 0) return answer({ v: 1, ok: false, reason: `${tooMany}: please wait ${Math.ceil(wait / 1000)} s` });
    act(opened.request, answer);
  }

  /** The hub submits on the link's behalf: the link never enters the log, so the operation names no device. */
  function submit(
    body: Extract<OpBody, { type: 'thread.passenger' | 'thanks.leave' | 'phone.ask' }>,
    answer: (a: PhoneWriteAnswer) => void,
    id: string = uuidv7(),
  ): void {
    const op = makeOp({ actor: { kind: 'system', id: 'phone' }, device: 'phone', at: isoNow(now) }, body, id);
    void hub.submit(op, { kind: 'system' }).then((ack) => answer(ack.ok ? { v: 1, ok: true } : { v: 1, ok: false, reason: ack.reason }));
  }

  // Kiosks ask for a ticket's phone link on their ordinary socket.
  io.on('connection', (socket) => {
    socket.on(EVENTS.phoneLink, (args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      ack(phoneLink(socket.data as { identity?: Identity; expiresAt?: number }, args));
    });
  });

  function phoneLink(data: { identity?: Identity; expiresAt?: number }, args: unknown): PhoneLinkAnswer {
    const who = data.identity;
    if (who?.kind !== 'kiosk') return { v: 1, ok: false, reason: 'only a kiosk gives out phone links' };
    if ((data.expiresAt ?? 0) <= now()) return { v: 1, ok: false, reason: 'this kiosk is no longer enrolled' };
    const wait = links.take(`kiosk:${who.device}`);
    if (wait > 0) return { v: 1, ok: false, reason: `too many phone links from this kiosk: try again in ${Math.ceil(wait / 1000)} s` };
    const parsed = LinkArgs.safeParse(args);
    if (!parsed.success) return { v: 1, ok: false, reason: `ask for a link with { query, origin }: ${describeZodError(parsed.error)}` };
    const base = deps.publicUrl ?? originOf(parsed.data.origin);
    if (!base) return { v: 1, ok: false, reason: 'origin must be an http or https address' };
    const { query } = parsed.data;
    // A ticket number is short and a flight with a surname is printed on any pass: neither may turn
    // into a link that reads the passenger's thread, except on the kiosk where they asked.
    const found = matchRequests(hub.current, query, isoNow(now)).filter((r) => r.device === who.device);
    const request = found[0];
    if (!request) return { v: 1, ok: false, reason: 'no ticket of this kiosk matches' };
    const capability = capabilities.mint(request);
    if (!capability) return { v: 1, ok: false, reason: 'this ticket is closed' };
    const url = phoneUrl(base, capability);
    return { v: 1, ok: true, url, qrSvg: qrSvg(url) };
  }

  function sendView(socket: PhoneSocket, state: HubState): void {
    const opened = capabilities.open(state, socket.data.capability);
    if (!opened.ok) {
      socket.emit(PHONE_EVENTS.closed, { v: 1, closed: opened.closed, reason: opened.reason });
      setTimeout(() => socket.disconnect(true), 50);
      return;
    }
    const view = phoneTicketView(state, opened.request, isoNow(now));
    const json = JSON.stringify(view);
    if (json === socket.data.lastSent) return;
    socket.data.lastSent = json;
    const voucherQr = Object.fromEntries(view.vouchers.flatMap((v) => (v.code ? [[v.code, cachedQrSvg(v.code)]] : [])));
    socket.emit(PHONE_EVENTS.ticket, { ...view, voucherQr, pushKey: deps.push.publicKey });
  }

  hub.on('committed', (entries: LogEntry[], state: HubState) => {
    if (nsp.sockets.size === 0) return;
    // Only gates a batch touched can change a phone's view (its queue, its request), unless an
    // operation concerns no request (flights, notices, policy, purge): then every phone looks again.
    const gates = new Set<string>();
    let everything = false;
    for (const e of entries) {
      const scope = requestScope(state, e);
      if (scope) gates.add(scope.gate);
      else everything = true;
    }
    for (const raw of nsp.sockets.values()) {
      const socket = raw as unknown as PhoneSocket;
      const r = state.requests[socket.data.requestId];
      // Requests asked from the phone may sit at another gate (the flight moved): the phone follows those too.
      const touched = (id: string): boolean => gates.has(state.requests[id]?.gate ?? '');
      if (everything || !r || gates.has(r.gate) || (r.phoneAsks ?? []).some(touched)) sendView(socket, state);
    }
  });
  return nsp;
}
