import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { EVENTS, replay, type Ack, type Actor, type HubState, type LogEntry, type Op, type OpBody, type PullResult } from '../../core/index.ts';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { freePort, spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { removeDir, tempDataDir } from '../helpers/hub.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { loginToken, waitFor } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';

/** Seeded, so a failing run can be replayed with GATECARE_CRASH_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const KILLS = Number(process.env.GATECARE_CRASH_KILLS ?? 8);

/**
 * A device speaking the raw protocol that keeps every operation until the hub answers it,
 * resends unanswered ones after a reconnect, and records every acknowledgement it saw.
 */
class Streamer {
  readonly acked = new Map<string, number>();
  readonly refused = new Map<string, Ack>();
  readonly pending: Op[] = [];
  private readonly socket: Socket;
  private stopping = false;
  readonly done: Promise<void>;

  constructor(
    url: string,
    auth: Record<string, unknown>,
    private readonly actor: Actor,
    private readonly next: () => OpBody | null,
    private readonly onAck: (o: Op) => void,
    private readonly rand: () => number,
  ) {
    this.socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 400 });
    this.done = this.loop();
  }

  stop(): void {
    this.stopping = true;
  }

  private async loop(): Promise<void> {
    while (!this.stopping || this.pending.length) {
      if (!this.socket.connected) {
        await sleep(50);
        continue;
      }
      let o = this.pending[0];
      if (!o && !this.stopping) {
        const body = this.next();
        if (body) {
          o = op(this.actor, body);
          this.pending.push(o);
        }
      }
      if (!o) {
        await sleep(20);
        continue;
      }
      let ack: Ack;
      try {
        ack = (await this.socket.timeout(1500).emitWithAck(EVENTS.submit, o)) as Ack;
      } catch {
        continue; // no answer (the hub died): send the same operation again
      }
      if (!ack.ok && (ack.code === 'rate_limited' || ack.code === 'storage')) {
        await sleep(200);
        continue;
      }
      this.pending.shift();
      if (ack.ok) {
        this.acked.set(o.id, ack.seq);
        this.onAck(o);
      } else this.refused.set(o.id, ack);
      await sleep(this.rand() * 25);
    }
    this.socket.disconnect();
  }
}

/** A duty manager who pulls everything after the last seq it has: the whole log, through the protocol. */
class LogCollector {
  readonly entries = new Map<number, LogEntry>();
  seq: number;
  private readonly socket: Socket;
  private timer: ReturnType<typeof setInterval>;
  private busy = false;
  snapshotsSeen = 0;

  constructor(url: string, token: string, from: number) {
    this.seq = from;
    this.socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 400 });
    // Well under the hub's per-device pull allowance (2 a second), as a real device would be.
    this.timer = setInterval(() => void this.pull(), 600);
  }

  async pull(): Promise<void> {
    if (this.busy || !this.socket.connected) return;
    this.busy = true;
    try {
      const r = (await this.socket.timeout(2000).emitWithAck(EVENTS.pull, { after: this.seq })) as PullResult | { error: string };
      if ('error' in r) throw new Error(r.error);
      if (r.kind === 'snapshot') {
        if (r.upTo !== this.seq) this.snapshotsSeen++;
        return;
      }
      for (const e of r.entries) {
        const known = this.entries.get(e.seq);
        if (known && known.op.id !== e.op.id) throw new Error(`seq ${e.seq} was ${known.op.id}, now ${e.op.id}: the hub lost an entry`);
        this.entries.set(e.seq, e);
      }
      this.seq = Math.max(this.seq, r.upTo);
    } catch (e) {
      if ((e as Error).message.includes('lost an entry')) throw e;
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.socket.disconnect();
  }
}

