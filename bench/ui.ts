/**
 * The devices in a surge (bench `ui` section): the built staff app in headless chromium with its
 * CPU throttled 4× (DevTools `Emulation.setCPUThrottlingRate`), against the real hub in this process.
 *
 * - Staff tablet (A101, gates K30–K39) with 2,000 open requests; kiosks on real sockets submit
 *   20 requests/s for 20 s; each push's time from the kiosk's submit to the tablet showing it
 *   (its queue count painted), then frame times while scrolling the long list.
 * - Duty manager board with 10,000 requests: submit → "waiting now" painted, 20 pushes/s for 10 s.
 *
 * Page and bench share one machine clock: the page stamps `performance.timeOrigin + performance.now()`
 * in a requestAnimationFrame after the DOM changed (the next frame is the paint), node stamps Date.now()
 * right before the kiosk's emit. Matching is by count: the k-th push is on screen once the count shown
 * reaches seed + k (no request is claimed during the run, so the count only grows).
 *
 * Alone: `npx tsx bench/ui.ts` prints the result; BENCH_UI_ONLY=tablet|board runs one part (printed in the
 * log only), BENCH_UI_PROFILE=<dir> writes a CPU profile of each push phase (`npx tsx bench/profile-top.ts <file>`),
 * BENCH_UI_TRACE=<dir> a chromium trace of each push phase (`npx tsx bench/trace-long-tasks.ts <file>` lists its long tasks).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { io, type Socket } from 'socket.io-client';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { EVENTS, type Ack } from '../core/index.ts';
import { startHub, type RunningHub } from '../server/app.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { enrollKiosk, type Enrollment } from '../test/helpers/enroll.ts';
import { signInStaff } from '../test/helpers/staff-page.ts';
import { runChild } from './child-main.ts';
import { kioskRequest } from './kiosk-request.ts';
import { dist, round, type Dist } from './stats.ts';

/**
 * The page's main thread during the pushes, per push (DevTools `Performance.getMetrics`): its CPU time
 * (ThreadTime, which the throttle's pauses do not count, nor other processes' turns on a busy machine,
 * so it compares runs far better than wall-clock latency there) and the time spent in script and layout.
 */
export interface PageCost {
  cpuMsPerPush: number;
  scriptMsPerPush: number;
  layoutMsPerPush: number;
  layoutsPerPush: number;
}

export interface UiResult {
  cpuThrottle: number;
  tablet: {
    openAtStart: number;
    pushes: number;
    perSecond: number;
    shown: Dist;
    missing: number;
    cardsInDom: number;
    scrollFrameMs: Dist;
    page: PageCost;
  };
  board: { requestsAtStart: number; pushes: number; perSecond: number; shown: Dist; missing: number; page: PageCost };
}

const DIST = resolve('dist');
const THROTTLE = 4;
const TABLET_OPEN = 2000;
const BOARD_REQUESTS = 10_000;
const RATE = 20;
const TABLET_SECONDS = 20;
const BOARD_SECONDS = 10;
/** Gates of A101 (K30–K39) with a flight, and gates outside them, for the manager's 10,000. */
const AGENT_GATES = [
  ['K32', 'AF1634'],
  ['K36', 'AF0084'],
  ['K38', 'BA0305'],
] as const;
const OTHER_GATES = [
  ['K41', 'AF1780'],
  ['K44', 'AC0871'],
] as const;

