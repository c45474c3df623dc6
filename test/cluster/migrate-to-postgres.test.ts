import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { VAPID_FILE } from '../../server/push-keys.ts';
import { v7 as uuidv7 } from 'uuid';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { removeDir, startTestHub, tempDataDir } from '../helpers/hub.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { connectDevice, loginToken } from '../helpers/socket-clients.ts';
import { AMIRA, createRequest, op } from '../helpers/ops.ts';

/** `npm run migrate:to-postgres -- --data <dir>` as a user runs it. */
function migrateCli(dir: string, url: string, airport: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('scripts/migrate-to-postgres.ts'), '--data', dir, '--airport', airport], {
    env: { ...process.env, GATECARE_DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, out })));
}

describe('npm run migrate:to-postgres moves a lowdb data directory into PostgreSQL', () => {
  const env = usePostgres();
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await removeDir(d);
  });

  it('keeps the log, its refusals and the secret: the same log replays to the same state, tokens still open, a second run is refused', async () => {
    const dir = await tempDataDir();
    dirs.push(dir);
    const lowdb = await startTestHub(dir);
    const k = await enrollKiosk(lowdb.url, 'K32');
    const kiosk = await connectDevice(lowdb.url, k.auth);
    const staffToken = await loginToken(lowdb.url, 'A101', '2468');
    const agent = await connectDevice(lowdb.url, { token: staffToken });
    const body = createRequest();
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
    const claim = op(AMIRA, { type: 'request.claim', payload: { requestId } });
    expect(await agent.submit(claim)).toMatchObject({ ok: true });
    // A claim of a request that does not exist: refused, and the refusal is stored.
    const refusedOp = op(AMIRA, { type: 'request.claim', payload: { requestId: uuidv7() } });
    const refused = await agent.submit(refusedOp);
    expect(refused).toMatchObject({ ok: false });
    // A lowdb hub writes a refusal with its next commit.
    expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, createRequest()))).toMatchObject({ ok: true });
    // A phone subscribed to Web Push on the single hub: after the move the cluster still reaches it, with the same key.
    const phoneSub = { endpoint: 'https://push.example/abc', keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) } };
    await lowdb.pushSubscriptions.add(requestId, 0, phoneSub);
    const vapid = JSON.parse(await readFile(join(dir, VAPID_FILE), 'utf8')) as { publicKey: string };
    kiosk.close();
    agent.close();
    const state = JSON.stringify(lowdb.hub.durableState);
    const seq = lowdb.hub.durableSeq;
    await lowdb.close();

    const airport = env.airport();
    const run = await migrateCli(dir, env.db.url, airport);
    expect(run.out).toContain(`Moved ${seq} operations and 1 refusals`);
    expect(run.code).toBe(0);

    const node = await env.node(airport, { seedDemo: false });
    expect(node.hub.durableSeq).toBe(seq);
    expect(JSON.stringify(node.hub.durableState)).toBe(state);
    expect(node.pushSubscriptions.of(requestId)).toEqual([phoneSub]);
    expect(await env.query(`SELECT meta -> 'vapid' ->> 'publicKey' AS key FROM airports WHERE id = $1`, [airport])).toEqual([
      { key: vapid.publicKey },
    ]);
    // The same secret: the agent's session and the kiosk's device token open on the cluster node.
    const again = await connectDevice(node.url, { token: staffToken });
    const kioskAgain = await connectDevice(node.url, k.auth);
    // Accepted and refused operations keep their answers.
    expect(await again.submit(claim)).toMatchObject({ ok: true, opId: claim.id });
    expect(await again.submit(refusedOp)).toEqual(refused);
    again.close();
    kioskAgain.close();

    const second = await migrateCli(dir, env.db.url, airport);
    expect(second.code).toBe(1);
    expect(second.out).toMatch(new RegExp(`airport ${airport} .* already holds ${seq} operations; nothing was imported`));
  });

  it('refuses a folder that is not a GateCare data directory, saying so', async () => {
    const dir = await tempDataDir();
    dirs.push(dir);
    const run = await migrateCli(dir, env.db.url, env.airport());
    expect(run.code).toBe(1);
    expect(run.out).toContain('is not a GateCare data directory');
  });
});