async function snapshotOf(url: string, auth: Record<string, unknown>): Promise<{ state: HubState; upTo: number }> {
  const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    await new Promise<void>((ok, fail) => {
      socket.once('connect', ok);
      socket.once('connect_error', fail);
    });
    const r = (await socket.timeout(5000).emitWithAck(EVENTS.pull, { after: 0 })) as PullResult | { error: string };
    if ('error' in r || r.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(r).slice(0, 200)}`);
    return { state: r.state, upTo: r.upTo };
  } finally {
    socket.disconnect();
  }
}

describe('the hub killed with SIGKILL at random moments under load', () => {
  let dir = '';
  let hub: HubProcess | null = null;
  afterAll(async () => {
    await hub?.kill();
    if (dir) await removeDir(dir);
  });

  it('loses no acknowledged operation, applies none twice, and every device converges after restart', async () => {
    const seed = Number(process.env.GATECARE_CRASH_SEED ?? Math.floor(Math.random() * 1_000_000));
    const rand = prng(seed);
    const note = `(seed ${seed}; rerun with GATECARE_CRASH_SEED=${seed})`;
    dir = await tempDataDir();
    const port = await freePort();
    const env = { PORT: String(port), GATECARE_DATA: dir };
    hub = await spawnHub(env);
    const url = hub.url;

    const dmToken = await loginToken(url, 'M201', '7319');
    const base = await snapshotOf(url, { token: dmToken });
    const collector = new LogCollector(url, dmToken, base.upTo);

    // Raw devices: two kiosks create requests, an agent claims then delivers them, the duty manager sets stock.
    const toClaim: string[] = [];
    const toDeliver: string[] = [];
    const kiosks = await Promise.all(['K32', 'K33'].map((g) => enrollKiosk(url, g)));
    const agentToken = await loginToken(url, 'A105', '4826');
    const streamers = [
      ...kiosks.map(
        (k) =>
          new Streamer(
            url,
            k.auth,
            { kind: 'kiosk', id: k.device },
            () => createRequest({ gate: k.gate }),
            (o) => {
              if (o.type === 'request.create') toClaim.push(o.payload.requestId);
            },
            rand,
          ),
      ),
      new Streamer(
        url,
        { token: agentToken },
        { kind: 'staff', id: 'A105' },
        () => {
          const claim = toClaim.shift();
          if (claim) return { type: 'request.claim', payload: { requestId: claim } };
          const deliver = toDeliver.shift();
          return deliver ? { type: 'request.deliver', payload: { requestId: deliver } } : null;
        },
        (o) => {
          if (o.type === 'request.claim') toDeliver.push(o.payload.requestId);
        },
        rand,
      ),
      new Streamer(
        url,
        { token: dmToken },
        { kind: 'staff', id: 'M201' },
        () => ({
          type: 'stock.set',
          payload: { gate: `K${30 + Math.floor(rand() * 20)}`, item: 'water', quantity: Math.floor(rand() * 100) },
        }),
        () => {},
        rand,
      ),
    ];

    // The real sync client, as the apps use it: a kiosk at K34 and agent A101, each with its outbox.
    const k34 = await enrollKiosk(url, 'K34');
    const kioskClient = new SyncClient({
      url,
      auth: k34.auth,
      actor: { kind: 'kiosk', id: k34.device },
      device: k34.device,
      storage: new MemorySyncStorage(),
      ackTimeoutMs: 1500,
    });
    const a101Token = await loginToken(url, 'A101', '2468');
    const agentClient = new SyncClient({
      url,
      auth: { token: a101Token },
      actor: { kind: 'staff', id: 'A101' },
      device: 'tablet-a101',
      storage: new MemorySyncStorage(),
      ackTimeoutMs: 1500,
    });
    await kioskClient.start();
    await agentClient.start();
    const clientOps: Op[] = [];
    const claimedByClient = new Set<string>();
    let clientsWorking = true;
    const clientLoop = (async () => {
      while (clientsWorking) {
        clientOps.push(await kioskClient.submit(createRequest({ gate: 'K34' })));
        for (const r of Object.values(agentClient.getSnapshot().state.requests)) {
          if (r.gate === 'K34' && r.status === 'received' && !claimedByClient.has(r.id)) {
            claimedByClient.add(r.id);
            clientOps.push(await agentClient.submit({ type: 'request.claim', payload: { requestId: r.id } }));
          }
        }
        await sleep(100 + rand() * 150);
      }
    })();

    // Kill and restart, many times, at random moments.
    let ackedAtKills = 0;
    for (let round = 0; round < KILLS; round++) {
      const ackedBefore = streamers.reduce((n, s) => n + s.acked.size, 0);
      await sleep(300 + rand() * 1200);
      await hub.kill('SIGKILL');
      const ackedAtKill = streamers.reduce((n, s) => n + s.acked.size, 0);
      if (ackedAtKill > ackedBefore) ackedAtKills++;
      await sleep(rand() * 300);
      hub = await spawnHub(env);
    }

    // Let everything drain on the last hub.
    await sleep(500);
    clientsWorking = false;
    await clientLoop;
    for (const s of streamers) s.stop();
    await Promise.all(streamers.map((s) => s.done));
    await waitFor(
      () => kioskClient.getSnapshot().pending.length === 0 && agentClient.getSnapshot().pending.length === 0,
      `sync outboxes to empty ${note}`,
      30_000,
    );
    const health = async (): Promise<number> => ((await (await fetch(`${url}/api/health`)).json()) as { seq: number }).seq;
    const finalSeq = await health();
    await waitFor(() => collector.seq >= finalSeq, `the log collector to reach seq ${finalSeq} ${note}`, 15_000);
    collector.close();

    // The log as the hub serves it: contiguous, each operation once.
    const log = [...collector.entries.values()].sort((a, b) => a.seq - b.seq);
    expect(
      log.map((e) => e.seq),
      note,
    ).toEqual(Array.from({ length: finalSeq - base.upTo }, (_, i) => base.upTo + 1 + i));
    const seqOf = new Map<string, number>();
    for (const e of log) {
      expect(seqOf.has(e.op.id), `operation ${e.op.id} applied twice ${note}`).toBe(false);
      seqOf.set(e.op.id, e.seq);
    }

    // Every acknowledgement any device saw holds: the operation is there, at the seq it was told.
    let acked = 0;
    for (const s of streamers) {
      expect(s.refused.size, `${[...s.refused.values()].map((a) => !a.ok && a.reason).join('; ')} ${note}`).toBe(0);
      for (const [id, seq] of s.acked) {
        expect(seqOf.get(id), `acknowledged op ${id} at seq ${seq} ${note}`).toBe(seq);
        acked++;
      }
    }
    // And every operation the sync clients queued reached the hub exactly once.
    expect(kioskClient.getSnapshot().rejected).toEqual([]);
    expect(agentClient.getSnapshot().rejected).toEqual([]);
    for (const o of clientOps) expect(seqOf.has(o.id), `sync client op ${o.type} ${o.id} ${note}`).toBe(true);

    // The state the hub holds equals replaying its log from where we started.
    const final = await snapshotOf(url, { token: dmToken });
    expect(final.upTo).toBe(finalSeq);
    const replayed = replay(base.state, log);
    expect(replayed.failed).toEqual([]);
    expect(replayed.state).toEqual(final.state);

    // The sync clients converged on what the hub holds for them.
    // A device's seq only follows what it may see (the hub pushes nothing about other gates), so
    // catching up means holding the same requests as the hub's view for it, not reaching the hub's seq.
    const agentView = await snapshotOf(url, { token: a101Token });
    const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);
    await waitFor(() => same(agentClient.getSnapshot().state.requests, agentView.state.requests), `agent client to catch up ${note}`, 15_000).catch(
      () => undefined,
    );
    expect(agentClient.getSnapshot().state.requests).toEqual(agentView.state.requests);
    const kioskView = await snapshotOf(url, k34.auth);
    const statuses = (s: HubState): Record<string, string> => Object.fromEntries(Object.values(s.requests).map((r) => [r.id, r.status]));
    await waitFor(() => same(statuses(kioskClient.getSnapshot().state), statuses(kioskView.state)), `kiosk client to catch up ${note}`, 15_000).catch(
      () => undefined,
    );
    expect(statuses(kioskClient.getSnapshot().state)).toEqual(statuses(kioskView.state));
    kioskClient.stop();
    agentClient.stop();

    console.log(
      `crash test ${note}: ${KILLS} SIGKILLs, ${ackedAtKills} of them while acknowledgements were flowing; ` +
        `${acked} raw + ${clientOps.length} sync-client operations, log ${base.upTo + 1}..${finalSeq}`,
    );
    expect(acked).toBeGreaterThan(KILLS * 5);
    expect(ackedAtKills).toBeGreaterThan(KILLS / 2);
  }, 180_000);
});
