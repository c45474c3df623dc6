/**
 * The baseline: a bare socket.io server that relays the same messages to the same rooms,
 * with no validation, reducer, storage or per-device filtering. What the hub is compared to.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { EVENTS, type LogEntry, type Op } from '../core/index.ts';

interface BareAuth {
  bare: { role?: string; gates?: string[]; gate?: string; device?: string };
}

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
let seq = 0;
/** Which gate a request is at, so claims and deliveries reach the same room as the request. */
const gateOf = new Map<string, string>();

io.on('connection', (socket) => {
  const { bare } = socket.handshake.auth as BareAuth;
  const rooms = bare.device ? [`device:${bare.device}`, `gate:${bare.gate}`] : [`role:${bare.role}`, ...(bare.gates ?? []).map((g) => `gate:${g}`)];
  void socket.join(rooms);
  socket.on(EVENTS.submit, (op: Op, ack: (a: unknown) => void) => {
    const entry: LogEntry = { seq: ++seq, at: new Date().toISOString(), op };
    const payload = op.payload as { requestId: string; gate?: string };
    if (op.type === 'request.create') gateOf.set(payload.requestId, payload.gate!);
    ack({ v: 1, opId: op.id, ok: true, seq: entry.seq });
    const gate = gateOf.get(payload.requestId);
    io.to([`gate:${gate}`, 'role:duty_manager']).emit(EVENTS.entries, { v: 1, after: entry.seq - 1, entries: [entry], upTo: entry.seq });
  });
  socket.on(EVENTS.pull, (_args: unknown, ack: (a: unknown) => void) => ack({ v: 1, kind: 'entries', entries: [], upTo: seq }));
});

httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as { port: number };
  process.send!({ ready: true, url: `http://127.0.0.1:${port}` });
});
process.on('message', (m) => {
  if ((m as { cmd?: string }).cmd === 'exit') process.exit(0);
});
