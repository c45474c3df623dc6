/**
 * The baselines: bare socket.io servers that relay the same messages to the same devices, with no
 * validation, reducer, storage or per-device filtering. What the hub is compared to.
 *
 * BENCH_BARE_BATCH=1 gives the second baseline of issue 19: the relay batches as the hub does
 * (every submit that arrives during one turn of the event loop is acknowledged and pushed together,
 * one message per group of devices that see the same thing, encoded once), so the report can tell
 * what batching buys from what the hub's validation and durability cost.
 */
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { EVENTS, type LogEntry, type Op } from '../core/index.ts';

interface BareAuth {
  bare: { role?: string; gates?: string[]; gate?: string; device?: string };
}

const batching = process.env.BENCH_BARE_BATCH === '1';
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
let seq = 0;
/** Which gate a request is at, so claims and deliveries reach the same devices as the request. */
const gateOf = new Map<string, string>();

function entryOf(op: Op): { entry: LogEntry; gate: string | undefined } {
  const entry: LogEntry = { seq: ++seq, at: new Date().toISOString(), op };
  const payload = op.payload as { requestId: string; gate?: string };
  if (op.type === 'request.create') gateOf.set(payload.requestId, payload.gate!);
  return { entry, gate: gateOf.get(payload.requestId) };
}

/** Devices that see the same entries (a kiosk: its gate; a tablet: its gates, or all as a duty manager). */
interface ViewGroup {
  sees: (gate: string | undefined) => boolean;
  sockets: Set<Socket>;
  sentUpTo: number;
}

const groups = new Map<string, ViewGroup>();

function groupOf(bare: BareAuth['bare']): ViewGroup {
  const manager = bare.role === 'duty_manager';
  const gates = new Set(bare.device ? [bare.gate] : (bare.gates ?? []));
  const key = bare.device ? `kiosk|${bare.gate}` : manager ? 'manager' : `staff|${[...gates].sort().join(',')}`;
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { sees: (gate) => manager || gates.has(gate), sockets: new Set(), sentUpTo: 0 }));
  return g;
}

/** Submits waiting for the next flush, with their acks: the hub's group commit without the disk. */
let batch: Array<{ entry: LogEntry; gate: string | undefined; ack: (a: unknown) => void }> = [];

function flush(): void {
  const done = batch;
  batch = [];
  for (const { entry, ack } of done) ack({ v: 1, opId: entry.op.id, ok: true, seq: entry.seq });
  const upTo = done[done.length - 1]!.entry.seq;
  for (const g of groups.values()) {
    if (!g.sockets.size) continue;
    const entries = done.filter((d) => g.sees(d.gate)).map((d) => d.entry);
    if (!entries.length) continue;
    const msg = { v: 1, after: g.sentUpTo, entries, upTo };
    io.to([...g.sockets].map((s) => s.id)).emit(EVENTS.entries, msg);
    g.sentUpTo = upTo;
  }
}

io.on('connection', (socket) => {
  const { bare } = socket.handshake.auth as BareAuth;
  if (batching) {
    const group = groupOf(bare);
    group.sockets.add(socket);
    socket.on('disconnect', () => group.sockets.delete(socket));
    socket.on(EVENTS.submit, (op: Op, ack: (a: unknown) => void) => {
      if (!batch.length) setImmediate(flush);
      batch.push({ ...entryOf(op), ack });
    });
  } else {
    const rooms = bare.device ? [`device:${bare.device}`, `gate:${bare.gate}`] : [`role:${bare.role}`, ...(bare.gates ?? []).map((g) => `gate:${g}`)];
    void socket.join(rooms);
    socket.on(EVENTS.submit, (op: Op, ack: (a: unknown) => void) => {
      const { entry, gate } = entryOf(op);
      ack({ v: 1, opId: op.id, ok: true, seq: entry.seq });
      io.to([`gate:${gate}`, 'role:duty_manager']).emit(EVENTS.entries, { v: 1, after: entry.seq - 1, entries: [entry], upTo: entry.seq });
    });
  }
  socket.on(EVENTS.pull, (_args: unknown, ack: (a: unknown) => void) => ack({ v: 1, kind: 'entries', entries: [], upTo: seq }));
});

httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as { port: number };
  process.send!({ ready: true, url: `http://127.0.0.1:${port}` });
});
process.on('message', (m) => {
  const cmd = (m as { cmd?: string }).cmd;
  if (cmd === 'exit') process.exit(0);
  // CPU used so far (user + system, ms): the conductor takes it before and after a round.
  if (cmd === 'cpu') process.send!({ cpuMs: cpuMs() });
});

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
