/**
 * Socket load: holds many real socket.io connections to a real hub process (tsx server/main.ts)
 * with steady traffic, and checks that none is dropped, every operation is acknowledged
 * and the hub's memory stays flat.
 *
 *   npm run load                                  # 1,000 connections for 3 minutes
 *   npm run load -- --connections 300 --seconds 60 --rate 5
 *
 * The CI version (test/load/socket-load.test.ts) runs the same code with 200 connections for 15 s.
 */
import { readFile } from 'node:fs/promises';
import { io, type Socket } from 'socket.io-client';
import { EVENTS, type Ack, type Op } from '../core/index.ts';
import { freePort, spawnHub, type HubProcess } from '../test/helpers/hub-process.ts';
import { removeDir, tempDataDir } from '../test/helpers/hub.ts';
import { enrollKiosk } from '../test/helpers/enroll.ts';
import { loginToken } from '../test/helpers/socket-clients.ts';
import { createRequest, op } from '../test/helpers/ops.ts';

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** New passenger requests per second across all kiosks; agents claim and deliver each. */
  rate: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  connections: number;
  seconds: number;
  operations: number;
  refused: number;
  ackTimeouts: number;
  drops: number;
  connectFailures: number;
  pushes: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** Hub resident memory (MB): after all connected and warmed up, at the end, and the peak. */
  rssWarmMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  rssGrowthPct: number;
  problems: string[];
}

/** A flat hub grows no more than this between warm-up and the end (its data grows a little). */
const MAX_RSS_GROWTH_PCT = 25;

