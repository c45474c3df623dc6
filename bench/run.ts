/**
 * npm run bench: a mass-disruption surge on one real hub, next to bare socket.io in the same run,
 * then a reconnect storm, history growth, the kiosk's weight and the devices in a surge (bench/ui.ts:
 * staff tablet and manager board in chromium with a 4× slower CPU). Prints a table and writes
 * bench/results/latest.json. `--only ui` (or BENCH_ONLY=ui) runs the devices part alone and updates it;
 * `--only flightcare` the whole-flight issue and redemption at 50 outlets (bench/flight-care.ts) likewise,
 * `--only history` the history growth (bench/history.ts) and every op type's cost at 1k and 100k stored (bench/history-by-type.ts).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Child } from './children.ts';
import { all, connectFleet, runSurge, startFleet, summarise, type SurgeRound } from './surge.ts';
import { runStorm } from './storm.ts';
import { agentSlot, AGENTS, BENCH_PIN, benchStaff, GATE_PAIRS, GATES, MANAGERS } from './staff-plan.ts';
import { dist, round, table } from './stats.ts';
import type { DeviceSpec, HubPhases, KioskSpec, TabletSpec } from './protocol.ts';
import type { HistoryResult } from './history.ts';
import { byTypeLines, costByType, type ByTypeResult } from './history-by-type.ts';
import { HISTORY_ROW, historyRows } from './history-rows.ts';
import type { KioskResult } from './kiosk-start.ts';
import type { UiResult } from './ui.ts';
import { uiRows } from './ui-rows.ts';
import { benchFlightCare, type FlightCareResult } from './flight-care.ts';
import { FLIGHT_CARE_ROW, flightCareRows } from './flight-care-rows.ts';
import { measureFloor } from './floor.ts';
import { DELIVER_AFTER_MS, HIGH_RATE, KIOSKS_PER_GATE, PLAN } from './surge-plan.ts';
import { existsSync } from 'node:fs';
import { measurePhone, PHONE_JS_BUDGET_BYTES } from '../scripts/phone-size.ts';

const STORM_DEVICES = 1000;

interface HubStats {
  seq: number;
  peakRssMb: number;
  rssMb: number;
  cpuMs: number;
  dataBytes: number;
  dataFiles: number;
  tailBytes: number;
}

function log(msg: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`${url}: ${res.status} ${json.error}`);
  return json;
}

async function inLanes<T, R>(items: T[], lanes: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** The devices in a surge: staff tablet and manager board in throttled chromium, and the kiosk's cold start. */
async function uiSection(kiosk?: KioskResult): Promise<{
  ui: UiResult & {
    kioskColdStartThrottledMs: number | null;
    kioskColdStartUnderPlaywrightMs: number | null;
    loadBefore: number[];
    loadAfter: number[];
  };
  kiosk: KioskResult;
}> {
  const loadBefore = loadavg().map((l) => round(l, 2));
  log(`ui: staff tablet and manager board in chromium, CPU throttled (load ${loadBefore.join(' ')})`);
  const uiChild = new Child('./ui.ts');
  const ui = await uiChild.next<UiResult | { ok: 'error'; message: string }>();
  await uiChild.stop();
  if ('ok' in ui) throw new Error(`the ui bench failed: ${ui.message}`);
  if (!kiosk) {
    log('ui: kiosk cold start, plain and throttled');
    const kioskChild = new Child('./kiosk-start.ts');
    kiosk = await kioskChild.next<KioskResult>();
    await kioskChild.stop();
  }
  return {
    ui: {
      ...ui,
      kioskColdStartThrottledMs: kiosk.throttledColdStartMs,
      kioskColdStartUnderPlaywrightMs: kiosk.throttledUnderPlaywrightMs,
      loadBefore,
      loadAfter: loadavg().map((l) => round(l, 2)),
    },
    kiosk,
  };
}

const UI_ROW = /^\| (Staff tablet|Manager board|Kiosk cold start, service worker, CPU)/;

