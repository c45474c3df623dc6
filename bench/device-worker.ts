/**
 * A child process holding many socket.io-client devices (staff tablets or kiosks), so
 * the clients never share the hub's event loop. Driven by bench/run.ts over IPC.
 */
import { io, type Socket } from 'socket.io-client';
import { EVENTS, makeOp, type Ack, type EntriesMessage, type Op, type PullResult } from '../core/index.ts';
import {
  wallMs,
  type Command,
  type DeviceSpec,
  type FailoverTrace,
  type KioskSpec,
  type Reply,
  type SurgePlan,
  type TabletSpec,
  type WorkerResults,
} from './protocol.ts';
import { kioskRequest } from './kiosk-request.ts';
import { rotateAcrossHubs } from '../client/hub-rotation.ts';

interface Device {
  spec: DeviceSpec;
  socket: Socket;
  seq: number;
  /** Pulling pages after a failover: pushes meanwhile start after the node's head, and the pages bring what they hold. */
  catchingUp?: boolean;
}

const devices: Device[] = [];
let deliverAfterMs = 500;
let inFlight = 0;
/** Claim-then-deliver sequences still going (a delivery waits a little after its claim). */
let chains = 0;
const results: WorkerResults = { submits: [], receipts: [], staffAcks: [], gaps: 0, rejections: {}, acked: [], failovers: [] };

function send(reply: Reply): void {
  process.send!(reply);
}

function countRejection(ack: Ack): void {
  if (!ack.ok) results.rejections[`${ack.code}: ${ack.reason}`] = (results.rejections[`${ack.code}: ${ack.reason}`] ?? 0) + 1;
}

function claimerOf(requestId: string, of: number): number {
  return parseInt(requestId.slice(-6), 16) % of;
}

async function submit(d: Device, op: Op): Promise<Ack> {
  inFlight++;
  try {
    // A cluster device keeps an operation until a node acknowledges it, as the apps' outbox does: sent again,
    // same id, once it is back on another node (the hub answers a duplicate with the original result).
    const deadline = wallMs() + 60_000;
    for (;;) {
      try {
        const ack = (await d.socket.timeout(30_000).emitWithAck(EVENTS.submit, op)) as Ack;
        if (ack.ok) results.acked.push(op.id);
        return ack;
      } catch (e) {
        if (!d.spec.hubs || wallMs() > deadline) throw e;
        if (!d.socket.connected) await new Promise<void>((r) => d.socket.once('connect', () => r()));
      }
    }
  } finally {
    inFlight--;
  }
}

function staffOp(spec: TabletSpec, type: 'request.claim' | 'request.deliver', requestId: string): Op {
  return makeOp({ actor: { kind: 'staff', id: spec.staffId }, device: `tablet-${spec.staffId}`, at: new Date() }, { type, payload: { requestId } });
}

/** An agent claims the requests that fall to them, and marks them delivered a little later. */
async function claimAndDeliver(d: Device, spec: TabletSpec, requestId: string): Promise<void> {
  chains++;
  try {
    await claimThenDeliver(d, spec, requestId);
  } finally {
    chains--;
  }
}

async function claimThenDeliver(d: Device, spec: TabletSpec, requestId: string): Promise<void> {
  for (const type of ['request.claim', 'request.deliver'] as const) {
    if (type === 'request.deliver') await new Promise((r) => setTimeout(r, deliverAfterMs));
    const t0 = wallMs();
    try {
      const ack = await submit(d, staffOp(spec, type, requestId));
      results.staffAcks.push([t0, wallMs(), ack.ok]);
      countRejection(ack);
      if (!ack.ok) return;
    } catch {
      results.staffAcks.push([t0, wallMs(), false]);
      results.rejections['timeout'] = (results.rejections['timeout'] ?? 0) + 1;
      return;
    }
  }
}

function onEntries(d: Device, msg: EntriesMessage): void {
  const now = wallMs();
  if (msg.after > d.seq && d.catchingUp) return;
  if (msg.after > d.seq && d.seq > 0) results.gaps++;
  d.seq = Math.max(d.seq, msg.upTo);
  if (d.spec.kind !== 'tablet') return;
  const spec = d.spec;
  for (const e of msg.entries) {
    if (e.op.type !== 'request.create') continue;
    const requestId = e.op.payload.requestId;
    results.receipts.push([requestId, now]);
    if (spec.claims && claimerOf(requestId, spec.claims.of) === spec.claims.index) void claimAndDeliver(d, spec, requestId);
  }
}

