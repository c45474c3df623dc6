import { Server, type Socket } from 'socket.io';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import {
  EVENTS,
  GateId,
  SCHEMA_VERSION,
  audienceOf,
  audienceIncludes,
  entryForViewer,
  type Audience,
  viewerKey,
  type HubState,
  type LogEntry,
  type Viewer,
  type EntriesMessage,
  TicketQuery,
  lookupTickets,
  describeZodError,
  type TicketLookup,
  type AuthRefusalCode,
} from '../core/index.ts';
import type { Hub, Identity } from './hub.ts';
import type { TokenSigner } from './tokens.ts';
import type { KioskTokenSigner } from './kiosk-tokens.ts';
import { DeviceRateLimiter } from './device-rate-limit.ts';
import type { HubLimits } from './limits.ts';
import { measureJson } from './json-size.ts';
import { textOnlyParser, withJson } from './text-only-parser.ts';
import { SharedPulls } from './shared-pulls.ts';
import { entryJson } from './entry-json.ts';
import type { Clock } from './clock.ts';

interface SocketData {
  viewer: Viewer;
  /** viewerKey(viewer), made once: a push groups every socket by it, batch after batch. */
  viewerKey: string;
  identity: Identity;
  /**
   * Seq this socket has been sent everything visible up to. At connection, the hub's durable seq:
   * every later commit is pushed to it, so a push says truly where it starts and a device behind it sees the gap.
   */
  sentUpTo: number;
  /** When the token this socket connected with runs out (ms since epoch). */
  expiresAt: number;
  /** The client address, counted against the per-address connection cap until it disconnects. */
  address: string;
}

interface ServerToClient {
  entries: (msg: EntriesMessage) => void;
}
type HubSocket = Socket<Record<string, never>, ServerToClient, Record<string, never>, SocketData>;

const KioskAuth = z.object({ kiosk: z.object({ token: z.string().max(1000) }) });
/** What kiosks sent before enrolment existed: recognised only to say what to do. */
const UnenrolledKiosk = z.object({ kiosk: z.object({ device: z.unknown() }) });
const StaffAuth = z.object({ token: z.string().max(1000), gates: z.array(GateId).max(100).optional() });
const PullArgs = z.object({ after: z.number().int().min(0) });

export interface SocketDeps {
  tokens: TokenSigner;
  kioskTokens: KioskTokenSigner;
  limits: HubLimits;
  now: Clock;
  /** The client's address for per-address limits (server/client-address.ts: behind a trusted balancer, the forwarded one). */
  addressOf?: (req: IncomingMessage) => string;
}

type Who = { viewer: Viewer; identity: Identity; expiresAt: number };

/** Why a connection is refused: the code devices act on (core/wire.ts), the message people read. */
interface Refused {
  code: AuthRefusalCode;
  message: string;
}

const denied = (message: string, code: AuthRefusalCode = 'refused'): Refused => ({ code, message });
const SESSION_EXPIRED = denied('session expired: sign in again', 'session_expired');
const NOT_ENROLLED = denied('this kiosk is not enrolled: a duty manager must set it up on its set-up screen', 'not_enrolled');

/** A connection refusal carrying its code for the device (socket.io sends `data` with the error). */
function refusal({ code, message }: Refused): Error & { data: { code: AuthRefusalCode } } {
  return Object.assign(new Error(message), { data: { code } });
}

function identify(auth: unknown, hub: Hub, { tokens, kioskTokens }: SocketDeps): Who | Refused {
  const kiosk = KioskAuth.safeParse(auth);
  if (kiosk.success) {
    const claims = kioskTokens.verify(kiosk.data.kiosk.token);
    if (!claims) return NOT_ENROLLED;
    const { device, gate } = claims;
    if (!hub.current.gates[gate]) return denied(`unknown gate ${gate}: enrol this kiosk again`);
    return { viewer: { kind: 'kiosk', device, gate }, identity: { kind: 'kiosk', device, gate }, expiresAt: claims.exp };
  }
  if (UnenrolledKiosk.safeParse(auth).success) return NOT_ENROLLED;
  const staff = StaffAuth.safeParse(auth);
  if (!staff.success) return denied('connect as a kiosk (device and gate) or with a staff session token');
  const claims = tokens.verify(staff.data.token);
  const member = claims ? hub.current.staff[claims.sub] : undefined;
  if (!claims || !member) return SESSION_EXPIRED;
  const picked = staff.data.gates ?? [];
  // An agent watches a chosen subset of their own gates; a duty manager may watch any.
  const outside = member.role === 'agent' ? picked.filter((g) => !member.gates.includes(g)) : [];
  if (outside.length) return denied(`gate ${outside[0]} is not one of your gates`);
  const gates = picked.length ? picked : member.gates;
  return {
    viewer: { kind: 'staff', id: member.id, role: member.role, gates },
    identity: { kind: 'staff', id: member.id },
    expiresAt: claims.exp,
  };
}