/** `--only ui`: runs the ui section alone and updates its part of bench/results/latest.json. */
async function uiOnly(): Promise<void> {
  const { ui } = await uiSection();
  const file = new URL('./results/latest.json', import.meta.url);
  const previous = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { table?: string };
  const rows = table(uiRows(ui, ui.kioskColdStartThrottledMs, ui.kioskColdStartUnderPlaywrightMs))
    .split('\n')
    .slice(2);
  const kept = (previous.table ?? table([['—', '—']])).split('\n').filter((l) => !UI_ROW.test(l));
  const text = [...kept, ...rows].join('\n');
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(
    `\nGateCare bench (ui only), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} × ${machine.cpu}, load ${ui.loadBefore[0]} → ${ui.loadAfter[0]}\n`,
  );
  console.log(table(uiRows(ui, ui.kioskColdStartThrottledMs, ui.kioskColdStartUnderPlaywrightMs)));
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(file, JSON.stringify({ ...previous, ui: { date: new Date().toISOString(), machine, ...ui }, table: text }, null, 2) + '\n');
  await writeFile(new URL('./results/latest.md', import.meta.url), text + '\n');
  log('written the ui section of bench/results/latest.json');
}

/** `--cluster`: one lowdb hub against three nodes on PostgreSQL, written to bench/results/cluster.json and cluster.md. */
async function clusterOnly(): Promise<void> {
  const { benchCluster, clusterTable } = await import('./cluster.ts');
  const r = await benchCluster();
  const text = clusterTable(r);
  console.log(
    `\nGateCare cluster bench${r.small ? ' (reduced surge: not a measurement)' : ''}, ${r.date.slice(0, 16).replace('T', ' ')} UTC, ` +
      `${r.machine.cpus} × ${r.machine.cpu}, load ${r.machine.loadBefore[0]} → ${r.machine.loadAfter[0]}\n`,
  );
  console.log(text);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/cluster.json', import.meta.url), JSON.stringify({ ...r, table: text }, null, 2) + '\n');
  await writeFile(new URL('./results/cluster.md', import.meta.url), text + '\n');
  log(`done in ${r.benchSeconds} s; written bench/results/cluster.json`);
  if (r.failover.storedOnce !== r.failover.acknowledged || r.failover.devicesBack < r.failover.devicesOnKilledNode) process.exitCode = 1;
}

/** Whole-flight issue and redemption at many outlets (bench/flight-care.ts), with the machine's load around it. */
async function flightCareSection(): Promise<FlightCareResult & { loadBefore: number[]; loadAfter: number[] }> {
  const loadBefore = loadavg().map((l) => round(l, 2));
  log(`whole flight: one issue to a listed flight, then every voucher redeemed at many outlets at once (load ${loadBefore.join(' ')})`);
  const r = await benchFlightCare();
  log(
    `whole flight: ${r.passengers} vouchers issued in ${r.issueMs} ms; ${r.redeem.n} REST redeem calls from ${r.outlets} outlets at once: ` +
      `p50 ${r.redeem.p50} ms, p99 ${r.redeem.p99} ms; ${r.refusedDoubles} doubles refused; spent ${r.spentMinor} of ${r.expectedSpentMinor} (${r.exact ? 'exact' : 'WRONG'})`,
  );
  if (!r.exact) process.exitCode = 1;
  return { ...r, loadBefore, loadAfter: loadavg().map((l) => round(l, 2)) };
}

/** `--only flightcare`: runs the whole-flight section alone and updates its part of bench/results/latest.json and .md. */
async function flightCareOnly(): Promise<void> {
  const flightCare = await flightCareSection();
  const file = new URL('./results/latest.json', import.meta.url);
  const previous = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { table?: string };
  const rows = table(flightCareRows(flightCare)).split('\n').slice(2);
  const kept = (previous.table ?? table([['—', '—']])).split('\n').filter((l) => !FLIGHT_CARE_ROW.test(l));
  const text = [...kept, ...rows].join('\n');
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(
    `\nGateCare bench (flightcare only), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} × ${machine.cpu}, load ${flightCare.loadBefore[0]} → ${flightCare.loadAfter[0]}\n`,
  );
  console.log(table(flightCareRows(flightCare)));
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(
    file,
    JSON.stringify({ ...previous, flightCare: { date: new Date().toISOString(), machine, ...flightCare }, table: text }, null, 2) + '\n',
  );
  await writeFile(new URL('./results/latest.md', import.meta.url), text + '\n');
  log('written the flightcare section of bench/results/latest.json');
}

/** History growth: the windows at 1k and 100k stored (bench/history.ts), then every op type at both (bench/history-by-type.ts). */
async function historySection(child: Child): Promise<HistoryResult & { byType: ByTypeResult; loadBefore: number[]; loadAfter: number[] }> {
  const loadBefore = loadavg().map((l) => round(l, 2));
  log(`history growth: cost per acknowledged operation with 1,000 and 100,000 stored (load ${loadBefore.join(' ')})`);
  const history = await child.next<HistoryResult>();
  await child.stop();
  log('history growth: every operation type at 1,000 and 100,000 stored, interleaved');
  const byType = await costByType(log);
  for (const l of byTypeLines(byType)) log(l);
  return { ...history, byType, loadBefore, loadAfter: loadavg().map((l) => round(l, 2)) };
}