/**
 * A cluster device: when its node dies it reconnects to the next node it knows (as the apps do), pulls
 * what it missed, and records each step of its way back.
 */
function followAcrossNodes(d: Device, hubs: string[]): void {
  rotateAcrossHubs(d.socket, () => hubs);
  let away: { droppedAt: number; attempts: FailoverTrace['attempts'] } | null = null;
  d.socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') away = { droppedAt: wallMs(), attempts: [] };
  });
  // Registered after the rotation's own listener, so the address is the one this attempt goes to.
  d.socket.io.on('reconnect_attempt', () => away?.attempts.push({ at: wallMs(), url: (d.socket.io as unknown as { uri: string }).uri }));
  d.socket.on('connect', () => {
    if (away === null) return;
    const trip = away;
    away = null;
    const connectedAt = wallMs();
    const from = d.seq;
    catchUp(d).then(
      ({ answer, pages, head }) => results.failovers.push({ ...trip, connectedAt, caughtUpAt: wallMs(), behind: head - from, answer, pages }),
      () => {
        results.rejections['pull after failover failed'] = (results.rejections['pull after failover failed'] ?? 0) + 1;
      },
    );
  });
}

/** Pulls what the device missed, page after page as the sync client does, until the node says there is no more. */
async function catchUp(d: Device): Promise<{ answer: PullResult['kind']; pages: number; head: number }> {
  d.catchingUp = true;
  try {
    return await pullPages(d);
  } finally {
    d.catchingUp = false;
  }
}

async function pullPages(d: Device): Promise<{ answer: PullResult['kind']; pages: number; head: number }> {
  for (let pages = 1; ; pages++) {
    const r = (await d.socket.timeout(60_000).emitWithAck(EVENTS.pull, { after: d.seq })) as PullResult;
    // Live pushes from the new node may have overtaken the pull: only what the device has not seen yet.
    if (r.kind === 'entries') onEntries(d, { v: 1, after: d.seq, upTo: r.upTo, entries: r.entries.filter((e) => e.seq > d.seq) });
    d.seq = Math.max(d.seq, r.upTo);
    if (r.kind === 'snapshot' || !r.more) return { answer: r.kind, pages, head: r.upTo };
  }
}

async function connectOne(url: string, spec: DeviceSpec): Promise<Device> {
  const socket = io(spec.hubs?.[0] ?? url, {
    auth: spec.auth,
    transports: ['websocket'],
    reconnection: spec.hubs !== undefined,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 3000,
    forceNew: true,
    timeout: 60_000,
  });
  const d: Device = { spec, socket, seq: 0 };
  if (spec.hubs) followAcrossNodes(d, spec.hubs);
  socket.on(EVENTS.entries, (m: EntriesMessage) => onEntries(d, m));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(new Error(`${spec.kind} ${spec.kind === 'tablet' ? spec.staffId : spec.device}: ${e.message}`)));
  });
  const first = (await socket.timeout(60_000).emitWithAck(EVENTS.pull, { after: 0 })) as PullResult;
  d.seq = first.upTo;
  return d;
}

async function connectAll(url: string, specs: DeviceSpec[]): Promise<void> {
  // A few at a time, as tablets switching on at the start of a shift.
  const queue = [...specs];
  const lanes = Array.from({ length: 10 }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) devices.push(await connectOne(url, s));
  });
  await Promise.all(lanes);
}

