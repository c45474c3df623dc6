import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { connectDevice, loginToken, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, LUCAS, createRequest, op } from '../helpers/ops.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import type { RunningHub } from '../../server/app.ts';
import { COMMIT_CHANNEL } from '../../server/pg/pg-store.ts';

describe('several hubs on one PostgreSQL', () => {
  const env = usePostgres();
  const devices: TestDevice[] = [];

  async function device(hub: RunningHub, auth: Record<string, unknown>): Promise<TestDevice> {
    const d = await connectDevice(hub.url, auth);
    devices.push(d);
    return d;
  }
  async function staff(hub: RunningHub, id: string, pin: string): Promise<TestDevice> {
    return device(hub, { token: await loginToken(hub.url, id, pin) });
  }
  async function kiosk(hub: RunningHub, gate = 'K32'): Promise<{ d: TestDevice; me: { kind: 'kiosk'; id: string } }> {
    const k = await enrollKiosk(hub.url, gate);
    return { d: await device(hub, k.auth), me: { kind: 'kiosk', id: k.device } };
  }
  const closeDevices = (): void => {
    for (const d of devices.splice(0)) d.close();
  };

  it('runs the migrations once, in a table, and keeps each acknowledged operation in the database across restarts', async () => {
    const airport = env.airport();
    const a = await env.node(airport);
    expect((await env.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name)).toEqual(['001_log.sql', '002_push.sql']);
    const { d: k, me } = await kiosk(a);
    const body = createRequest();
    const ack = await k.submit(op(me, body));
    expect(ack).toMatchObject({ ok: true });
    if (!ack.ok) return;
    // Acknowledged means committed: the row is there for anyone reading the database.
    const rows = await env.query<{ seq: string; op_id: string }>('SELECT seq, op_id FROM log_entries WHERE airport = $1 AND op_id = $2', [
      airport,
      ack.opId,
    ]);
    expect(rows).toEqual([{ seq: String(ack.seq), op_id: ack.opId }]);
    // A duplicate is answered with the original result and stored once.
    expect(await k.submit(op(me, body))).toMatchObject({ ok: false });
    const again = await k.submit({ ...(await env.query<{ op: object }>('SELECT op FROM log_entries WHERE op_id = $1', [ack.opId]))[0]!.op });
    expect(again).toEqual(ack);

    const state = a.hub.durableState;
    closeDevices();
    await env.closeNodes();
    const b = await env.node(airport);
    expect(b.hub.seq).toBe(ack.seq);
    expect(JSON.stringify(b.hub.durableState)).toBe(JSON.stringify(state));
    expect((await env.query('SELECT name FROM schema_migrations')).length).toBe(2);
  });

  it('pushes to every node what any node committed, and two agents claiming one request on different nodes: exactly one wins, everywhere', async () => {
    const airport = env.airport();
    const a = await env.node(airport);
    const b = await env.node(airport, { seedDemo: false });
    const c = await env.node(airport, { seedDemo: false });
    expect(b.hub.seq).toBe(a.hub.seq);
    const { d: k, me } = await kiosk(a);
    const amira = await staff(b, 'A101', '2468');
    const lucas = await staff(c, 'A102', '1357');
    const body = createRequest();
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    const created = await k.submit(op(me, body));
    expect(created).toMatchObject({ ok: true });
    // Each tablet is on another node than the kiosk, and sees the request live.
    for (const t of [amira, lucas]) {
      await waitFor(() => t.received.flatMap((m) => m.entries).some((e) => e.op.id === created.opId), 'the request pushed on another node');
    }
    const claims = [op(AMIRA, { type: 'request.claim', payload: { requestId } }), op(LUCAS, { type: 'request.claim', payload: { requestId } })];
    const [x, y] = await Promise.all([amira.submit(claims[0]), lucas.submit(claims[1])]);
    expect([x, y].filter((r) => r.ok)).toHaveLength(1);
    const loser = [x, y].find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, reason: expect.stringMatching(/claimed/i) });
    const winner = x.ok ? 'A101' : 'A102';
    const last = Math.max(x.ok ? x.seq : 0, y.ok ? y.seq : 0);
    for (const n of [a, b, c]) {
      await waitFor(() => n.hub.durableSeq >= last, `node ${n.url} caught up`);
      expect(n.hub.durableState.requests[requestId]).toMatchObject({ status: 'claimed', claimedBy: winner });
    }
    expect(JSON.stringify(b.hub.durableState)).toBe(JSON.stringify(a.hub.durableState));
    expect(JSON.stringify(c.hub.durableState)).toBe(JSON.stringify(a.hub.durableState));
    // Sent again (to its own node), the losing claim gets the same refusal and changes nothing.
    const [loserOp, loserDevice] = loser === x ? [claims[0], amira] : [claims[1], lucas];
    expect(await loserDevice.submit(loserOp)).toEqual(loser);
    // A kiosk enrolled on one node may connect to any other: the nodes share secret and enrolments.
    const k2 = await enrollKiosk(c.url, 'K33');
    const onA = await device(a, k2.auth);
    expect(onA.socket.connected).toBe(true);
    closeDevices();
  });

  it('orders many operations from several nodes into one gap-free log with each operation once (group commit)', async () => {
    const airport = env.airport();
    const nodes = [await env.node(airport), await env.node(airport, { seedDemo: false }), await env.node(airport, { seedDemo: false })];
    const kiosks = await Promise.all(nodes.map((n) => kiosk(n)));
    // Every commit announces its last seq once on the channel: count the commits.
    const listener = new pg.Client({ connectionString: env.db.url });
    await listener.connect();
    const commits: number[] = [];
    listener.on('notification', (n) => {
      const [who, seq] = (n.payload ?? '').split(' ');
      if (who === airport) commits.push(Number(seq));
    });
    await listener.query(`LISTEN ${COMMIT_CHANNEL}`);
    const before = nodes[0]!.hub.durableSeq;
    const acks = (await Promise.all(kiosks.map(({ d, me }) => Promise.all(Array.from({ length: 40 }, () => d.submit(op(me, createRequest())))))))
      .flat()
      .filter((a) => a.ok);
    expect(acks).toHaveLength(120);
    const seqs = acks.map((a) => (a.ok ? a.seq : 0)).sort((p, q) => p - q);
    expect(new Set(seqs).size).toBe(120);
    const log = await env.query<{ seq: string }>('SELECT seq FROM log_entries WHERE airport = $1 ORDER BY seq', [airport]);
    expect(log.map((r, i) => Number(r.seq) - i)).toEqual(log.map(() => 1));
    const top = seqs[seqs.length - 1]!;
    for (const n of nodes) await waitFor(() => n.hub.durableSeq >= top, 'every node caught up');
    const states = nodes.map((n) => JSON.stringify(n.hub.durableState));
    expect(new Set(states).size).toBe(1);
    // Fewer transactions than operations: a commit takes every operation queued meanwhile.
    await waitFor(() => commits.some((s) => s >= top), 'the last commit announced');
    await listener.end();
    const ours = commits.filter((s) => s > before);
    expect(ours.length).toBeLessThan(120);
    closeDevices();
  });
});
