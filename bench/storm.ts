import { io } from 'socket.io-client';
import { EVENTS, type Ack } from '../core/index.ts';
import type { Child } from './children.ts';
import { wallMs, type Reply } from './protocol.ts';
import { dist, round, type Dist } from './stats.ts';
import { kioskRequest } from './kiosk-request.ts';

export interface StormMetrics {
  devices: number;
  missedOps: number;
  /** From the moment every device reconnects at once to the last one holding the hub's latest seq. */
  allCaughtUpMs: number;
  perDevice: Dist;
  failed: number;
  errors: string[];
}

/**
 * Every device drops at once; while they are away passengers keep asking at a kiosk on
 * another network; then all reconnect together and pull what they missed.
 */
export async function runStorm(
  workers: Child[],
  url: string,
  kiosks: Array<{ device: string; gate: string; token: string }>,
  missedOps: number,
  flight: string,
): Promise<StormMetrics> {
  await Promise.all(workers.map((w) => w.ask({ cmd: 'drop' })));
  const sockets = await Promise.all(
    kiosks.map(async (k) => {
      const socket = io(url, { auth: { kiosk: { token: k.token } }, transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return { socket, ...k };
    }),
  );
  const acks = await Promise.all(
    Array.from({ length: missedOps }, (_, n) => {
      const k = sockets[n % sockets.length]!;
      const op = kioskRequest(k, flight, n, `Late${n}`);
      return k.socket.timeout(30_000).emitWithAck(EVENTS.submit, op) as Promise<Ack>;
    }),
  );
  for (const k of sockets) k.socket.disconnect();
  const refused = acks.find((a) => !a.ok);
  if (refused && !refused.ok) throw new Error(`storm: a missed request was refused: ${refused.reason}`);
  const target = Math.max(...acks.map((a) => (a.ok ? a.seq : 0)));
  const startAt = wallMs() + 300;
  const replies = (await Promise.all(workers.map((w) => w.ask<Reply>({ cmd: 'reconnect', target, startAt })))) as Array<
    Extract<Reply, { ok: 'reconnected' }>
  >;
  const times = replies.flatMap((r) => r.caughtUp);
  return {
    devices: times.length + replies.reduce((n, r) => n + r.failed, 0),
    missedOps: acks.filter((a) => a.ok).length,
    allCaughtUpMs: round(Math.max(...times)),
    perDevice: dist(times),
    failed: replies.reduce((n, r) => n + r.failed, 0),
    errors: replies.flatMap((r) => r.errors),
  };
}