/**
 * A kiosk sees of its gate's requests only its own (core/views.ts), so it listens on its device's room
 * alone: a surge's pushes to a gate are not offered to each of its kiosks only to be filtered out.
 */
function roomsOf(viewer: Viewer): string[] {
  if (viewer.kind === 'kiosk') return [`device:${viewer.device}`];
  return [`role:${viewer.role}`, ...viewer.gates.map((g) => `gate:${g}`)];
}

/** Attaches socket.io to Fastify's server (the community plugin targets Fastify 4). */
export function attachSockets(app: FastifyInstance, hub: Hub, deps: SocketDeps): Server {
  const { limits, now } = deps;
  const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: limits.maxMessageBytes, parser: textOnlyParser });
  const opLimiter = new DeviceRateLimiter(limits.opsPerSecond, limits.opsBurst, now);
  const pullLimiter = new DeviceRateLimiter(limits.pullsPerSecond, limits.pullsBurst, now);

  const lookupLimiter = new DeviceRateLimiter(LOOKUPS_PER_MINUTE / 60, LOOKUPS_PER_MINUTE, now);
  const pulls = new SharedPulls(hub, now);
  const connections = new Map<string, number>();

  io.use((socket, next) => {
    const address = deps.addressOf?.(socket.request) ?? socket.handshake.address;
    if ((connections.get(address) ?? 0) >= limits.connectionsPerAddress) {
      return next(new Error(`too many connections from this address (at most ${limits.connectionsPerAddress}): close some and try again`));
    }
    const who = identify(socket.handshake.auth, hub, deps);
    if ('code' in who) return next(refusal(who));
    const data = socket.data as SocketData;
    data.viewer = who.viewer;
    data.viewerKey = viewerKey(who.viewer);
    data.identity = who.identity;
    data.expiresAt = who.expiresAt;
    data.sentUpTo = hub.durableSeq;
    data.address = address;
    connections.set(address, (connections.get(address) ?? 0) + 1);
    next();
  });

  io.on('connection', (raw) => {
    const socket = raw as unknown as HubSocket;
    void socket.join(roomsOf(socket.data.viewer));
    // Ends the session when its token runs out, even if the device only listens.
    const untilExpiry = socket.data.expiresAt - now();
    const expiryTimer = untilExpiry < 2 ** 31 - 1 ? setTimeout(() => socket.disconnect(true), Math.max(0, untilExpiry)) : null;
    socket.on('disconnect', () => {
      if (expiryTimer) clearTimeout(expiryTimer);
      const left = (connections.get(socket.data.address) ?? 1) - 1;
      if (left > 0) connections.set(socket.data.address, left);
      else connections.delete(socket.data.address);
    });

    /** A socket outlives nothing it was allowed in with: an expired token ends the session. */
    const expired = (): boolean => {
      if (now() < socket.data.expiresAt) return false;
      setTimeout(() => socket.disconnect(true), 50);
      return true;
    };
    const deviceKey = keyOf(socket.data.identity);
    const endedMessage = (socket.data.identity.kind === 'kiosk' ? NOT_ENROLLED : SESSION_EXPIRED).message;

    socket.on(
      EVENTS.submit,
      guarded('op', (op: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        const opId = opIdOf(op);
        const refuse = (code: 'forbidden' | 'rate_limited' | 'invalid' | 'storage', reason: string): void =>
          ack({ v: SCHEMA_VERSION, opId, ok: false, code, reason });
        if (expired()) return refuse('forbidden', endedMessage);
        const wait = opLimiter.take(deviceKey);
        if (wait > 0) return refuse('rate_limited', `too many operations from this device: slow down, try again in ${Math.ceil(wait / 1000)} s`);
        const size = measureJson(op, limits.maxOpBytes);
        if (!size.ok) {
          return refuse(
            'invalid',
            size.reason === 'too_deep'
              ? 'operation nested too deeply: an operation is a flat record of fields'
              : `operation too large (${Math.ceil(size.bytes / 1024)} KB): at most ${limits.maxOpBytes / 1024} KB`,
          );
        }
        hub.submit(op, socket.data.identity).then(
          (a) => ack(a),
          (e: unknown) => {
            console.error(`GateCare: operation ${opId} failed inside the hub (${(e as Error).message})`);
            refuse('storage', 'the hub could not take this operation now: try again shortly');
          },
        );
      }),
    );

    socket.on(
      EVENTS.ticketLookup,
      guarded('ticket.lookup', (args: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        if (expired()) return ack({ v: 1, ok: false, reason: endedMessage });
        const wait = lookupLimiter.take(deviceKey);
        if (wait > 0) return ack({ v: 1, ok: false, reason: `too many look-ups from this device, try again in ${Math.ceil(wait / 1000)} s` });
        ack(answerTicketLookup(hub, args, now()));
      }),
    );

    socket.on(
      EVENTS.pull,
      guarded('pull', (args: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        if (expired()) return ack({ error: SESSION_EXPIRED.message });
        const wait = pullLimiter.take(deviceKey);
        if (wait > 0) return ack({ error: `rate_limited: too many pulls from this device, try again in ${Math.ceil(wait / 1000)} s` });
        const parsed = PullArgs.safeParse(args);
        if (!parsed.success) return ack({ error: 'pull needs { after: a non-negative integer }' });
        const result = pulls.pull(parsed.data.after, socket.data.viewer);
        // The durable head, not the page's end: a push that follows a page then starts after the head, so
        // the device sees it does not follow on and pulls the next page rather than skip the entries between.
        socket.data.sentUpTo = hub.durableSeq;
        ack(result);
      }),
    );
  });

  hub.on('committed', (entries, state) => {
    try {
      pushEntries(io, entries, state, now());
    } catch (e) {
      // Devices pull what they missed on their next (re)connect; the hub carries on.
      console.error(`GateCare: live push failed (${(e as Error).message}); devices will catch up by pulling`);
    }
  });
  app.addHook('preClose', async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });
  return io;
}

