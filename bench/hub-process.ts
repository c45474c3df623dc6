/**
 * The real hub in its own process, on loopback with a temporary data directory, plus the
 * bench's staff: added through the hub's own operations and credential store, as an airport would.
 */
import { mkdtemp, readdir, stat, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Journal, type AppendTiming } from '../server/log-journal.ts';
import { makeOp, type StaffMember } from '../core/index.ts';
import { startHub, type RunningHub } from '../server/app.ts';
import { hashPin } from '../server/pins.ts';
import { benchStaff, BENCH_PIN } from './staff-plan.ts';
import { dist } from './stats.ts';
import type { HubPhases } from './protocol.ts';

async function dirBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const sub = await dirBytes(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += (await stat(p)).size;
      files++;
    }
  }
  return { bytes, files };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatecare-bench-'));
  // A cluster node (bench/cluster.ts): the log is in PostgreSQL; the first node seeds, the others join.
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const joining = process.env.BENCH_JOIN === '1';
  // Per-address REST limits assume one tablet per address; here every device shares 127.0.0.1.
  // Per-device socket limits stay as shipped.
  const running = await startHub(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir: null,
      seedDemo: !joining,
      ...(databaseUrl ? { databaseUrl, airport: process.env.BENCH_AIRPORT ?? 'bench' } : {}),
    },
    { limits: { signInPerMinute: 100_000, restPerMinute: 100_000, connectionsPerAddress: 100_000 } },
  );
  const { hub, store } = running;
  if (joining) return serve(running, dataDir);

  // One scrypt hash shared by every bench account (same PIN): seeding 200 staff should not take minutes.
  const pinHash = await hashPin(BENCH_PIN);
  const staff: StaffMember[] = benchStaff();
  for (const s of staff) store.data.credentials[s.id] = pinHash;
  const acks = await Promise.all(
    staff.map((s) =>
      hub.submit(makeOp({ actor: { kind: 'system', id: 'bench-seed' }, device: 'hub', at: new Date() }, { type: 'staff.upsert', payload: s }), {
        kind: 'system',
      }),
    ),
  );
  const refused = acks.find((a) => !a.ok);
  if (refused && !refused.ok) throw new Error(`bench staff refused: ${refused.reason}`);
  serve(running, dataDir);
}