/** Sends this worker's share of the surge on schedule, from its kiosks in turn. */
async function surge(plan: SurgePlan, startAt: number): Promise<number> {
  const kiosks = devices.filter((d) => d.spec.kind === 'kiosk');
  const mine = Math.round(plan.total * plan.share);
  const rampS = plan.rampMs / 1000;
  const due = (ms: number): number => {
    const t = ms / 1000;
    const sent =
      t <= rampS ? plan.from * t + ((plan.to - plan.from) * t * t) / (2 * rampS) : ((plan.from + plan.to) * rampS) / 2 + plan.to * (t - rampS);
    return Math.min(mine, Math.floor(sent * plan.share));
  };
  while (wallMs() < startAt) await new Promise((r) => setTimeout(r, 1));
  let sent = 0;
  const pending: Array<Promise<void>> = [];
  while (sent < mine) {
    const target = due(wallMs() - startAt);
    for (; sent < target; sent++) {
      const k = kiosks[sent % kiosks.length]!;
      const spec = k.spec as KioskSpec;
      const op = kioskRequest(spec, plan.flights[sent % plan.flights.length]!, sent);
      const requestId = (op.payload as { requestId: string }).requestId;
      const t0 = wallMs();
      pending.push(
        submit(k, op).then(
          (ack) => {
            results.submits.push([requestId, spec.gate, t0, wallMs(), ack.ok]);
            countRejection(ack);
          },
          () => {
            results.submits.push([requestId, spec.gate, t0, wallMs(), false]);
            results.rejections['timeout'] = (results.rejections['timeout'] ?? 0) + 1;
          },
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(pending);
  return sent;
}

/** Every device drops at once. */
function dropAll(): void {
  for (const d of devices) d.socket.disconnect();
}

/** Every device reconnects at `startAt` and pulls what it missed; resolves with each one's catch-up time. */
async function reconnectAll(target: number, startAt: number): Promise<{ caughtUp: number[]; failed: number; errors: string[] }> {
  while (wallMs() < startAt) await new Promise((r) => setTimeout(r, 1));
  const errors: string[] = [];
  const times = await Promise.all(
    devices.map(
      (d) =>
        new Promise<number | null>((resolve) => {
          const done = (): void => {
            if (d.seq >= target) resolve(wallMs() - startAt);
          };
          d.socket.once('connect', () => {
            (d.socket.timeout(60_000).emitWithAck(EVENTS.pull, { after: d.seq }) as Promise<PullResult>).then(
              (r) => {
                d.seq = Math.max(d.seq, r.upTo);
                done();
              },
              (e: Error) => {
                errors.push(e.message);
                resolve(null);
              },
            );
          });
          d.socket.once('connect_error', (e) => {
            errors.push(e.message);
            resolve(null);
          });
          d.socket.connect();
        }),
    ),
  );
  const caughtUp = times.filter((t): t is number => t !== null);
  return { caughtUp, failed: times.length - caughtUp.length, errors: [...new Set(errors)].slice(0, 5) };
}

process.on('message', (raw) => {
  const c = raw as Command;
  const run = async (): Promise<Reply> => {
    switch (c.cmd) {
      case 'connect': {
        const t0 = wallMs();
        deliverAfterMs = c.deliverAfterMs;
        await connectAll(c.url, c.devices);
        return { ok: 'connected', count: devices.length, ms: wallMs() - t0 };
      }
      case 'surge':
        return { ok: 'surged', sent: await surge(c.plan, c.startAt) };
      case 'settle':
        // Claims wait for their pushes, deliveries for their claims: wait until nothing is outstanding.
        for (let quiet = 0; quiet < 10;) {
          await new Promise((r) => setTimeout(r, 100));
          quiet = inFlight === 0 && chains === 0 ? quiet + 1 : 0;
        }
        return { ok: 'settled' };
      case 'results': {
        const r = { ...results };
        results.submits = [];
        results.receipts = [];
        results.staffAcks = [];
        results.gaps = 0;
        results.rejections = {};
        results.acked = [];
        results.failovers = [];
        return { ok: 'results', results: r };
      }
      case 'drop':
        dropAll();
        return { ok: 'dropped' };
      case 'reconnect':
        return { ok: 'reconnected', ...(await reconnectAll(c.target, c.startAt)) };
      case 'disconnect':
        for (const d of devices.splice(0)) d.socket.disconnect();
        return { ok: 'disconnected' };
      case 'exit':
        process.exit(0);
    }
  };
  run().then(send, (e: unknown) => send({ ok: 'error', message: e instanceof Error ? e.message : String(e) }));
});
