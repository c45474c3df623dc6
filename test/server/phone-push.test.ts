import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { AMIRA, createRequest, op } from '../helpers/ops.ts';
import { askPhoneLink, capabilityOf, connectPhone } from '../helpers/phone-client.ts';
import { PHONE_EVENTS, type PhoneWriteAnswer } from '../../core/index.ts';
import { VAPID_FILE } from '../../server/push-keys.ts';
import { SUBSCRIPTIONS_FILE } from '../../server/push-subscriptions.ts';
import { decrypt, userAgentKeys } from '../helpers/web-push-endpoint.ts';

const b64url = (b: Buffer): string => b.toString('base64url');

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('Web Push to the passenger’s phone, decrypted by a local push endpoint', () => {
  let clock = Date.now();
  const env = useTestHub({
    config: { purgeAfterHours: 1 },
    options: { pushAllowHttp: true, now: () => clock, purgeEveryMs: 3600_000, phoneLimits: { writesBurst: 50 } },
  });
  let endpoint: Server;
  let base = '';
  const received: Received[] = [];
  let answerGone = false;

  beforeAll(async () => {
    endpoint = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(answerGone ? 410 : 201).end();
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(endpoint.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

  async function phoneTicket(surname: string) {
    const { kiosk, me } = await env.enrolledKiosk('K32');
    const body = createRequest({ surname, language: 'fr' });
    if (body.type !== 'request.create') throw new Error('unexpected');
    expect(await kiosk.submit(op(me, body))).toMatchObject({ ok: true });
    const requestId = body.payload.requestId;
    const a = await askPhoneLink(kiosk, { ticket: env.hub.hub.current.requests[requestId]!.ticket });
    if (!a.ok) throw new Error(a.reason);
    const phone = await connectPhone(env.hub.url, capabilityOf(a.url));
    const subscribe = async (sub: unknown) => (await phone.socket.timeout(5000).emitWithAck(PHONE_EVENTS.push, sub)) as PhoneWriteAnswer;
    return { kiosk, requestId, phone, subscribe, ticket: env.hub.hub.current.requests[requestId]!.ticket };
  }

  it('VAPID keys are made at first start, kept readable by the hub only, and the same after a restart', async () => {
    const file = join(env.dir, VAPID_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(await readFile(file, 'utf8')) as { publicKey: string };
    await env.restart();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ publicKey: keys.publicKey });
  });

  it('status changes and staff answers arrive encrypted for the phone alone, in its language, without the words of the message', async () => {
    const { requestId, phone, subscribe, ticket } = await phoneTicket('Moreau');
    const ua = userAgentKeys();
    const pushKey = (await waitFor(() => phone.latest(), 'the ticket')).pushKey;
    expect(pushKey).toBe((JSON.parse(await readFile(join(env.dir, VAPID_FILE), 'utf8')) as { publicKey: string }).publicKey);

    // Bad subscriptions are refused with a reason.
    expect(await subscribe({ endpoint: 'not a url', keys: { p256dh: b64url(ua.publicKey), auth: b64url(ua.auth) } })).toMatchObject({ ok: false });
    expect(await subscribe({ endpoint: `${base}/x`, keys: { p256dh: 'short', auth: b64url(ua.auth) } })).toMatchObject({ ok: false });
    expect(await subscribe({ endpoint: `${base}/x`, keys: { p256dh: b64url(ua.publicKey), auth: b64url(ua.auth) }, extra: 1 })).toMatchObject({
      ok: false,
    });
    expect(
      await subscribe({ endpoint: `${base}/push/moreau`, expirationTime: null, keys: { p256dh: b64url(ua.publicKey), auth: b64url(ua.auth) } }),
    ).toEqual({ v: 1, ok: true });
    expect((await stat(join(env.dir, SUBSCRIPTIONS_FILE))).mode & 0o777).toBe(0o600);

    const agent = await env.staff('A101');
    expect(await agent.submit(op(AMIRA, { type: 'request.claim', payload: { requestId } }))).toMatchObject({ ok: true });
    const first = await waitFor(() => received.find((r) => r.path === '/push/moreau'), 'the push endpoint receives the claim');
    expect(first.headers['content-encoding']).toBe('aes128gcm');
    expect(first.headers.authorization).toContain(`k=${pushKey}`);
    expect(JSON.parse(decrypt(first.body, ua))).toEqual({ title: 'GateCare', body: `Ticket ${ticket} : en route — Amira`, tag: `${ticket}:ticket` });

    expect(await agent.submit(op(AMIRA, { type: 'thread.staff', payload: { requestId, text: 'J’arrive avec de l’eau' } }))).toMatchObject({
      ok: true,
    });
    await waitFor(() => received.filter((r) => r.path === '/push/moreau').length === 2, 'the answer is pushed');
    const answer = decrypt(received.filter((r) => r.path === '/push/moreau')[1]!.body, ua);
    expect(JSON.parse(answer)).toMatchObject({ body: `Amira a répondu à votre message (ticket ${ticket})` });
    expect(answer).not.toContain('eau');

    // The push service says the subscription is gone: the hub forgets it.
    answerGone = true;
    expect(await agent.submit(op(AMIRA, { type: 'request.deliver', payload: { requestId } }))).toMatchObject({ ok: true });
    await waitFor(() => received.filter((r) => r.path === '/push/moreau').length === 3, 'the delivery is pushed');
    expect(JSON.parse(decrypt(received.filter((r) => r.path === '/push/moreau')[2]!.body, ua))).toMatchObject({ body: `Ticket ${ticket} : livré` });
    await waitFor(() => env.hub.pushSubscriptions.of(requestId).length === 0, 'the gone subscription is dropped');
    answerGone = false;
    phone.close();
  });

  it('a notice for the flight is pushed; "lost phone" and the purge remove the subscriptions, from the file too', async () => {
    const revoked = await phoneTicket('Haddad');
    const purged = await phoneTicket('Rossi');
    const keys = { p256dh: b64url(userAgentKeys().publicKey), auth: b64url(randomBytes(16)) };
    const ua = userAgentKeys();
    expect(await revoked.subscribe({ endpoint: `${base}/push/haddad`, keys })).toEqual({ v: 1, ok: true });
    expect(await purged.subscribe({ endpoint: `${base}/push/rossi`, keys: { p256dh: b64url(ua.publicKey), auth: b64url(ua.auth) } })).toEqual({
      v: 1,
      ok: true,
    });

    const manager = await env.staff('M201');
    const flightId = env.hub.hub.current.requests[purged.requestId]!.flightId;
    expect(
      await manager.submit(
        op(
          { kind: 'staff', id: 'M201' },
          {
            type: 'notice.publish',
            payload: {
              noticeId: '01900000-0000-7000-8000-00000000abcd',
              scope: { kind: 'flight', flightId },
              texts: { en: { known: 'A new crew is on its way.', unknown: 'The exact time.' } },
              nextUpdateAt: null,
              leadSeconds: 0,
              replaces: null,
            },
          },
        ),
      ),
    ).toMatchObject({ ok: true });
    const notice = await waitFor(() => received.find((r) => r.path === '/push/rossi'), 'the notice is pushed once revealed');
    expect(JSON.parse(decrypt(notice.body, ua))).toMatchObject({ body: 'Du nouveau pour votre vol AF1634 : ouvrez votre ticket pour le lire.' });

    expect(
      await manager.submit(op({ kind: 'staff', id: 'M201' }, { type: 'phone.revoke', payload: { requestId: revoked.requestId } })),
    ).toMatchObject({
      ok: true,
    });
    await waitFor(() => env.hub.pushSubscriptions.of(revoked.requestId).length === 0, 'the revoked link loses its subscription');
    await expect.poll(() => readFile(join(env.dir, SUBSCRIPTIONS_FILE), 'utf8')).not.toContain('/push/haddad');
    expect(env.hub.pushSubscriptions.of(purged.requestId)).toHaveLength(1);

    const f = env.hub.hub.current.flights[flightId]!;
    clock = Math.max(Date.parse(f.estimatedDeparture), Date.parse(f.scheduledDeparture)) + 2 * 3600_000;
    await env.hub.purge.tick();
    await waitFor(() => env.hub.pushSubscriptions.count === 0, 'the purge removes the subscriptions');
    await expect.poll(() => readFile(join(env.dir, SUBSCRIPTIONS_FILE), 'utf8')).toBe('{}');
    revoked.phone.close();
    purged.phone.close();
  });
});

// Keeps the encryption helpers honest: the decrypting side must reject a message for other keys.
describe('the test endpoint’s decryption', () => {
  it('fails for a message encrypted to another key', () => {
    const ua = userAgentKeys();
    const body = Buffer.concat([randomBytes(16), Buffer.from([0, 0, 16, 0]), Buffer.from([65]), userAgentKeys().publicKey, randomBytes(40)]);
    expect(() => decrypt(body, ua)).toThrow();
  });
});
