/**
 * History growth: cost per acknowledged operation with 1,000 and with 100,000 operations
 * already stored, on the real hub and store (no sockets: this isolates the hub's own cost).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { makeOp, type Ack, type Op, type OpBody } from '../core/index.ts';
import { CHECKPOINT_EVERY, Hub, type Identity } from '../server/hub.ts';
import { Store } from '../server/store.ts';
import { seedDemoIfEmpty } from '../server/seed.ts';
import { round } from './stats.ts';
import { runChild } from './child-main.ts';

export interface Window {
  storedBefore: number;
  ops: number;
  /** Everything, including the window's checkpoint and whatever stalls it caused. */
  wallMsPerOp: number;
  /** The median wave (create, claim, deliver of 50 requests), per operation: the steady cost. */
  medianWaveMsPerOp: number;
  /** The slowest wave: where a checkpoint write held commits up. */
  slowestWaveMs: number;
  /**
   * A wave is three group commits one after the other (50 creates, then 50 claims, then 50 deliveries),
   * so its time is three commits' work, not one commit's wait. Each commit here: from the first of its
   * 50 submits to the last acknowledgement, the slowest and the median ("no commit waits more than 50 ms").
   */
  slowestCommitMs: number;
  medianCommitMs: number;
  cpuMsPerOp: number;
  checkpointsWritten: number;
}

export interface HistoryResult {
  at1k: Window;
  at100k: Window;
  ratioWall: number;
  ratioMedianWave: number;
  ratioCpu: number;
  /** A crash restart: latest checkpoint plus the operations after it. */
  restartMs: number;
  replayedOnRestart: number;
  requestsInState: number;
  dataBytes: number;
  dataFiles: number;
  buildSeconds: number;
}

const KIOSK: Identity = { kind: 'kiosk', device: 'bench-history-kiosk', gate: 'K32' };
const AGENT: Identity = { kind: 'staff', id: 'A101' };
const WAVE = 50;

function op(actor: Op['actor'], body: OpBody): Op {
  return makeOp({ actor, device: actor.kind === 'kiosk' ? actor.id : `tablet-${actor.id}`, at: new Date() }, body);
}

/** `waves` rounds of WAVE requests: all created together, then claimed, then delivered (3 group commits). */
async function lifecycle(hub: Hub, waves: number, wave = WAVE, times: number[] = [], commits: number[] = []): Promise<number> {
  let acked = 0;
  for (let w = 0; w < waves; w++) {
    const started = performance.now();
    const ids = Array.from({ length: wave }, () => uuidv7());
    const run = async (make: (id: string) => [Op, Identity]): Promise<void> => {
      const c0 = performance.now();
      const acks: Ack[] = await Promise.all(ids.map((id) => hub.submit(...make(id))));
      commits.push(performance.now() - c0);
      acked += acks.filter((a) => a.ok).length;
    };
    await run((id) => [
      op(
        { kind: 'kiosk', id: 'bench-history-kiosk' },
        {
          type: 'request.create',
          payload: {
            requestId: id,
            gate: 'K32',
            flightNumber: 'AF1634',
            surname: 'Bench',
            needs: ['water'],
            party: { adults: 1, children: 0, infants: 0 },
            language: 'en',
            note: '',
          },
        },
      ),
      KIOSK,
    ]);
    await run((id) => [op({ kind: 'staff', id: 'A101' }, { type: 'request.claim', payload: { requestId: id } }), AGENT]);
    await run((id) => [op({ kind: 'staff', id: 'A101' }, { type: 'request.deliver', payload: { requestId: id } }), AGENT]);
    times.push(performance.now() - started);
  }
  return acked;
}

/** Waves run after a checkpoint period while its checkpoint is still being written, at most. */
const MAX_WAVES_AFTER = 2000;