/** `--only history`: runs the history section alone and updates its part of bench/results/latest.json and .md. */
async function historyOnly(): Promise<void> {
  const history = await historySection(new Child('./history.ts'));
  const file = new URL('./results/latest.json', import.meta.url);
  const previous = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { table?: string };
  const rows = table(historyRows(history, history.byType)).split('\n').slice(2);
  const kept = (previous.table ?? table([['—', '—']])).split('\n').filter((l) => !HISTORY_ROW.test(l));
  const text = [...kept, ...rows].join('\n');
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  console.log(
    `\nGateCare bench (history only), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} × ${machine.cpu}, load ${history.loadBefore[0]} → ${history.loadAfter[0]}\n`,
  );
  console.log(table(historyRows(history, history.byType)));
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(
    file,
    JSON.stringify({ ...previous, history: { date: new Date().toISOString(), machine, ...history }, table: text }, null, 2) + '\n',
  );
  await writeFile(new URL('./results/latest.md', import.meta.url), text + '\n');
  log('written the history section of bench/results/latest.json');
}

async function main(): Promise<void> {
  const onlyArg = process.argv.indexOf('--only');
  const onlyPart = onlyArg >= 0 ? process.argv[onlyArg + 1] : process.env.BENCH_ONLY;
  if (onlyPart === 'ui') return uiOnly();
  if (process.argv.includes('--cluster')) return clusterOnly();
  if (onlyPart === 'flightcare') return flightCareOnly();
  if (onlyPart === 'history') return historyOnly();
  const started = Date.now();
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memGb: round(totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: loadavg().map((l) => round(l, 2)),
  };
  log(`machine: ${machine.cpus} × ${machine.cpu}, load ${machine.loadBefore.join(' ')}`);

  const floor = await measureFloor();
  log(
    `floor: loopback round trip p50/p99 ${floor.loopbackRoundTripMs.p50}/${floor.loopbackRoundTripMs.p99} ms, append 2 KB + fdatasync ${floor.appendFdatasyncMs.p50}/${floor.appendFdatasyncMs.p99} ms`,
  );

  // BENCH_HUB_PROFILE=<dir>: V8 CPU profiles of the hub and of both relays (in hub/, bare/ and
  // batched/; tsx adds its loader thread's profile beside each), to see where each one's time goes.
  const profile = process.env.BENCH_HUB_PROFILE;
  const profiled = (name: string): string[] => (profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}/${name}`] : []);
  const hub = new Child('./hub-process.ts', {}, profiled('hub'));
  // --only surge (or BENCH_ONLY=surge): surge and storm only, for quick runs while tuning (results are not written).
  const only = onlyPart;
  const bare = new Child('./bare-server.ts', {}, profiled('bare'));
  const batched = new Child('./bare-server.ts', { BENCH_BARE_BATCH: '1' }, profiled('batched'));
  const [{ url: hubUrl }, { url: bareUrl }, { url: batchedUrl }] = await Promise.all([
    hub.next<{ url: string }>(),
    bare.next<{ url: string }>(),
    batched.next<{ url: string }>(),
  ]);
  log(`hub ${hubUrl}, bare socket.io ${bareUrl}, batching bare relay ${batchedUrl}`);

  const staff = benchStaff();
  const t0 = Date.now();
  const tokens = await inLanes(
    staff,
    8,
    async (s) => (await post<{ token: string }>(`${hubUrl}/api/login`, { staffId: s.id, pin: BENCH_PIN })).token,
  );
  const kioskPlaces = GATES.flatMap((gate) => Array.from({ length: KIOSKS_PER_GATE }, (_, i) => ({ gate, device: `bench-kiosk-${gate}-${i}` })));
  const enrolled = await inLanes(kioskPlaces, 4, async (k) => {
    const r = await post<{ token: string }>(`${hubUrl}/api/kiosks/enroll`, { gate: k.gate, device: k.device, staffId: 'M201', pin: '7319' });
    return { ...k, token: r.token };
  });
  log(`${tokens.length} staff signed in, ${enrolled.length} kiosks enrolled (${round((Date.now() - t0) / 1000)} s)`);

  type Mode = 'hub' | 'bare' | 'batched';
  const tabletSpecs = (mode: Mode): TabletSpec[] =>
    staff.map((s, i) => ({
      kind: 'tablet',
      staffId: s.id,
      auth: mode === 'hub' ? { token: tokens[i]! } : { bare: { role: s.role, gates: s.gates } },
      claims: s.role === 'agent' ? agentSlot(i) : null,
    }));
  const kioskSpecs = (mode: Mode): KioskSpec[] =>
    enrolled.map((k): KioskSpec => ({
      kind: 'kiosk',
      device: k.device,
      gate: k.gate,
      auth: mode === 'hub' ? { kiosk: { token: k.token } } : { bare: { gate: k.gate, device: k.device } },
    }));
  const viewersOf = (gate: string): number => staff.filter((s) => s.role === 'duty_manager' || s.gates.includes(gate)).length;

  const fleet = startFleet(4, 2);
  const serverOf: Record<'hub' | 'bare' | 'batched', Child> = { hub, bare, batched };
  const surge = async (mode: Mode, url: string): Promise<SurgeRound> => {
    const tabletsMs = await connectFleet(fleet.tablets, url, tabletSpecs(mode), DELIVER_AFTER_MS);
    await connectFleet(fleet.kiosks, url, kioskSpecs(mode) as DeviceSpec[], DELIVER_AFTER_MS);
    log(`${mode}: ${staff.length} tablets connected in ${round(tabletsMs / 1000)} s; surge of ${PLAN.total} requests, ${PLAN.from}→${PLAN.to}/s`);
    const server = serverOf[mode];
    const cpuBefore = (await server.ask<{ cpuMs: number }>({ cmd: 'cpu' })).cpuMs;
    const r = await runSurge(fleet, PLAN, viewersOf, HIGH_RATE);
    r.serverCpuMs = (await server.ask<{ cpuMs: number }>({ cmd: 'cpu' })).cpuMs - cpuBefore;
    const d = dist(r.visible);
    log(
      `${mode}: p50/p95/p99 submit→tablet ${d.p50}/${d.p95}/${d.p99} ms, kiosks sent at most ${r.submitPeak1s}/s, ` +
        `server CPU ${round(r.serverCpuMs / r.totalOps, 3)} ms per op`,
    );
    await Promise.all(all(fleet).map((w) => w.ask({ cmd: 'disconnect' })));
    return r;
  };

  // Rounds in the order bare, batched, hub, hub, batched, bare, so a machine getting busier or quieter favours none.
  const rounds: Record<Mode, SurgeRound[]> = { hub: [], bare: [], batched: [] };
  const urlOf: Record<Mode, string> = { hub: hubUrl, bare: bareUrl, batched: batchedUrl };
  const internal: number[] = [];
  const hubPhases: HubPhases[] = [];
  for (const mode of ['bare', 'batched', 'hub', 'hub', 'batched', 'bare'] as const) {
    rounds[mode].push(await surge(mode, urlOf[mode]));
    if (mode === 'hub') {
      const r = await hub.ask<{ internal: number[]; phases: HubPhases }>({ cmd: 'internal' });
      internal.push(...r.internal);
      hubPhases.push(r.phases);
      log(`hub phases: ${JSON.stringify(r.phases)}`);
    }
  }
  await Promise.all([bare.stop(), batched.stop()]);
  const hubSurge = summarise(rounds.hub, HIGH_RATE);
  const bareSurge = summarise(rounds.bare, HIGH_RATE);
  const batchedSurge = summarise(rounds.batched, HIGH_RATE);
  const hubInternal = dist(internal);
  const afterSurge = await hub.ask<HubStats>({ cmd: 'stats' });

  // More devices for the storm: the same staff signed in on more tablets and phones (each kiosk
  // needs its own enrolment, a PIN check each, and the hub limits pulls per device).
  const extra = STORM_DEVICES - staff.length - enrolled.length;
  const watchers: TabletSpec[] = Array.from({ length: extra }, (_, i) => ({ ...tabletSpecs('hub')[i % staff.length]!, claims: null }));
  await connectFleet(fleet.tablets, hubUrl, [...tabletSpecs('hub'), ...watchers], DELIVER_AFTER_MS);
  await connectFleet(fleet.kiosks, hubUrl, kioskSpecs('hub'), DELIVER_AFTER_MS);
  log(`storm: ${staff.length + enrolled.length + watchers.length} devices connected; all drop, 300 requests arrive meanwhile, all reconnect`);
  const storm = await runStorm(all(fleet), hubUrl, enrolled.slice(0, 20), 300, 'AF1634');
  log(`storm: ${storm.devices} devices caught up in ${storm.allCaughtUpMs} ms (${storm.failed} failed)`);
  const afterStorm = await hub.ask<HubStats>({ cmd: 'stats' });
  await Promise.all(all(fleet).map((w) => w.stop()));
  await hub.stop();

  if (only === 'surge') {
    console.log(JSON.stringify({ floor, hubPhases, hub: hubSurge, bare: bareSurge, bareBatched: batchedSurge, storm, afterStorm }, null, 1));
    return;
  }
  const historyChild = new Child('./history.ts');
  const history = await historySection(historyChild);

  log('kiosk: gzipped JavaScript and cold start in headless chromium');
  const kioskChild = new Child('./kiosk-start.ts');
  const kiosk = await kioskChild.next<KioskResult>();
  await kioskChild.stop();
  const { ui } = await uiSection(kiosk);
  const flightCare = await flightCareSection();

  const ratio = (a: number, b: number): number => round(a / b, 2);
  const results = {
    date: new Date().toISOString(),
    machine: { ...machine, loadAfter: loadavg().map((l) => round(l, 2)) },
    setup: {
      tablets: staff.length,
      agents: AGENTS,
      dutyManagers: MANAGERS,
      gatePairs: GATE_PAIRS.length,
      kiosks: enrolled.length,
      plan: PLAN,
      deliverAfterMs: DELIVER_AFTER_MS,
    },
    surge: {
      hub: hubSurge,
      bare: bareSurge,
      /** The second baseline: a bare relay that batches and groups pushes as the hub does. */
      bareBatched: batchedSurge,
      ratio: {
        p50: ratio(hubSurge.visible.p50, bareSurge.visible.p50),
        p99: ratio(hubSurge.visible.p99, bareSurge.visible.p99),
        p99AtHighRate: ratio(hubSurge.visibleAtHighRate.p99, bareSurge.visibleAtHighRate.p99),
      },
      ratioToBatched: {
        p50: ratio(hubSurge.visible.p50, batchedSurge.visible.p50),
        p99: ratio(hubSurge.visible.p99, batchedSurge.visible.p99),
        p99AtHighRate: ratio(hubSurge.visibleAtHighRate.p99, batchedSurge.visibleAtHighRate.p99),
      },
      hubInternal,
      hubPhases,
      floor,
      hubAfter: afterSurge,
    },
    storm: { ...storm, hubAfter: afterStorm },
    history,
    kiosk,
    ui,
    flightCare,
    benchSeconds: round((Date.now() - started) / 1000),
  };

  const mb = (b: number): string => `${round(b / 2 ** 20, 1)} MB`;
  const h = hubSurge;
  const b = bareSurge;
  const rows: Array<[string, string, string?]> = [
    [`Surge (${h.rounds} rounds each side): requests accepted`, `${h.accepted} of ${h.requests}; ${h.totalOps} ops incl. claims and deliveries`],
    ['Kiosk submits, busiest second (plan: up to 600/s)', `${h.submitPeak1s}/s hub rounds, ${b.submitPeak1s}/s bare rounds`, '≥ 500/s'],
    ['Acknowledged ops/s, hub (mean / busiest second)', `${h.opsPerSecond.mean} / ${h.opsPerSecond.peak1s}`],
    ['Server CPU per op: hub / bare / batching bare relay', `${h.serverCpuMsPerOp} / ${b.serverCpuMsPerOp} / ${batchedSurge.serverCpuMsPerOp} ms`],
    ['Submit→staff tablet p50/p95/p99, hub', `${h.visible.p50} / ${h.visible.p95} / ${h.visible.p99} ms (${h.visible.n} receipts)`],
    ['Submit→staff tablet p50/p95/p99, bare socket.io', `${b.visible.p50} / ${b.visible.p95} / ${b.visible.p99} ms`],
    [
      'Submit→staff tablet p50/p95/p99, bare relay batching like the hub',
      `${batchedSurge.visible.p50} / ${batchedSurge.visible.p95} / ${batchedSurge.visible.p99} ms`,
    ],
    [`p99 while kiosks sent ≥ ${HIGH_RATE} req/s, hub / bare`, `${h.visibleAtHighRate.p99} / ${b.visibleAtHighRate.p99} ms`, '≤ 50 ms'],
    [
      'Hub ÷ bare (p50 / p99 / p99 at ≥500/s)',
      `${results.surge.ratio.p50}× / ${results.surge.ratio.p99}× / ${results.surge.ratio.p99AtHighRate}×`,
      '≤ 2×',
    ],
    [
      'Hub ÷ batching bare relay (p50 / p99 / p99 at ≥500/s)',
      `${results.surge.ratioToBatched.p50}× / ${results.surge.ratioToBatched.p99}× / ${results.surge.ratioToBatched.p99AtHighRate}×`,
      'p50 ≤ 2×, p99 ≤ 1×',
    ],
    ['Hub alone: op received → pushed, p50/p99', `${hubInternal.p50} / ${hubInternal.p99} ms (${hubInternal.n} ops)`, '≤ 2 ms p50'],
    [
      'Hub phases p50 (queued / write / apply / push), last hub round',
      ((p) => (p ? `${p.queued.p50} / ${p.write.p50} / ${p.apply.p50} / ${p.push.p50} ms; ${p.batchOps.p50} ops a batch` : 'n/a'))(
        hubPhases[hubPhases.length - 1],
      ),
    ],
    [
      'Floor: loopback round trip / append 2 KB + fdatasync, p50/p99',
      `${floor.loopbackRoundTripMs.p50}/${floor.loopbackRoundTripMs.p99} / ${floor.appendFdatasyncMs.p50}/${floor.appendFdatasyncMs.p99} ms`,
    ],
    [
      'Kiosk ack p50/p95/p99, hub (bare)',
      `${h.kioskAck.p50} / ${h.kioskAck.p95} / ${h.kioskAck.p99} ms (${b.kioskAck.p50} / ${b.kioskAck.p95} / ${b.kioskAck.p99})`,
    ],
    ['Staff claim/deliver ack p50/p99, hub', `${h.staffAck.p50} / ${h.staffAck.p99} ms`],
    ['Missed pushes / gaps seen (hub)', `${h.missedReceipts} / ${h.gaps}`],
    ['Hub peak memory (RSS, whole run)', `${round(afterStorm.peakRssMb)} MB`],
    ['Data after surge (files)', `${mb(afterSurge.dataBytes)} in ${afterSurge.dataFiles} files; newest segment ${mb(afterSurge.tailBytes)}`],
    [
      `Reconnect storm: ${storm.devices} devices, ${storm.missedOps} ops missed`,
      `all caught up in ${storm.allCaughtUpMs} ms (p50 ${storm.perDevice.p50}, p95 ${storm.perDevice.p95}); ${storm.failed} failed`,
      '≤ 10 s',
    ],
    ...historyRows(history, history.byType),
    ['Kiosk JavaScript, gzipped', `${round(kiosk.jsGzipBytes / 1024)} kB (${kiosk.jsFiles} files)`],
    [`Kiosk cold start (${kiosk.source})`, `${kiosk.coldStartMs} ms to ${kiosk.readyWhen}`],
    ...phoneRows(),
    ...uiRows(ui, ui.kioskColdStartThrottledMs, ui.kioskColdStartUnderPlaywrightMs),
    ...flightCareRows(flightCare),
  ];
  const text = table(rows);
  console.log(
    `\nGateCare bench, ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} × ${machine.cpu}, load ${machine.loadBefore[0]} → ${results.machine.loadAfter[0]}\n`,
  );
  console.log(text);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify({ ...results, table: text }, null, 2) + '\n');
  await writeFile(new URL('./results/latest.md', import.meta.url), text + '\n');
  log(`done in ${results.benchSeconds} s; written bench/results/latest.json`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

/** The passenger phone's JavaScript (npm run size:phone), when the phone app is built. */
function phoneRows(): Array<[string, string, string?]> {
  if (!existsSync('dist/phone/index.html'))
    return [['Phone JavaScript, gzipped', 'not built (npm run build)', `≤ ${PHONE_JS_BUDGET_BYTES / 1024} kB`]];
  const p = measurePhone('dist/phone');
  return [
    [
      'Phone JavaScript, gzipped (one phone runs / all languages)',
      `${round(p.runGzip / 1024)} / ${round(p.totalGzip / 1024)} kB (first screen ${round(p.initialGzip / 1024)} kB)`,
      `≤ ${PHONE_JS_BUDGET_BYTES / 1024} kB`,
    ],
  ];
}
