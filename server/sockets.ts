import { Server, type Socket } from 'socket.io';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  EVENTS,
  GateId,
  SCHEMA_VERSION,
  requestScope,
  entryVisible,
  entryForViewer,
  viewerKey,
  type HubState,
  type LogEntry,
  type Viewer,
  type EntriesMessage,
  TicketQuery,
  lookupTickets,
  describeZodError,
  type TicketLookup,
} from '../core/index.ts';
import type { Hub, Identity } from './hub.ts';
import type { TokenSigner } from './tokens.ts';
import type { KioskTokenSigner } from './kiosk-tokens.ts';
import { DeviceRateLimiter } from './device-rate-limit.ts';
import type { HubLimits } from './limits.ts';

interface SocketData {
  viewer: Viewer;
  identity: Identity;
  /**
   * Seq this socket has been sent everything visible up to. At connection, the hub's durable seq:
   * every later commit is pushed to it, so a push says truly where it starts and a device behind it sees the gap.
   */
  sentUpTo: number;
  /** When the token this socket connected with runs out (ms since epoch). */
  expiresAt: number;
  /** When this socket last looked tickets up, to slow down guessing. */
  lookups: number[];
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
  now: () => number;
}

type Who = { viewer: Viewer; identity: Identity; expiresAt: number };

export const SESSION_EXPIRED = 'session expired: sign in again';
export const NOT_ENROLLED = 'this kiosk is not enrolled: a duty manager must set it up on its set-up screen';

function identify(auth: unknown, hub: Hub, { tokens, kioskTokens }: SocketDeps): Who | string {
  const kiosk = KioskAuth.safeParse(auth);
  if (kiosk.success) {
    const claims = kioskTokens.verify(kiosk.data.kiosk.token);
    if (!claims) return NOT_ENROLLED;
    const { device, gate } = claims;
    if (!hub.current.gates[gate]) return `unknown gate ${gate}: enrol this kiosk again`;
    return { viewer: { kind: 'kiosk', device, gate }, identity: { kind: 'kiosk', device, gate }, expiresAt: claims.exp };
  }
  if (UnenrolledKiosk.safeParse(auth).success) return NOT_ENROLLED;
  const staff = StaffAuth.safeParse(auth);
  if (!staff.success) return 'connect as a kiosk (device and gate) or with a staff session token';
  const claims = tokens.verify(staff.data.token);
  const member = claims ? hub.current.staff[claims.sub] : undefined;
  if (!claims || !member) return SESSION_EXPIRED;
  const picked = staff.data.gates ?? [];
  // An agent watches a chosen subset of their own gates; a duty manager may watch any.
  const outside = member.role === 'agent' ? picked.filter((g) => !member.gates.includes(g)) : [];
  if (outside.length) return `gate ${outside[0]} is not one of your gates`;
  const gates = picked.length ? picked : member.gates;
  return {
    viewer: { kind: 'staff', id: member.id, role: member.role, gates },
    identity: { kind: 'staff', id: member.id },
    expiresAt: claims.exp,
  };
}

function roomsOf(viewer: Viewer): string[] {
  if (viewer.kind === 'kiosk') return [`device:${viewer.device}`, `gate:${viewer.gate}`];
  return [`role:${viewer.role}`, ...viewer.gates.map((g) => `gate:${g}`)];
}