/** Answers the conductor: the hub's own latency and phases, its resource use, and exit. */
function serve(running: RunningHub, dataDir: string): void {
  const { hub, store } = running;

  // The hub's own share of the latency: operation received → its push handed to the sockets,
  // split into phases by timestamps taken in this process (not guessed from outside):
  // queued (received → the group commit that carries it starts writing), write (that commit's
  // durable write), apply (write done → 'committed' emitted: durable state, acks) and push
  // (the sockets' listener). Listeners run in order: `before` is prepended, the last one appended.
  const receivedAt = new Map<string, number>();
  const phases: Record<'queued' | 'write' | 'apply' | 'push' | 'internal', number[]> = { queued: [], write: [], apply: [], push: [], internal: [] };
  const batchSizes: number[] = [];
  // Per group commit, where the write phase goes: serialising the line, the write calls, fdatasync, the
  // rest of the store's commit (sealing a segment, the metadata check), and how long after the commit
  // started the event loop first came round (a setImmediate): a write that ends when the loop comes
  // round, long after the disk's floor, measures the loop, not the disk.
  const split: Record<'commit' | 'serialise' | 'writeCall' | 'datasync' | 'rest' | 'loopTurn', number[]> = {
    commit: [],
    serialise: [],
    writeCall: [],
    datasync: [],
    rest: [],
    loopTurn: [],
  };
  // CPU per operation committed (user + system, this process): unlike latency, it barely moves with the machine's load.
  let cpuAt = process.cpuUsage();
  let opsSince = 0;
  let lastCommitAt = -Infinity;
  let lastAppend: AppendTiming | null = null;
  Journal.onAppend = (t) => {
    lastAppend = t;
  };
  // Event-loop utilisation per second, kept for the seconds in which operations were committed (the surge, not the pauses).
  let elu = performance.eventLoopUtilization();
  let commitsThisSecond = 0;
  const busySeconds: number[] = [];
  setInterval(() => {
    const now = performance.eventLoopUtilization();
    if (commitsThisSecond > 0) busySeconds.push(performance.eventLoopUtilization(now, elu).utilization);
    elu = now;
    commitsThisSecond = 0;
  }, 1000).unref();
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const submit = hub.submit.bind(hub);
  hub.submit = (raw, who) => {
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && !receivedAt.has(id)) receivedAt.set(id, performance.now());
    return submit(raw, who);
  };
  // Per operation, the write that carried it: with the next write started before a batch is pushed
  // (pipelining), "the last write" is no longer the one of the batch being pushed.
  let unwritten: string[] = [];
  const writeOf = new Map<string, { started: number; ended: number }>();
  const append = store.append.bind(store);
  store.append = (entry) => {
    unwritten.push(entry.op.id);
    append(entry);
  };
  /** One durable write that carried `ids`, started at `started`: each op's write, and the commit's split (a write done at once has no loop turn: 0). */
  const recordWrite = (ids: string[], started: number, loopTurn: number): void => {
    const write = { started, ended: performance.now() };
    for (const id of ids) writeOf.set(id, write);
    commitsThisSecond++;
    const a = lastAppend as AppendTiming | null;
    if (!a || !ids.length) return;
    split.commit.push(write.ended - started);
    split.serialise.push(a.serialised - a.started);
    split.writeCall.push(a.written - a.serialised);
    split.datasync.push(a.synced - a.written);
    split.rest.push(write.ended - a.synced + (a.started - started));
    if (!Number.isNaN(loopTurn)) split.loopTurn.push(loopTurn);
  };
  // A commit done at once (HubStore.commitNow) is timed the same way: its write phase is the append alone.
  const commitNow = store.commitNow?.bind(store);
  if (commitNow) {
    store.commitNow = () => {
      const started = performance.now();
      lastAppend = null;
      if (!commitNow()) return false;
      const ids = unwritten;
      unwritten = [];
      recordWrite(ids, started, 0);
      return true;
    };
  }
  const commit = store.commit.bind(store);
  store.commit = async () => {
    const ids = unwritten;
    unwritten = [];
    const started = performance.now();
    let loopTurn = NaN;
    setImmediate(() => (loopTurn = performance.now() - started));
    lastAppend = null;
    try {
      await commit();
    } catch (e) {
      // Still pending in the store: the retry carries them.
      unwritten = [...ids, ...unwritten];
      throw e;
    }
    recordWrite(ids, started, loopTurn);
  };
  let beforePush = 0;
  hub.prependListener('committed', () => {
    beforePush = performance.now();
  });
  hub.on('committed', (entries) => {
    const now = performance.now();
    batchSizes.push(entries.length);
    // A commit after two quiet seconds starts a surge: the sign-ins and connections before it are not its cost.
    if (now - lastCommitAt > 2000) {
      cpuAt = process.cpuUsage();
      opsSince = 0;
    }
    lastCommitAt = now;
    opsSince += entries.length;
    for (const e of entries) {
      const t = receivedAt.get(e.op.id);
      const write = writeOf.get(e.op.id);
      writeOf.delete(e.op.id);
      if (t === undefined) continue;
      phases.internal.push(now - t);
      // A cluster node writes in its shared log's transaction, never through store.commit: its total only, no phases.
      if (!write) {
        receivedAt.delete(e.op.id);
        continue;
      }
      phases.queued.push(write.started - t);
      phases.write.push(write.ended - write.started);
      phases.apply.push(beforePush - write.ended);
      phases.push.push(now - beforePush);
      receivedAt.delete(e.op.id);
    }
  });

  process.on('message', (raw) => {
    const m = raw as { cmd: string };
    void (async () => {
      if (m.cmd === 'internal') {
        const sorted = [...batchSizes].sort((a, b) => a - b);
        const cpu = process.cpuUsage(cpuAt);
        const report: HubPhases = {
          queued: dist(phases.queued),
          write: dist(phases.write),
          apply: dist(phases.apply),
          push: dist(phases.push),
          batchOps: { p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0, batches: sorted.length },
          eventLoopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
          cpuMsPerOp: opsSince ? Math.round(((cpu.user + cpu.system) / 1000 / opsSince) * 1000) / 1000 : 0,
          eventLoopUtilization: busySeconds.length ? Math.round((busySeconds.reduce((a, b) => a + b, 0) / busySeconds.length) * 1000) / 1000 : 0,
          writeSplit: {
            commit: dist(split.commit),
            serialise: dist(split.serialise),
            writeCall: dist(split.writeCall),
            datasync: dist(split.datasync),
            rest: dist(split.rest),
            loopTurn: dist(split.loopTurn),
          },
        };
        for (const k of Object.keys(split) as Array<keyof typeof split>) split[k] = [];
        busySeconds.length = 0;
        cpuAt = process.cpuUsage();
        opsSince = 0;
        process.send!({ internal: phases.internal, phases: report });
        for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] = [];
        batchSizes.length = 0;
        loopDelay.reset();
        receivedAt.clear();
      } else if (m.cmd === 'cpu') {
        const u = process.cpuUsage();
        process.send!({ cpuMs: (u.user + u.system) / 1000 });
      } else if (m.cmd === 'stats') {
        const usage = process.resourceUsage();
        const data = await dirBytes(dataDir);
        process.send!({
          seq: hub.seq,
          peakRssMb: usage.maxRSS / 1024,
          rssMb: process.memoryUsage.rss() / 2 ** 20,
          cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
          dataBytes: data.bytes,
          dataFiles: data.files,
          tailBytes: await newestSegmentBytes(join(dataDir, 'log')),
        });
      } else if (m.cmd === 'exit') {
        await running.close();
        await rm(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
  process.send!({ ready: true, url: running.url });
}

async function newestSegmentBytes(dir: string): Promise<number> {
  // A cluster node has no log directory: its log is in PostgreSQL.
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.startsWith('seg-')).sort();
  const last = names[names.length - 1];
  return last ? (await stat(join(dir, last))).size : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
