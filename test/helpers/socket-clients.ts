import { io, type Socket } from 'socket.io-client';
import { EVENTS, type Ack, type EntriesMessage, type Op, type PullResult } from '../../core/index.ts';

export interface TestDevice {
  socket: Socket;
  received: EntriesMessage[];
  submit(op: unknown): Promise<Ack>;
  pull(after: number): Promise<PullResult>;
  close(): void;
}

/** A raw socket.io device, to speak the hub's protocol exactly as an app does. */
export async function connectDevice(url: string, auth: Record<string, unknown>): Promise<TestDevice> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
  const received: EntriesMessage[] = [];
  socket.on(EVENTS.entries, (m: EntriesMessage) => received.push(m));
  return {
    socket,
    received,
    submit: (op: unknown) => socket.timeout(5000).emitWithAck(EVENTS.submit, op as Op) as Promise<Ack>,
    pull: (after: number) => socket.timeout(5000).emitWithAck(EVENTS.pull, { after }) as Promise<PullResult>,
    close: () => socket.disconnect(),
  };
}

export async function loginToken(url: string, staffId: string, pin: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId, pin }),
  });
  const body = (await res.json()) as { token?: string; error?: string };
  if (!body.token) throw new Error(body.error);
  return body.token;
}

export async function waitFor<T>(check: () => T | undefined | null | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