/** Attaches socket.io to Fastify's server (the community plugin targets Fastify 4). */
export function attachSockets(app: FastifyInstance, hub: Hub, deps: SocketDeps): Server {
  const { limits, now } = deps;
  const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: limits.maxMessageBytes });
  const opLimiter = new DeviceRateLimiter(limits.opsPerSecond, limits.opsBurst, now);
  const pullLimiter = new DeviceRateLimiter(limits.pullsPerSecond, limits.pullsBurst, now);

  io.use((socket, next) => {
    const who = identify(socket.handshake.auth, hub, deps);
    if (typeof who === 'string') return next(new Error(who));
    const data = socket.data as SocketData;
    data.viewer = who.viewer;
    data.identity = who.identity;
    data.expiresAt = who.expiresAt;
    data.sentUpTo = hub.durableSeq;
    data.lookups = [];
    next();
  });

  io.on('connection', (raw) => {
    const socket = raw as unknown as HubSocket;
    void socket.join(roomsOf(socket.data.viewer));

    /** A socket outlives nothing it was allowed in with: an expired token ends the session. */
    const expired = (): boolean => {
      if (now() < socket.data.expiresAt) return false;
      setTimeout(() => socket.disconnect(true), 50);
      return true;
    };
    const deviceKey = keyOf(socket.data.identity);

    socket.on(EVENTS.submit, (op: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const opId = opIdOf(op);
      const refuse = (code: 'forbidden' | 'rate_limited' | 'invalid', reason: string): void =>
        ack({ v: SCHEMA_VERSION, opId, ok: false, code, reason });
      if (expired()) return refuse('forbidden', socket.data.identity.kind === 'kiosk' ? NOT_ENROLLED : SESSION_EXPIRED);
      const wait = opLimiter.take(deviceKey);
      if (wait > 0) return refuse('rate_limited', `too many operations from this device: slow down, try again in ${Math.ceil(wait / 1000)} s`);
      const bytes = Buffer.byteLength(JSON.stringify(op) ?? '');
      if (bytes > limits.maxOpBytes) {
        return refuse('invalid', `operation too large (${Math.ceil(bytes / 1024)} KB): at most ${limits.maxOpBytes / 1024} KB`);
      }
      void hub.submit(op, socket.data.identity).then((a) => ack(a));
    });

    socket.on(EVENTS.ticketLookup, (args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      ack(answerTicketLookup(hub, socket, args));
    });

    socket.on(EVENTS.pull, (args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      if (expired()) return ack({ error: SESSION_EXPIRED });
      const wait = pullLimiter.take(deviceKey);
      if (wait > 0) return ack({ error: `rate_limited: too many pulls from this device, try again in ${Math.ceil(wait / 1000)} s` });
      const parsed = PullArgs.safeParse(args);
      if (!parsed.success) return ack({ error: 'pull needs { after: a non-negative integer }' });
      const result = hub.pull(parsed.data.after, socket.data.viewer);
      socket.data.sentUpTo = result.upTo;
      ack(result);
    });
  });

  hub.on('committed', (entries, state) => pushEntries(io, entries, state));
  app.addHook('preClose', async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });
  return io;
}

/** Enough for a queue of passengers at one kiosk, too few to guess ticket numbers. */
const LOOKUPS_PER_MINUTE = 30;

function answerTicketLookup(hub: Hub, socket: HubSocket, args: unknown): TicketLookup {
  const now = Date.now();
  const recent = socket.data.lookups.filter((t) => t > now - 60_000);
  if (recent.length >= LOOKUPS_PER_MINUTE) return { v: 1, ok: false, reason: 'too many look-ups from this device, try again in a minute' };
  socket.data.lookups = [...recent, now];
  const query = TicketQuery.safeParse(args);
  if (!query.success) return { v: 1, ok: false, reason: `look up a ticket by { ticket } or by { flightNumber, surname }: ${describeZodError(query.error)}` };
  return { v: 1, ok: true, tickets: lookupTickets(hub.current, query.data, new Date(now).toISOString()) };
}

function keyOf(who: Identity): string {
  return who.kind === 'kiosk' ? `kiosk:${who.device}` : who.kind === 'staff' ? `staff:${who.id}` : 'system';
}

function opIdOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : '';
}

/** Live hints: each device gets what it may see, with the seq it follows, so gaps are detectable. */
function pushEntries(io: Server, entries: LogEntry[], state: HubState): void {
  const targets = new Set<string>();
  const rooms = io.of('/').adapter.rooms;
  for (const e of entries) {
    const scope = requestScope(state, e);
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
    const key = `${socket.data.sentUpTo}|${viewerKey(socket.data.viewer)}`;
    const group = groups.get(key);
    if (group) group.sockets.push(socket);
    else groups.set(key, { after: socket.data.sentUpTo, viewer: socket.data.viewer, sockets: [socket] });
  }
  for (const { after, viewer, sockets } of groups.values()) {
    const visible = entries.filter((e) => e.seq > after && entryVisible(state, e, viewer)).map((e) => entryForViewer(e, viewer));
    if (!visible.length) continue;
    const msg: EntriesMessage = { v: 1, after, entries: visible, upTo };
    if (sockets.length === 1) sockets[0]!.emit(EVENTS.entries, msg);
    else io.to(sockets.map((s) => s.id)).emit(EVENTS.entries, msg);
    for (const socket of sockets) socket.data.sentUpTo = upTo;
  }
}
