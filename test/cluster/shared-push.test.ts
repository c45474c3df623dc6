import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { connectDevice, loginToken, waitFor } from '../helpers/socket-clients.ts';
import { AMIRA, LUCAS, createRequest, op } from '../helpers/ops.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { askPhoneLink, capabilityOf, connectPhone } from '../helpers/phone-client.ts';
import { decrypt, startPushEndpoint, subscriptionOf, userAgentKeys, type PushEndpoint } from '../helpers/web-push-endpoint.ts';
import { PHONE_EVENTS, type PhoneWriteAnswer } from '../../core/index.ts';

describe('Web Push with several nodes: one key pair and one set of subscriptions per airport', () => {
  const env = usePostgres();
  let endpoint: PushEndpoint;
  beforeAll(async () => {
    endpoint = await startPushEndpoint();
  });
  afterAll(() => endpoint.close());

  it('a phone subscribed through node A gets, once, the push that node B sends for a claim made on B, signed with the key it subscribed with', async () => {
    const airport = env.airport();
    const a = await env.node(airport, { options: { pushAllowHttp: true } });
    const b = await env.node(airport, { seedDemo: false, options: { pushAllowHttp: true } });

    const k = await enrollKiosk(a.url, 'K32');
    const kiosk = await connectDevice(a.url, k.auth);
    const body = createRequest({ surname: 'Moreau', language: 'fr' });
    if (body.type !== 'request.create') throw new Error('unexpected operation');
    const requestId = body.payload.requestId;
    expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
    const ticket = a.hub.current.requests[requestId]!.ticket;
    const link = await askPhoneLink(kiosk, { ticket });
    if (!link.ok) throw new Error(link.reason);

    const phone = await connectPhone(a.url, capabilityOf(link.url));
    const pushKey = (await waitFor(() => phone.latest(), 'the ticket on the phone')).pushKey;
    // The same link opened through node B offers the same key: whichever node a phone reaches, it subscribes to one key.
    const sameOnB = await connectPhone(b.url, capabilityOf(link.url));
    expect((await waitFor(() => sameOnB.latest(), 'the ticket through node B')).pushKey).toBe(pushKey);
    sameOnB.close();

    const ua = userAgentKeys();
    const answer = (await phone.socket
      .timeout(5000)
      .emitWithAck(PHONE_EVENTS.push, subscriptionOf(`${endpoint.base}/push/moreau`, ua))) as PhoneWriteAnswer;
    expect(answer).toEqual({ v: 1, ok: true });
    // Node B learns of the subscription from the database (NOTIFY gatecare_push), not from the phone.
    await waitFor(() => b.pushSubscriptions.of(requestId).length === 1, 'node B holds the subscription made through node A');

    const agentOnB = await connectDevice(b.url, { token: await loginToken(b.url, 'A101', '2468') });
    expect(await agentOnB.submit(op(AMIRA, { type: 'request.claim', payload: { requestId } }))).toMatchObject({ ok: true });
    const claimed = await waitFor(() => endpoint.received.find((r) => r.path === '/push/moreau'), 'the push for the claim made on node B');
    expect(claimed.headers.authorization).toContain(`k=${pushKey}`);
    expect(JSON.parse(decrypt(claimed.body, ua))).toEqual({
      title: 'GateCare',
      body: `Ticket ${ticket} : en route — Amira`,
      tag: `${ticket}:ticket`,
    });

    // A staff answer committed on node A is pushed by A. Only the node that committed an entry pushes it,
    // so the claim, which node A also applied when it caught up, arrived once.
    const agentOnA = await connectDevice(a.url, { token: await loginToken(a.url, 'A102', '1357') });
    const note = await agentOnA.submit(op(LUCAS, { type: 'thread.staff', payload: { requestId, text: 'Amira arrive' } }));
    expect(note).toMatchObject({ ok: true });
    await waitFor(() => endpoint.received.filter((r) => r.path === '/push/moreau').length >= 2, 'the push for the answer made on node A');
    const texts = endpoint.received.filter((r) => r.path === '/push/moreau').map((r) => JSON.parse(decrypt(r.body, ua)) as { body: string });
    expect(texts.map((t) => t.body)).toEqual([`Ticket ${ticket} : en route — Amira`, `Lucas a répondu à votre message (ticket ${ticket})`]);
    for (const r of endpoint.received) expect(r.headers.authorization).toContain(`k=${pushKey}`);

    // The keys live in the airport's meta, so a node started later signs with them too.
    const rows = await env.query<{ key: string }>(`SELECT meta -> 'vapid' ->> 'publicKey' AS key FROM airports WHERE id = $1`, [airport]);
    expect(rows).toEqual([{ key: pushKey }]);
    for (const d of [kiosk, agentOnA, agentOnB]) d.close();
    phone.close();
  });
});