function log(msg: string): void {
  console.log(`[bench ui ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

/** In the page: an expression for the number a screen shows (-1 while it shows none). */
type CountExpr = string;
const TABLET_COUNT: CountExpr = `Number((/^Open requests \\((\\d+)\\)/.exec([...document.querySelectorAll('h2')].map((h) => h.textContent).find((t) => t.startsWith('Open requests')) || '') || [0, -1])[1])`;
const BOARD_COUNT: CountExpr = `Number(((document.querySelector('[data-testid="total-open"] .tile-value') || {}).textContent || '-1').replace(/[^\\d-]/g, '') || -1)`;

/** In the page: after each DOM change, at the next frame (the paint), the count shown if it changed. */
function countProbe(count: CountExpr): string {
  return `(() => {
    const seen = [];
    let last = -1, queued = false;
    const read = () => {
      queued = false;
      const n = ${count};
      if (n !== last) { last = n; seen.push([n, performance.timeOrigin + performance.now()]); }
    };
    new MutationObserver(() => { if (!queued) { queued = true; requestAnimationFrame(read); } })
      .observe(document.body, { childList: true, subtree: true, characterData: true });
    read();
    window.__counts = seen;
  })()`;
}

async function currentCount(page: Page, count: CountExpr): Promise<number> {
  return page.evaluate(count) as Promise<number>;
}

/** Polls from node: the app's CSP forbids the eval a string predicate of waitForFunction needs in the page. */
async function waitForCount(page: Page, count: CountExpr, n: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const shown = await currentCount(page, count);
    if (shown >= n) return;
    if (Date.now() > end) throw new Error(`the page shows ${shown}, not ${n}, after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** BENCH_UI_PROFILE=<dir>: a CPU profile of each push phase, written there (staff app built unminified then). */
const PROFILE_DIR = process.env.BENCH_UI_PROFILE;
/** BENCH_UI_TRACE=<dir>: a chromium trace of each push phase, written there (for its long tasks). */
const TRACE_DIR = process.env.BENCH_UI_TRACE;
/** What the trace records: the timeline's tasks and their parts, V8's GC phases, and JS samples to name the functions. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'IndexedDB',
];
/** BENCH_UI_ONLY=tablet|board: one of the two runs (the board's seeding still happens). */
const ONLY = process.env.BENCH_UI_ONLY;

async function throttle(context: BrowserContext, page: Page, rate: number): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (PROFILE_DIR) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  return cdp;
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

function pageCost(before: Metrics, after: Metrics, pushes: number): PageCost {
  const per = (name: string, scale: number) => round((((after[name] ?? 0) - (before[name] ?? 0)) * scale) / pushes, 2);
  return {
    cpuMsPerPush: per('ThreadTime', 1000),
    scriptMsPerPush: per('ScriptDuration', 1000),
    layoutMsPerPush: per('LayoutDuration', 1000),
    layoutsPerPush: per('LayoutCount', 1),
  };
}

async function saveProfile(cdp: CDPSession, name: string): Promise<void> {
  if (!PROFILE_DIR) return;
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(PROFILE_DIR, { recursive: true });
  await writeFile(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  log(`${name}: CPU profile in ${join(PROFILE_DIR, `${name}.cpuprofile`)}`);
}

async function saveTrace(browser: Browser, name: string): Promise<void> {
  const trace = await browser.stopTracing();
  await mkdir(TRACE_DIR!, { recursive: true });
  const file = join(TRACE_DIR!, `${name}.trace.json`);
  await writeFile(file, trace);
  log(`${name}: chromium trace in ${file}`);
}

interface Kiosk {
  enrollment: Enrollment;
  socket: Socket;
  flight: string;
}

async function connectKiosks(url: string, gates: ReadonlyArray<readonly [string, string]>): Promise<Kiosk[]> {
  const kiosks: Kiosk[] = [];
  for (const [gate, flight] of gates) {
    for (let i = 0; i < 2; i++) {
      const enrollment = await enrollKiosk(url, gate);
      const socket = io(url, { auth: enrollment.auth, transports: ['websocket'], forceNew: true });
      await new Promise<void>((ok, fail) => {
        socket.once('connect', () => ok());
        socket.once('connect_error', fail);
      });
      kiosks.push({ enrollment, socket, flight });
    }
  }
  return kiosks;
}

/** `perSecond` submits a second for `seconds`, round robin over the kiosks; the wall time of each submit. */
async function pushRequests(kiosks: Kiosk[], perSecond: number, seconds: number): Promise<number[]> {
  const total = perSecond * seconds;
  const submits: number[] = [];
  const acks: Promise<Ack>[] = [];
  const start = Date.now();
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const k = kiosks[n % kiosks.length]!;
    const op = kioskRequest({ device: k.enrollment.device, gate: k.enrollment.gate }, k.flight, 100_000 + n);
    submits.push(Date.now());
    acks.push(k.socket.timeout(30_000).emitWithAck(EVENTS.submit, op) as Promise<Ack>);
  }
  const refused = (await Promise.all(acks)).filter((a) => !a.ok);
  if (refused.length) throw new Error(`${refused.length} pushes refused: ${JSON.stringify(refused[0])}`);
  return submits;
}

/** Latency of the k-th submit = first time the page showed at least base + k + 1. */
function matchByCount(submits: number[], counts: Array<[number, number]>, base: number): { shown: number[]; missing: number } {
  const shown: number[] = [];
  let missing = 0;
  let j = 0;
  for (let k = 0; k < submits.length; k++) {
    while (j < counts.length && counts[j]![0] < base + k + 1) j++;
    if (j >= counts.length) {
      missing++;
      continue;
    }
    shown.push(Math.max(0, counts[j]![1] - submits[k]!));
  }
  return { shown, missing };
}

async function seed(hub: RunningHub, kiosks: Enrollment[], flights: Record<string, string>, n: number, from: number): Promise<void> {
  for (let done = 0; done < n; done += 500) {
    const acks = await Promise.all(
      Array.from({ length: Math.min(500, n - done) }, (_, i) => {
        const k = kiosks[(done + i) % kiosks.length]!;
        return hub.hub.submit(kioskRequest(k, flights[k.gate]!, from + done + i), { kind: 'kiosk', device: k.device, gate: k.gate });
      }),
    );
    const bad = acks.find((a) => !a.ok);
    if (bad && !bad.ok) throw new Error(`seeding refused: ${bad.reason}`);
  }
}

/** Frame times while the list scrolls by 60 px every frame, from the top, for `frames` frames (a string: tsx would wrap a function). */
async function scrollFrames(page: Page, frames: number): Promise<number[]> {
  await page.evaluate('window.scrollTo(0, 0)');
  return page.evaluate(`new Promise((done) => {
    const times = [];
    let last = 0;
    const step = (t) => {
      times.push(t - last);
      last = t;
      window.scrollBy(0, 60);
      if (times.length < ${frames}) requestAnimationFrame(step);
      else done(times);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(step); });
  })`) as Promise<number[]>;
}

/**
 * Waits until `target` open requests are on the throttled screen, then pushes new ones for `seconds`
 * and matches each push to the moment the screen's count showed it. The CPU stays throttled and the
 * profile is saved under `what`.
 */
async function measurePushes(
  page: Page,
  context: BrowserContext,
  kiosks: Kiosk[],
  m: { what: string; selector: string; target: number; loadMs: number; seconds: number; catchUpMs: number },
): Promise<{ base: number; submits: number[]; shown: number[]; missing: number; cost: PageCost }> {
  const browser = context.browser();
  await waitForCount(page, m.selector, m.target, m.loadMs);
  const base = await currentCount(page, m.selector);
  const cdp = await throttle(context, page, THROTTLE);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.evaluate(countProbe(m.selector));
  log(`${m.what}: ${base} open requests on screen, CPU throttled ${THROTTLE}×; ${RATE} pushes/s for ${m.seconds} s`);
  if (TRACE_DIR && browser) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const before = await metrics(cdp);
  const submits = await pushRequests(kiosks, RATE, m.seconds);
  await waitForCount(page, m.selector, base + submits.length, m.catchUpMs).catch((e: Error) =>
    log(`${m.what}: not every push reached the screen within ${m.catchUpMs / 1000} s (${e.message})`),
  );
  const cost = pageCost(before, await metrics(cdp), submits.length);
  log(
    `${m.what}: main thread per push ${cost.cpuMsPerPush} ms CPU (script ${cost.scriptMsPerPush} ms, layout ${cost.layoutMsPerPush} ms in ${cost.layoutsPerPush} layouts)`,
  );
  await saveProfile(cdp, m.what);
  if (TRACE_DIR && browser) await saveTrace(browser, m.what);
  // The poll above reads the screen directly; the probe records the same count at the next frame.
  const recorded = async (): Promise<Array<[number, number]>> => (await page.evaluate('window.__counts')) as Array<[number, number]>;
  let counts = await recorded();
  for (const end = Date.now() + 5000; (counts.at(-1)?.[0] ?? 0) < base + submits.length && Date.now() < end; counts = await recorded()) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return { base, submits, ...matchByCount(submits, counts, base), cost };
}

async function tabletRun(browser: Browser, url: string, kiosks: Kiosk[]): Promise<UiResult['tablet']> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signInStaff(page, url, 'A101', '2468');
  const m = { what: 'tablet', selector: TABLET_COUNT, target: TABLET_OPEN, loadMs: 120_000, seconds: TABLET_SECONDS, catchUpMs: 30_000 };
  const { base, submits, shown, missing, cost } = await measurePushes(page, context, kiosks, m);
  const cardsInDom = await page.locator('[data-ticket]').count();
  const frames = await scrollFrames(page, 240);
  await context.close();
  return {
    openAtStart: base,
    pushes: submits.length,
    perSecond: RATE,
    shown: dist(shown),
    missing,
    cardsInDom,
    scrollFrameMs: dist(frames),
    page: cost,
  };
}

async function boardRun(browser: Browser, url: string, kiosks: Kiosk[]): Promise<UiResult['board']> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/staff/`);
  await page.getByLabel('Staff id').fill('M201');
  await page.getByLabel('PIN').fill('7319');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'All my gates' }).click();
  await page.getByRole('button', { name: /^Start with/ }).click();
  const m = { what: 'board', selector: BOARD_COUNT, target: BOARD_REQUESTS, loadMs: 180_000, seconds: BOARD_SECONDS, catchUpMs: 60_000 };
  const { base, submits, shown, missing, cost } = await measurePushes(page, context, kiosks, m);
  await context.close();
  return { requestsAtStart: base, pushes: submits.length, perSecond: RATE, shown: dist(shown), missing, page: cost };
}

async function main(): Promise<void> {
  if (process.env.BENCH_UI_SKIP_BUILD !== '1') {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    await build({ configFile: 'staff-app/vite.config.ts', logLevel: 'warn', mode: 'production', build: { minify: !PROFILE_DIR && !TRACE_DIR } });
    process.env.NODE_ENV = saved;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'gatecare-ui-bench-'));
  const hub = await startHub(
    { port: 0, host: '127.0.0.1', dataDir, distDir: DIST, seedDemo: true },
    { limits: { signInPerMinute: 100_000, restPerMinute: 100_000 } },
  );
  const browser = await launchChromium();
  const sockets: Socket[] = [];
  try {
    const agentKiosks = await connectKiosks(hub.url, AGENT_GATES);
    const otherKiosks = await connectKiosks(hub.url, OTHER_GATES);
    sockets.push(...[...agentKiosks, ...otherKiosks].map((k) => k.socket));
    const flights = Object.fromEntries([...AGENT_GATES, ...OTHER_GATES]);
    await seed(
      hub,
      agentKiosks.map((k) => k.enrollment),
      flights,
      TABLET_OPEN,
      0,
    );
    log(`seeded ${TABLET_OPEN} open requests at ${AGENT_GATES.map(([g]) => g).join(', ')}`);
    const tablet = ONLY === 'board' ? null : await tabletRun(browser, hub.url, agentKiosks);
    if (tablet)
      log(
        `tablet: submit→shown p50/p95/p99 ${tablet.shown.p50}/${tablet.shown.p95}/${tablet.shown.p99} ms, scroll frame p95 ${tablet.scrollFrameMs.p95} ms`,
      );
    if (ONLY === 'tablet') return;
    const more = BOARD_REQUESTS - TABLET_OPEN - (tablet?.pushes ?? 0);
    await seed(
      hub,
      otherKiosks.map((k) => k.enrollment),
      flights,
      more,
      50_000,
    );
    log(`seeded ${more} more at ${OTHER_GATES.map(([g]) => g).join(', ')}: ${BOARD_REQUESTS} open in all`);
    const board = await boardRun(browser, hub.url, otherKiosks);
    log(`board: submit→drawn p50/p95/p99 ${board.shown.p50}/${board.shown.p95}/${board.shown.p99} ms`);
    if (!tablet) return;
    const result: UiResult = { cpuThrottle: THROTTLE, tablet, board };
    if (process.send) process.send(result);
    else console.log(JSON.stringify(result, null, 2));
  } finally {
    for (const s of sockets) s.disconnect();
    await browser.close();
    await hub.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

runChild(main);
