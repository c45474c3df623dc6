/**
 * The long tasks of a chromium trace (e.g. from BENCH_UI_TRACE) and what each was made of: for every
 * task of the page's main thread above a threshold, its start (seconds into the trace), its length,
 * the self time of the trace events inside it (GC phases, script calls by function, style, layout,
 * paint, IndexedDB…) and the JavaScript functions its CPU samples were in.
 * `npx tsx bench/trace-long-tasks.ts <file.trace.json> [thresholdMs] [rows]`
 */
import { readFile } from 'node:fs/promises';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

interface Span {
  name: string;
  start: number;
  end: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

/** Names an event for the breakdown: script calls by their function, events by their type. */
function label(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'FunctionCall') {
    const fn = String(d.functionName ?? '') || '(anonymous)';
    return `FunctionCall ${fn} ${
      String(d.url ?? '')
        .split('/')
        .pop() ?? ''
    }:${Number(d.lineNumber ?? 0) + 1}`;
  }
  if (e.name === 'EventDispatch') return `EventDispatch ${String(d.type ?? '')}`;
  return e.name;
}

/** The page's main thread: the CrRendererMain with the most task time. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const renderers = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'RunTask' && e.ph === 'X' && renderers.has(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const best = [...busy].sort((a, b) => b[1] - a[1])[0];
  if (!best) throw new Error('no renderer main thread with tasks in this trace');
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid: pid!, tid: tid! };
}

/** Complete spans of one thread: 'X' events and matched 'B'/'E' pairs. */
function spans(events: TraceEvent[], pid: number, tid: number): Array<Span & { event: TraceEvent }> {
  const out: Array<Span & { event: TraceEvent }> = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && e.dur !== undefined) out.push({ name: label(e), start: e.ts, end: e.ts + e.dur, event: e });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ name: label(b), start: b.ts, end: e.ts, event: b });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Self time per event name inside one task (time in an event minus its children's). */
function selfTimes(inside: Span[], task: Span): Map<string, number> {
  const self = new Map<string, number>();
  const stack: Span[] = [];
  const add = (name: string, ms: number) => self.set(name, (self.get(name) ?? 0) + ms);
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) stack.pop();
  };
  // Self time = own length minus the union of direct children; children come sorted by start.
  const childTime = new Map<Span, number>();
  for (const s of inside) {
    close(s.start);
    const parent = stack[stack.length - 1] ?? task;
    childTime.set(parent, (childTime.get(parent) ?? 0) + (Math.min(s.end, parent.end) - s.start));
    stack.push(s);
  }
  for (const s of [task, ...inside]) add(s.name, (s.end - s.start - (childTime.get(s) ?? 0)) / 1000);
  return self;
}

/** JS samples of the trace's CPU profile, with their times and leaf nodes. */
function samples(events: TraceEvent[], pid: number, tid: number): { times: number[]; leaves: number[]; nodes: Map<number, ProfileNode> } {
  const nodes = new Map<number, ProfileNode>();
  const times: number[] = [];
  const leaves: number[] = [];
  const ids = new Set(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id));
  let clock = 0;
  for (const e of events) {
    if (e.name === 'Profile' && ids.has(e.id)) clock = Number((e.args?.data as { startTime?: number }).startTime ?? e.ts);
    if (e.name !== 'ProfileChunk' || !ids.has(e.id)) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const s = data.cpuProfile?.samples ?? [];
    s.forEach((leaf, i) => {
      clock += data.timeDeltas?.[i] ?? 0;
      times.push(clock);
      leaves.push(leaf);
    });
  }
  return { times, leaves, nodes };
}

function frameName(n: ProfileNode): string {
  return `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop() ?? ''}:${(n.callFrame.lineNumber ?? 0) + 1}`;
}

const top = (m: Map<string, number>, rows: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .filter(([, ms]) => ms >= 0.5)
    .map(([n, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${n}`)
    .join('\n');

async function main(): Promise<void> {
  const [file, thresholdArg, rowsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: npx tsx bench/trace-long-tasks.ts <file.trace.json> [thresholdMs] [rows]');
  const threshold = Number(thresholdArg ?? 50) * 1000;
  const rows = Number(rowsArg ?? 8);
  const raw = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = (Array.isArray(raw) ? raw : raw.traceEvents).sort((a, b) => a.ts - b.ts);
  const { pid, tid } = mainThread(events);
  const all = spans(events, pid, tid);
  const tasks = all.filter((s) => s.event.name === 'RunTask');
  const origin = tasks[0]?.start ?? 0;
  const js = samples(events, pid, tid);
  const long = tasks.filter((t) => t.end - t.start >= threshold);
  const busy = tasks.reduce((sum, t) => sum + t.end - t.start, 0);
  console.log(`${tasks.length} tasks on the main thread (${(busy / 1000).toFixed(0)} ms), ${long.length} of them ≥ ${threshold / 1000} ms`);
  const overall = new Map<string, number>();
  const overallJs = new Map<string, number>();
  let from = 0;
  for (const task of long) {
    while (from < all.length && all[from]!.start < task.start) from++;
    const inside: Span[] = [];
    for (let i = from; i < all.length && all[i]!.start < task.end; i++) if (all[i]!.event !== task.event) inside.push(all[i]!);
    const self = selfTimes(inside, task);
    for (const [n, ms] of self) overall.set(n, (overall.get(n) ?? 0) + ms);
    const fns = new Map<string, number>();
    for (let i = 0; i < js.times.length; i++) {
      if (js.times[i]! < task.start || js.times[i]! > task.end) continue;
      const dt = ((js.times[i + 1] ?? js.times[i]!) - js.times[i]!) / 1000;
      const leaf = js.nodes.get(js.leaves[i]!);
      if (leaf) fns.set(frameName(leaf), (fns.get(frameName(leaf)) ?? 0) + dt);
    }
    for (const [n, ms] of fns) overallJs.set(n, (overallJs.get(n) ?? 0) + ms);
    console.log(`\n— task at ${((task.start - origin) / 1e6).toFixed(3)} s: ${((task.end - task.start) / 1000).toFixed(1)} ms`);
    console.log(top(self, rows));
    if (fns.size) console.log('  JS samples (self):\n' + top(fns, rows));
  }
  console.log(`\nAll long tasks together, self time by event:\n${top(overall, rows * 2)}`);
  console.log(`\nAll long tasks together, JS samples (self):\n${top(overallJs, rows * 2)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
