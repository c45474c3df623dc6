import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { hubsFrom, rotateAcrossHubs } from '../../client/hub-rotation.ts';
import { storedHubUrls } from '../../client/hub-urls.ts';
import { PHONE_EVENTS, PHONE_NAMESPACE, type PhoneClosedReason, type PhoneTicketMessage, type PhoneWriteAnswer } from '../../core/wire.ts';

export type PhoneState =
  | { kind: 'no-link' }
  | { kind: 'connecting'; ticket: PhoneTicketMessage | null }
  | { kind: 'live'; ticket: PhoneTicketMessage }
  | { kind: 'offline'; ticket: PhoneTicketMessage | null }
  | { kind: 'closed'; closed: PhoneClosedReason };

const RETRY_AFTER_REFUSAL_MS = 10_000;

/** The capability travels in the fragment (#…), which browsers never send to a server or its logs. */
export function capabilityFromLocation(): string | null {
  const cap = location.hash.replace(/^#/, '');
  // A tap on a notification opens /p/ without the fragment: the ticket last opened here.
  if (cap === '') return lastCapability();
  try {
    localStorage.setItem(LAST_KEY, cap);
  } catch {
    // Without storage a notification opens the page without its ticket; the link still works.
  }
  return cap;
}

const LAST_KEY = 'gatecare-phone:last';

function lastCapability(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

// The ticket as last seen, so a phone reopened without network shows what it knew.
const storeKey = (cap: string) => `gatecare-phone:${cap}`;

function remembered(cap: string): PhoneTicketMessage | null {
  try {
    const raw = localStorage.getItem(storeKey(cap));
    return raw ? (JSON.parse(raw) as PhoneTicketMessage) : null;
  } catch {
    return null;
  }
}

function remember(cap: string, ticket: PhoneTicketMessage | null): void {
  try {
    if (ticket) localStorage.setItem(storeKey(cap), JSON.stringify(ticket));
    else localStorage.removeItem(storeKey(cap));
  } catch {
    // Private browsing without storage: live updates still work.
  }
}

/**
 * Follows one ticket over the hub's /phone namespace. socket.io reconnects by itself; on every
 * (re)connection the hub sends the ticket as it is now, which is the whole catch-up.
 */
/** What the phone asks of the hub: a message, a word for the team, a new request. */
export type PhoneAction = 'write' | 'thanks' | 'ask' | 'push';
export type PhoneSend = (event: PhoneAction, args: unknown) => Promise<PhoneWriteAnswer>;

export function usePhoneTicket(capability: string | null): { state: PhoneState; send: PhoneSend } {
  const [state, setState] = useState<PhoneState>(() => (capability ? { kind: 'connecting', ticket: remembered(capability) } : { kind: 'no-link' }));
  const socketRef = useRef<Socket | null>(null);

  useEffect(() => {
    if (!capability) return;
    const socket = io(`${location.origin}${PHONE_NAMESPACE}`, { auth: { capability }, transports: ['websocket'] });
    // When this page's node dies, the ticket is followed on another node of the airport (any node can open any link).
    rotateAcrossHubs(socket, () => hubsFrom(location.origin, storedHubUrls()));
    socketRef.current = socket;
    const lastTicket = (s: PhoneState): PhoneTicketMessage | null => ('ticket' in s ? s.ticket : null);
    const close = (closed: PhoneClosedReason) => {
      remember(capability, null);
      try {
        if (localStorage.getItem(LAST_KEY) === capability) localStorage.removeItem(LAST_KEY);
      } catch {
        // Nothing kept, nothing to forget.
      }
      socket.close();
      setState({ kind: 'closed', closed });
    };
    socket.on(PHONE_EVENTS.ticket, (ticket: PhoneTicketMessage) => {
      remember(capability, ticket);
      setState({ kind: 'live', ticket });
    });
    socket.on(PHONE_EVENTS.closed, (m: { closed: PhoneClosedReason }) => close(m.closed));
    socket.on('disconnect', () => setState((s) => (s.kind === 'closed' ? s : { kind: 'offline', ticket: lastTicket(s) })));
    socket.on('connect_error', (err: Error & { data?: { closed?: PhoneClosedReason } }) => {
      // A refusal that names why the link is closed is final; anything else (network, limits) is retried.
      if (err.data?.closed) return close(err.data.closed);
      setState((s) => (s.kind === 'closed' ? s : { kind: 'offline', ticket: lastTicket(s) }));
      // socket.io gives up after a refusal by the hub (too many connections): try again later.
      if (!socket.active) setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
    });
    const online = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      socket.close();
      socketRef.current = null;
    };
  }, [capability]);

  /** One question to the hub with its answer; "offline" when it cannot be asked or answered. */
  const send = useCallback(async (event: PhoneAction, args: unknown): Promise<PhoneWriteAnswer> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { v: 1, ok: false, reason: 'offline' };
    try {
      return (await socket.timeout(10_000).emitWithAck(PHONE_EVENTS[event], args)) as PhoneWriteAnswer;
    } catch {
      return { v: 1, ok: false, reason: 'offline' };
    }
  }, []);

  return { state, send };
}