/** Enough for a queue of passengers at one kiosk, too few to guess ticket numbers; per device, across its sockets. */
export const LOOKUPS_PER_MINUTE = 30;

/**
 * Last resort: whatever a handler throws on whatever input, the hub logs it and answers the
 * device, and the process carries on serving everyone else.
 */
function guarded(event: string, handler: (args: unknown, ack: unknown) => void): (args: unknown, ack: unknown) => void {
  return (args, ack) => {
    try {
      handler(args, ack);
    } catch (e) {
      console.error(`GateCare: a ${event} message could not be handled (${(e as Error).message})`);
      if (typeof ack === 'function') ack({ v: SCHEMA_VERSION, ok: false, code: 'invalid', reason: `this ${event} message could not be handled` });
    }
  };
}

/** Answers from the durable state: nothing a crash could still take back is ever shown. */
function answerTicketLookup(hub: Hub, args: unknown, now: number): TicketLookup {
  const query = TicketQuery.safeParse(args);
  if (!query.success)
    return { v: 1, ok: false, reason: `look up a ticket by { ticket } or by { flightNumber, surname }: ${describeZodError(query.error)}` };
  return { v: 1, ok: true, tickets: lookupTickets(hub.durableState, query.data, new Date(now).toISOString()) };
}

/** Ends at once every connection a revoked token opened (`expiresAt`: when the token it connected with runs out). */
export function disconnectWhere(io: Server, match: (who: Identity, expiresAt: number) => boolean): number {
  let n = 0;
  for (const raw of io.of('/').sockets.values()) {
    const socket = raw as unknown as HubSocket;
    if (socket.data.identity && match(socket.data.identity, socket.data.expiresAt)) {
      socket.disconnect(true);
      n++;
    }
  }
  return n;
}

