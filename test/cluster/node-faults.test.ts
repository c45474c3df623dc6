import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import type { Op } from '../../core/index.ts';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { freePort, spawnHub, type HubProcess } from '../helpers/hub-process.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { connectDevice, loginToken, waitFor } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';

const KIOSK_GATES = ['K32', 'K33', 'K34', 'K35', 'K36', 'K37'];
const PER_KIOSK = 20;

interface Device {
  client: SyncClient;
  /** Index of the node it first connected to. */
  home: number;
  sent: Op[];
}

describe('faults with several hubs on one PostgreSQL', () => {
  const env = usePostgres();
  const procs: HubProcess[] = [];
  const clients: SyncClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.stop();
    await Promise.all(procs.splice(0).map((p) => p.kill('SIGKILL')));
  });

  function syncClient(url: string, urls: string[], auth: Record<string, unknown>, actor: Op['actor'], device: string): SyncClient {
    const c = new SyncClient({ url, urls, auth, actor, device, storage: new MemorySyncStorage() });
    clients.push(c);
    return c;
  }

  /**
   * Kiosks submit requests one after another, spread over all nodes, PER_KIOSK each and on until `until()`
   * holds (a fault under way); resolves once all are written to their outboxes.
   */
  async function stream(devices: Device[], gates: string[], during: (sentSoFar: number) => void, until: () => boolean = () => true): Promise<void> {
    let sent = 0;
    await Promise.all(
      devices.map(async (d, i) => {
        for (let n = 0; n < PER_KIOSK || !until(); n++) {
          d.sent.push(await d.client.submit(createRequest({ gate: gates[i]! })));
          during(++sent);
          // Slower once past the planned stream: it only has to last until the faults are over.
          await new Promise((r) => setTimeout(r, n < PER_KIOSK ? 25 : 100));
        }
      }),
    );
  }

  async function drained(devices: SyncClient[], ms: number): Promise<void> {
    await waitFor(
      () => devices.every((c) => c.getSnapshot().connected && c.getSnapshot().pending.length === 0),
      'every outbox emptied by acknowledgements',
      ms,
    );
    for (const c of devices) expect(c.getSnapshot().rejected).toEqual([]);
  }

  async function expectEachOnce(airport: string, ops: Op[]): Promise<void> {
    const rows = await env.query<{ op_id: string; n: string }>(
      'SELECT op_id, count(*) AS n FROM log_entries WHERE airport = $1 AND op_id = ANY($2) GROUP BY op_id',
      [airport, ops.map((o) => o.id)],
    );
    expect(rows.length).toBe(ops.length);
    expect(rows.every((r) => r.n === '1')).toBe(true);
    const seqs = (await env.query<{ seq: string }>('SELECT seq FROM log_entries WHERE airport = $1 ORDER BY seq', [airport])).map((r) =>
      Number(r.seq),
    );
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  }

  it('kill -9 of two nodes in a row mid-stream (devices killed twice): every acknowledged operation stored once, the same state everywhere, every device caught up', async () => {
    const airport = env.airport();
    // The nodes that die are processes of their own (kill -9 is real); the one that lives runs in this process,
    // and both victims start together, which spares the suite slow process starts on a busy machine.
    const first = await env.node(airport);
    const ports = [await freePort(), await freePort()];
    const victims = await Promise.all(
      ports.map(async (port, i) =>
        spawnHub({
          PORT: String(port),
          GATECARE_DATABASE_URL: env.db.url,
          GATECARE_AIRPORT: airport,
          GATECARE_DEMO: '0',
          GATECARE_DATA: await mkdtemp(join(tmpdir(), `gatecare-victim${i}-`)),
        }),
      ),
    );
    procs.push(...victims);
    const urls = [first.url, ...ports.map((p) => `http://127.0.0.1:${p}`)];
    const seeded = ((await (await fetch(`${urls[0]}/api/health`)).json()) as { seq: number }).seq;
    for (const u of urls) {
      let seq = -1;
      for (let i = 0; i < 200 && seq < seeded; i++) {
        if (i) await new Promise((r) => setTimeout(r, 50));
        seq = ((await (await fetch(`${u}/api/health`)).json()) as { seq: number }).seq;
      }
      expect(seq).toBe(seeded);
    }
    // Each device's list of hubs: its own first, then the next in this order. Devices of node 1 move to node 2
    // when node 1 dies, and so die again with node 2, then move to node 0.
    const order = (home: number): string[] => [0, 1, 2].map((k) => urls[(home + k) % 3]!);

    const kiosks: Device[] = [];
    for (const [i, gate] of KIOSK_GATES.entries()) {
      const home = i % 3;
      const k = await enrollKiosk(urls[home]!, gate);
      kiosks.push({ client: syncClient(urls[home]!, order(home), k.auth, { kind: 'kiosk', id: k.device }, k.device), home, sent: [] });
    }
    const managers: Device[] = [];
    for (let home = 0; home < 3; home++) {
      const token = await loginToken(urls[home]!, 'M201', '7319');
      managers.push({ client: syncClient(urls[home]!, order(home), { token }, { kind: 'staff', id: 'M201' }, `manager-${home}`), home, sent: [] });
    }
    const all = [...kiosks, ...managers];
    await Promise.all(all.map((d) => d.client.start()));
    await waitFor(() => all.every((d) => d.client.getSnapshot().connected), 'every device connected');

    // Every change of each device's connection, timed: a failover is measured from the device's own drop to its reconnection.
    const changes = new Map<SyncClient, Array<{ at: number; connected: boolean }>>();
    for (const d of all) {
      const seen: Array<{ at: number; connected: boolean }> = [];
      changes.set(d.client, seen);
      d.client.subscribe((snap) => {
        if (seen[seen.length - 1]?.connected !== snap.connected) seen.push({ at: Date.now(), connected: snap.connected });
      });
    }
    const backAfter = (c: SyncClient, killedAt: number): number | null => {
      const seen = changes.get(c)!.filter((e) => e.at >= killedAt);
      const drop = seen.findIndex((e) => !e.connected);
      return drop < 0 ? null : (seen.slice(drop).find((e) => e.connected)?.at ?? null);
    };
    const failovers: number[] = [];
    let kills: Promise<void> | null = null;
    let killsDone = false;
    /** Kills victim `v`, then waits until each of `orphans` dropped and came back elsewhere. */
    const killAndWait = async (v: number, orphans: SyncClient[]): Promise<void> => {
      const killedAt = Date.now();
      victims[v]!.proc.kill('SIGKILL');
      await waitFor(() => orphans.every((c) => backAfter(c, killedAt) !== null), `the devices of killed node ${v + 1} reconnected elsewhere`, 15_000);
      failovers.push(Math.max(...orphans.map((c) => backAfter(c, killedAt)!)) - killedAt);
    };
    const onNode = (home: number): SyncClient[] => all.filter((d) => d.home === home).map((d) => d.client);

    await stream(
      kiosks,
      KIOSK_GATES,
      (sent) => {
        if (sent !== 30) return;
        kills = (async () => {
          await killAndWait(0, onNode(1));
          // Node 2 now holds its own devices and those that just came over from node 1.
          await killAndWait(1, [...onNode(1), ...onNode(2)]);
          killsDone = true;
        })();
      },
      () => killsDone,
    );
    await kills;
    await drained(
      all.map((d) => d.client),
      30_000,
    );
    console.log(`cluster faults: after each kill -9, devices of the killed node back on another node within ${failovers.join(' / ')} ms`);
    for (const ms of failovers) expect(ms).toBeLessThan(10_000);

    const sent = kiosks.flatMap((k) => k.sent);
    expect(sent.length).toBeGreaterThanOrEqual(KIOSK_GATES.length * PER_KIOSK);
    await expectEachOnce(airport, sent);

    // The surviving node is at the database's head, and a node started now from the database alone rebuilds the same state.
    const head = Number((await env.query<{ seq: string }>('SELECT seq FROM airports WHERE id = $1', [airport]))[0]!.seq);
    await waitFor(() => first.hub.durableSeq === head, 'the surviving node at the head');
    const fresh = await env.node(airport, { seedDemo: false });
    expect(fresh.hub.durableSeq).toBe(head);
    expect(JSON.stringify(fresh.hub.durableState)).toBe(JSON.stringify(first.hub.durableState));

    // Every device holds what it should: the managers everything up to the head, each kiosk its own requests.
    await waitFor(() => managers.every((m) => m.client.getSnapshot().seq === head), 'every manager tablet caught up', 10_000);
    for (const m of managers) expect(Object.keys(m.client.getSnapshot().state.requests)).toHaveLength(sent.length);
    for (const k of kiosks) {
      const mine = k.sent.map((o) => (o.type === 'request.create' ? o.payload.requestId : ''));
      expect(mine.every((id) => k.client.getSnapshot().state.requests[id])).toBe(true);
    }
  });

  it('PostgreSQL stopped mid-stream: nodes refuse with storage, devices keep their outboxes, everything flows once it is back', async () => {
    const airport = env.airport();
    const a = await env.node(airport);
    const b = await env.node(airport, { seedDemo: false });
    const urls = [a.url, b.url];
    const kiosks: Device[] = [];
    for (const [i, gate] of KIOSK_GATES.slice(0, 4).entries()) {
      const k = await enrollKiosk(urls[i % 2]!, gate);
      const client = syncClient(urls[i % 2]!, urls, k.auth, { kind: 'kiosk', id: k.device }, k.device);
      kiosks.push({ client, home: i % 2, sent: [] });
    }
    const probe = await enrollKiosk(a.url, 'K40');
    const raw = await connectDevice(a.url, probe.auth);
    await Promise.all(kiosks.map((d) => d.client.start()));
    await waitFor(() => kiosks.every((d) => d.client.getSnapshot().connected), 'every kiosk connected');

    let stopping: Promise<void> | null = null;
    await stream(kiosks, KIOSK_GATES.slice(0, 4), (sent) => {
      if (sent === 20) stopping = env.db.stop();
    });
    await stopping;
    // No false acknowledgement: with the database down the node answers storage, and keeps answering it.
    const me = { kind: 'kiosk' as const, id: probe.device };
    const refused = await raw.submit(op(me, createRequest({ gate: 'K40' })));
    expect(refused).toMatchObject({ ok: false, code: 'storage' });
    // What devices do while the database is down stays in their outboxes.
    for (const [i, k] of kiosks.entries()) k.sent.push(await k.client.submit(createRequest({ gate: KIOSK_GATES[i]! })));
    await waitFor(() => kiosks.every((k) => k.client.getSnapshot().connected), 'kiosks still connected to their nodes');
    expect(kiosks.every((k) => k.client.getSnapshot().pending.length > 0)).toBe(true);

    await env.db.start();
    await drained(
      kiosks.map((k) => k.client),
      30_000,
    );
    raw.close();
    const sent = kiosks.flatMap((k) => k.sent);
    await expectEachOnce(airport, sent);
    const head = Number((await env.query<{ seq: string }>('SELECT seq FROM airports WHERE id = $1', [airport]))[0]!.seq);
    await waitFor(() => a.hub.durableSeq === head && b.hub.durableSeq === head, 'both nodes at the head');
    expect(JSON.stringify(b.hub.durableState)).toBe(JSON.stringify(a.hub.durableState));
    expect(a.hub.storageProblem).toBeNull();
  });
});