interface Device {
  socket: Socket;
  gate: string;
  actor: { kind: 'kiosk' | 'staff'; id: string };
  closing: boolean;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function inBatches<T, R>(items: T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

const AGENTS = [
  { id: 'A101', pin: '2468', gates: [30, 39] },
  { id: 'A102', pin: '1357', gates: [30, 39] },
  { id: 'A103', pin: '8642', gates: [40, 49] },
  { id: 'A104', pin: '9753', gates: [40, 49] },
  { id: 'A105', pin: '4826', gates: [30, 49] },
  { id: 'M201', pin: '7319', gates: [30, 49] },
];

export async function runLoad(o: LoadOptions): Promise<LoadReport> {
  const log = o.log ?? (() => {});
  const dir = await tempDataDir();
  let hub: HubProcess | null = null;
  const devices: Device[] = [];
  const problems: string[] = [];
  let drops = 0;
  let pushes = 0;
  try {
    hub = await spawnHub({
      PORT: String(await freePort()),
      GATECARE_DATA: dir,
      // Enrolling a thousand kiosks from one address is this script's job, not an attack.
      GATECARE_SIGNIN_PER_MINUTE: '1000000',
      GATECARE_REST_PER_MINUTE: '1000000',
      GATECARE_CONNECTIONS_PER_ADDRESS: '1000000',
    });
    const url = hub.url;
    const pid = hub.proc.pid!;
    const kioskCount = Math.max(1, o.connections - AGENTS.length);
    log(`hub pid ${pid} at ${url}; enrolling ${kioskCount} kiosks`);
    const gates = Array.from({ length: 20 }, (_, i) => `K${30 + i}`);
    const enrolled = await inBatches(
      Array.from({ length: kioskCount }, (_, i) => gates[i % gates.length]!),
      8,
      (g) => enrollKiosk(url, g),
    );
    const tokens = await inBatches(AGENTS, 3, async (a) => ({ ...a, token: await loginToken(url, a.id, a.pin) }));

    const connect = async (auth: Record<string, unknown>, gate: string, actor: Device['actor']): Promise<Device | null> => {
      // No automatic reconnection: a dropped connection must show, not heal silently.
      const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
      const ok = await new Promise<boolean>((done) => {
        socket.once('connect', () => done(true));
        socket.once('connect_error', () => done(false));
      });
      if (!ok) return null;
      const d: Device = { socket, gate, actor, closing: false };
      socket.on('disconnect', (reason) => {
        if (!d.closing) {
          drops++;
          problems.push(`${actor.id} dropped: ${reason}`);
        }
      });
      socket.on(EVENTS.entries, () => pushes++);
      await socket.timeout(20_000).emitWithAck(EVENTS.pull, { after: 0 });
      return d;
    };
    const connected = await inBatches(
      [
        ...enrolled.map((e) => () => connect(e.auth, e.gate, { kind: 'kiosk', id: e.device })),
        ...tokens.map((t) => () => connect({ token: t.token }, '', { kind: 'staff', id: t.id })),
      ],
      50,
      (f) => f(),
    );
    const connectFailures = connected.filter((d) => d === null).length;
    for (const d of connected) if (d) devices.push(d);
    const kiosks = devices.filter((d) => d.actor.kind === 'kiosk');
    const staff = new Map(devices.filter((d) => d.actor.kind === 'staff').map((d) => [d.actor.id, d]));
    log(`${devices.length} connections open (${connectFailures} failed); traffic ${o.rate} requests/s for ${o.seconds} s`);

    // Steady traffic: a kiosk asks, an agent of that gate claims and then delivers.
    const latencies: number[] = [];
    let operations = 0;
    let refused = 0;
    let ackTimeouts = 0;
    const inFlight = new Set<Promise<void>>();
    const send = (d: Device, o2: Op): Promise<Ack | null> => {
      const started = performance.now();
      return (d.socket.timeout(10_000).emitWithAck(EVENTS.submit, o2) as Promise<Ack>).then(
        (ack) => {
          latencies.push(performance.now() - started);
          operations++;
          if (!ack.ok) {
            refused++;
            if (problems.length < 20) problems.push(`${o2.type} refused: ${ack.reason}`);
          }
          return ack;
        },
        () => {
          ackTimeouts++;
          return null;
        },
      );
    };
    let turn = 0;
    const agentFor = (gate: string): Device => {
      const n = Number(gate.slice(1));
      const pool = AGENTS.filter((a) => a.id.startsWith('A') && a.id !== 'A105' && n >= a.gates[0]! && n <= a.gates[1]!);
      return staff.get(pool[turn++ % pool.length]!.id)!;
    };
    const journey = async (k: Device): Promise<void> => {
      const body = createRequest({ gate: k.gate, surname: 'Load' });
      const created = await send(k, op(k.actor, body));
      if (!created?.ok || body.type !== 'request.create') return;
      const agent = agentFor(k.gate);
      const requestId = body.payload.requestId;
      if ((await send(agent, op(agent.actor, { type: 'request.claim', payload: { requestId } })))?.ok) {
        await send(agent, op(agent.actor, { type: 'request.deliver', payload: { requestId } }));
      }
    };

    const rss: number[] = [];
    const sampler = setInterval(
      () =>
        void rssMb(pid).then(
          (m) => rss.push(m),
          () => {},
        ),
      1000,
    );
    const end = Date.now() + o.seconds * 1000;
    let nextLog = Date.now() + 30_000;
    while (Date.now() < end) {
      const k = kiosks[Math.floor(Math.random() * kiosks.length)]!;
      const p = journey(k).finally(() => inFlight.delete(p));
      inFlight.add(p);
      await new Promise((r) => setTimeout(r, 1000 / o.rate));
      if (Date.now() > nextLog) {
        log(`  ${Math.round((end - Date.now()) / 1000)} s left: ${operations} ops, rss ${rss[rss.length - 1]?.toFixed(0)} MB, drops ${drops}`);
        nextLog += 30_000;
      }
    }
    await Promise.all(inFlight);
    clearInterval(sampler);
    rss.push(await rssMb(pid));

    const stillOpen = devices.filter((d) => d.socket.connected).length;
    if (stillOpen !== devices.length) problems.push(`${devices.length - stillOpen} connections closed during the run`);
    latencies.sort((a, b) => a - b);
    const q = (p: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
    // Warm: once every connection is open and the first fifth of the traffic has run.
    const warm = rss.slice(Math.floor(rss.length / 5), Math.floor(rss.length / 5) + 3);
    const rssWarmMb = warm.reduce((a, b) => a + b, 0) / Math.max(1, warm.length);
    const rssEndMb = rss.slice(-3).reduce((a, b) => a + b, 0) / Math.min(3, rss.length);
    const rssGrowthPct = ((rssEndMb - rssWarmMb) / rssWarmMb) * 100;
    if (rssGrowthPct > MAX_RSS_GROWTH_PCT)
      problems.push(`hub memory grew ${rssGrowthPct.toFixed(0)} % (${rssWarmMb.toFixed(0)} → ${rssEndMb.toFixed(0)} MB)`);
    if (connectFailures) problems.push(`${connectFailures} connections failed to open`);
    if (ackTimeouts) problems.push(`${ackTimeouts} operations got no acknowledgement within 10 s`);
    return {
      connections: devices.length,
      seconds: o.seconds,
      operations,
      refused,
      ackTimeouts,
      drops,
      connectFailures,
      pushes,
      ackP50Ms: q(0.5),
      ackP99Ms: q(0.99),
      rssWarmMb: Math.round(rssWarmMb),
      rssEndMb: Math.round(rssEndMb),
      rssPeakMb: Math.round(Math.max(...rss)),
      rssGrowthPct: Math.round(rssGrowthPct * 10) / 10,
      problems,
    };
  } finally {
    for (const d of devices) {
      d.closing = true;
      d.socket.disconnect();
    }
    await hub?.kill('SIGTERM');
    await removeDir(dir);
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runLoad({
    connections: arg('connections', 1000),
    seconds: arg('seconds', 180),
    rate: arg('rate', 8),
    log: (l) => console.log(l),
  });
  console.log(JSON.stringify(report, null, 2));
  const ok = report.problems.length === 0 && report.drops === 0 && report.refused === 0;
  console.log(ok ? 'PASS: no connection dropped, every operation acknowledged, memory flat' : `FAIL:\n  ${report.problems.join('\n  ')}`);
  process.exit(ok ? 0 : 1);
}
