/**
 * Whole-flight issue and redemption at many outlets at once: a real hub in this process on
 * loopback, a list of 400 passengers on AF1634, one `vouchers.issueFlight`, then 50 enrolled
 * outlets redeem every voucher over REST concurrently (each voucher in two parts, and each second
 * part also tried by a second outlet, which must be refused). Reports the issue time, the
 * redemption latency p50/p99 and whether exactly the right total was spent.
 * `npx tsx bench/run.ts --only flightcare` (or `npx tsx bench/flight-care.ts`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { makeOp } from '../core/index.ts';
import { startHub } from '../server/app.ts';
import { postJson } from '../test/helpers/rest.ts';
import { enrollOutlet } from '../test/helpers/enroll.ts';
import { dist, round, type Dist } from './stats.ts';

export interface FlightCareResult {
  passengers: number;
  outlets: number;
  issueMs: number;
  redeem: Dist;
  refusedDoubles: number;
  expectedSpentMinor: number;
  spentMinor: number;
  exact: boolean;
}

const PASSENGERS = 400;
const OUTLETS = 50;

export async function benchFlightCare(): Promise<FlightCareResult> {
  const dir = await mkdtemp(join(tmpdir(), 'gatecare-bench-flightcare-'));
  const running = await startHub(
    { port: 0, host: '127.0.0.1', dataDir: dir, distDir: resolve('dist'), seedDemo: true },
    { limits: { restPerMinute: 1_000_000, signInPerMinute: 10_000 } },
  );
  try {
    const url = running.url;
    const post = (path: string, body: unknown, token?: string) => postJson(url, path, body, token);
    const login = (await (await post('/api/login', { staffId: 'M201', pin: '7319' })).json()) as { token: string };
    const rows = ['surname,givenName,bookingRef,cabin,seat,sequence,ssr'];
    for (let i = 1; i <= PASSENGERS; i++) rows.push(`Passenger${String.fromCharCode(65 + (i % 26))}${i},,,${i % 10 === 0 ? 'J' : 'Y'},,${i},`);
    const listed = await post('/api/flights/AF1634/passengers', { text: rows.join('\n') }, login.token);
    if (!listed.ok) throw new Error(`list refused: ${await listed.text()}`);
    const { flightId } = (await listed.json()) as { flightId: string };

    const hub = running.hub;
    const op = makeOp(
      { actor: { kind: 'staff', id: 'M201' }, device: 'bench', at: new Date() },
      { type: 'vouchers.issueFlight', payload: { flightId, kind: 'meal' } },
    );
    const t0 = performance.now();
    const ack = await hub.submit(op, { kind: 'staff', id: 'M201' });
    const issueMs = performance.now() - t0;
    if (!ack.ok) throw new Error(`issue refused: ${ack.reason}`);
    const vouchers = Object.values(hub.current.vouchers).filter((v) => v.bound?.flightId === flightId);

    const tokens: string[] = [];
    for (let i = 0; i < OUTLETS; i++) {
      tokens.push(
        await enrollOutlet(url, { outletId: `bench-outlet-${String(i).padStart(4, '0')}`, name: `Outlet ${i}`, kind: 'cafe', accepts: ['meal'] }),
      );
    }
    const latencies: number[] = [];
    let refusedDoubles = 0;
    const redeem = async (token: string, voucherId: string, amountCents: number): Promise<boolean> => {
      const start = performance.now();
      const res = await post('/api/outlet/redeem', { redemptionId: uuidv7(), voucherId, amountCents }, token);
      latencies.push(performance.now() - start);
      await res.arrayBuffer();
      return res.ok;
    };
    // First parts everywhere at once, then the rest of each voucher raced by two outlets: exactly one may win.
    await Promise.all(vouchers.map((v, i) => redeem(tokens[i % OUTLETS]!, v.id, 500)));
    const races = await Promise.all(
      vouchers.flatMap((v, i) => [
        redeem(tokens[(i + 1) % OUTLETS]!, v.id, v.amountCents - 500),
        redeem(tokens[(i + 2) % OUTLETS]!, v.id, v.amountCents - 500),
      ]),
    );
    refusedDoubles = races.filter((ok) => !ok).length;
    const expectedSpentMinor = vouchers.reduce((n, v) => n + v.amountCents, 0);
    const spentMinor = Object.values(hub.current.vouchers)
      .filter((v) => v.bound?.flightId === flightId)
      .reduce((n, v) => n + (v.redemptions ?? []).reduce((m, r) => m + r.amountCents, 0), 0);
    return {
      passengers: PASSENGERS,
      outlets: OUTLETS,
      issueMs: round(issueMs),
      redeem: dist(latencies),
      refusedDoubles,
      expectedSpentMinor,
      spentMinor,
      exact: spentMinor === expectedSpentMinor && refusedDoubles === vouchers.length,
    };
  } finally {
    await running.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchFlightCare().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