function keyOf(who: Identity): string {
  return who.kind === 'kiosk' ? `kiosk:${who.device}` : who.kind === 'staff' ? `staff:${who.id}` : 'system';
}

function opIdOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : '';
}

/**
 * A push carrying its text, assembled from its entries' texts (`texts[i]` is the JSON of `entries[i]`),
 * so the encoder sends it as it is (withJson) instead of encoding the entries again.
 */
function entriesMessage(after: number, entries: LogEntry[], texts: string[], upTo: number): EntriesMessage {
  return withJson({ v: 1, after, entries, upTo }, `{"v":1,"after":${after},"entries":[${texts.join(',')}],"upTo":${upTo}}`);
}

/** Live hints: each device gets what it may see, with the seq it follows, so gaps are detectable. */
function pushEntries(io: Server, entries: LogEntry[], state: HubState, now: number): void {
  const targets = new Set<string>();
  const rooms = io.of('/').adapter.rooms;
  // Each entry's audience once, rather than once per group of viewers asked about it.
  const audiences = new Map<LogEntry, Audience>(entries.map((e) => [e, audienceOf(state, e)]));
  for (const e of entries) {
    const audience = audiences.get(e)!;
    const scope = audience.to === 'request' ? audience.scope : null;
    const names = scope ? [`gate:${scope.gate}`, `device:${scope.device}`, 'role:duty_manager'] : null;
    if (!names) {
      for (const id of io.of('/').sockets.keys()) targets.add(id);
      break;
    }
    for (const n of names) for (const id of rooms.get(n) ?? []) targets.add(id);
  }
  const upTo = entries[entries.length - 1]!.seq;
  // Devices that see the same thing from the same seq get one message, encoded once
  // (per-socket encoding was the hub's biggest cost with hundreds of tablets).
  const groups = new Map<string, { after: number; viewer: Viewer; sockets: HubSocket[] }>();
  for (const id of targets) {
    const socket = io.of('/').sockets.get(id) as unknown as HubSocket | undefined;
    if (!socket) continue;
    // An expired session hears nothing more; its device must sign in again.
    if (socket.data.expiresAt <= now) {
      socket.disconnect(true);
      continue;
    }
    const key = `${socket.data.sentUpTo}|${socket.data.viewerKey}`;
    const group = groups.get(key);
    if (group) group.sockets.push(socket);
    else groups.set(key, { after: socket.data.sentUpTo, viewer: socket.data.viewer, sockets: [socket] });
  }
  // Staff get entries whole, so staff groups whose visible entries are the same (most of them, with a
  // batch of a few operations) get one message, encoded once; a kiosk's entries are in its own form.
  const messages = new Map<string, { msg: EntriesMessage; sockets: HubSocket[] }>();
  let distinct = 0;
  for (const { after, viewer, sockets } of groups.values()) {
    const shown = entries.filter((e) => e.seq > after && audienceIncludes(audiences.get(e)!, viewer));
    if (!shown.length) continue;
    if (viewer.kind !== 'staff') {
      const forms = shown.map((e) => entryForViewer(state, e, viewer));
      // A kiosk's own operation that it may see whole has the text staff were sent.
      const texts = forms.map((f, i) => (f.op === shown[i]!.op ? entryJson(shown[i]!) : JSON.stringify(f)));
      messages.set(`own ${distinct++}`, { msg: entriesMessage(after, forms, texts, upTo), sockets });
      continue;
    }
    const key = `${after}|${shown.map((e) => e.seq).join(',')}`;
    const same = messages.get(key);
    if (same) {
      same.sockets.push(...sockets);
      continue;
    }
    messages.set(key, { msg: entriesMessage(after, shown, shown.map(entryJson), upTo), sockets: [...sockets] });
  }
  for (const { msg, sockets } of messages.values()) {
    if (sockets.length === 1) sockets[0]!.emit(EVENTS.entries, msg);
    else io.to(sockets.map((s) => s.id)).emit(EVENTS.entries, msg);
    for (const socket of sockets) socket.data.sentUpTo = upTo;
  }
}
