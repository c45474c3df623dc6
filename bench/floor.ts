/**
 * The floor under the hub's latency, measured in the same run: a loopback round trip (a TCP
 * echo on 127.0.0.1) and appending 2 KB + fdatasync in a folder on the data directory's disk
 * (the OS temporary folder, where the bench's hub keeps its data). What the hub costs above these is its own.
 */
import { createServer, connect } from 'node:net';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, type Dist } from './stats.ts';

export interface Floor {
  loopbackRoundTripMs: Dist;
  appendFdatasyncMs: Dist;
}

async function loopback(n: number): Promise<number[]> {
  const server = createServer((s) => s.pipe(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise<void>((r) => socket.once('connect', r));
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((r) => {
      socket.once('data', () => r());
      socket.write('x');
    });
    times.push(performance.now() - t0);
  }
  socket.destroy();
  await new Promise<void>((r) => server.close(() => r()));
  return times;
}

async function appendSync(n: number): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gatecare-floor-'));
  const fh = await open(join(dir, 'append.log'), 'a');
  const line = Buffer.alloc(2048, 'x');
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fh.write(line);
      await fh.datasync();
      times.push(performance.now() - t0);
    }
  } finally {
    await fh.close();
    await rm(dir, { recursive: true, force: true });
  }
  return times;
}

export async function measureFloor(n = 500): Promise<Floor> {
  return { loopbackRoundTripMs: dist(await loopback(n)), appendFdatasyncMs: dist(await appendSync(n)) };
}