async function measure(hub: Hub, store: Store): Promise<Window> {
  const storedBefore = hub.seq;
  const cp = store.checkpointSeq;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // One checkpoint period (CHECKPOINT_EVERY operations), so each window pays for one checkpoint, as a long day does.
  const waves: number[] = [];
  const commits: number[] = [];
  let ops = await lifecycle(hub, Math.ceil(CHECKPOINT_EVERY / (3 * WAVE)), WAVE, waves, commits);
  // The period's checkpoint starts near its end and is written while commits go on: keep committing
  // until it is written, so every commit made during the checkpoint write is measured, not only the first few.
  for (let extra = 0; store.checkpointSeq === cp && extra < MAX_WAVES_AFTER; extra++) ops += await lifecycle(hub, 1, WAVE, waves, commits);
  if (store.checkpointSeq === cp) throw new Error(`no checkpoint was written within ${MAX_WAVES_AFTER} waves after the period`);
  waves.sort((a, b) => a - b);
  commits.sort((a, b) => a - b);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    storedBefore,
    ops,
    wallMsPerOp: round(wall / ops, 3),
    medianWaveMsPerOp: round(waves[Math.floor(waves.length / 2)]! / (3 * WAVE), 3),
    slowestWaveMs: round(waves[waves.length - 1]!),
    slowestCommitMs: round(commits[commits.length - 1]!),
    medianCommitMs: round(commits[Math.floor(commits.length / 2)]!),
    cpuMsPerOp: round((cpu.user + cpu.system) / 1000 / ops, 3),
    checkpointsWritten: Math.round((store.checkpointSeq - cp) / CHECKPOINT_EVERY),
  };
}

async function fillTo(hub: Hub, target: number): Promise<void> {
  while (hub.seq + 3 * 500 <= target) await lifecycle(hub, 1, 500);
  while (hub.seq + 3 <= target) await lifecycle(hub, 1, 1);
}

async function dirBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += (await stat(join(e.parentPath, e.name))).size;
    files++;
  }
  return { bytes, files };
}

/** The same work on a throwaway hub first, so the 1,000 window does not pay for compiling the code. */
async function warmUp(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gatecare-warmup-'));
  const store = await Store.open(dir);
  const seeded = await seedDemoIfEmpty(store);
  const hub = new Hub(store);
  if (seeded) await seeded(hub);
  await lifecycle(hub, 20);
  await hub.close();
  await rm(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  await warmUp();
  const dir = await mkdtemp(join(tmpdir(), 'gatecare-history-'));
  const store = await Store.open(dir);
  const seeded = await seedDemoIfEmpty(store);
  let hub = new Hub(store);
  if (seeded) await seeded(hub);

  const t0 = performance.now();
  await fillTo(hub, 1000);
  const at1k = await measure(hub, store);
  await fillTo(hub, 100_000);
  const buildSeconds = round((performance.now() - t0) / 1000);
  const at100k = await measure(hub, store);
  await hub.flush();
  const requestsInState = Object.keys(hub.current.requests).length;
  const seq = hub.seq;

  // As after a crash: no close(), so no fresh checkpoint; the restart replays what came after the last one.
  const r0 = performance.now();
  const reopened = await Store.open(dir);
  hub = new Hub(reopened);
  const restartMs = round(performance.now() - r0);
  if (hub.seq !== seq) throw new Error(`restart lost operations: ${hub.seq} instead of ${seq}`);
  const data = await dirBytes(dir);
  const result: HistoryResult = {
    at1k,
    at100k,
    ratioWall: round(at100k.wallMsPerOp / at1k.wallMsPerOp, 2),
    ratioCpu: round(at100k.cpuMsPerOp / at1k.cpuMsPerOp, 2),
    ratioMedianWave: round(at100k.medianWaveMsPerOp / at1k.medianWaveMsPerOp, 2),
    restartMs,
    replayedOnRestart: seq - reopened.checkpointSeq,
    requestsInState,
    dataBytes: data.bytes,
    dataFiles: data.files,
    buildSeconds,
  };
  await rm(dir, { recursive: true, force: true });
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result, null, 2));
}

runChild(main);
