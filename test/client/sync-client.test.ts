import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Op } from '../../core/index.ts';
import type { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { useSyncTablets } from '../helpers/sync-tablets.ts';
import { FlakyProxy } from '../helpers/flaky-proxy.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';
import { slowDisk } from '../helpers/slow-disk.ts';

/** The sync client of the apps, against the real hub over real sockets. */
describe('sync client: retries, refusals and reloads', () => {
  const env = useTestHub({ perTest: true });
  const tablets = useSyncTablets(env);
  const proxies: FlakyProxy[] = [];
  /** How many times each operation id reached the hub. */
  let arrivals: Map<string, number>;

  beforeEach(async () => {
    arrivals = new Map();
    const submit = env.hub.hub.submit.bind(env.hub.hub);
    env.hub.hub.submit = (raw, who) => {
      const id = (raw as { id?: string }).id ?? '';
      arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
      return submit(raw, who);
    };
  });
  afterEach(async () => {
    for (const p of proxies.splice(0)) await p.close();
  });

  /**
   * A tablet with the test's short timings, so retries and reconnections happen within a test.
   * Tests that count how often an operation reached the hub wait longer for an answer
   * (`ackTimeoutMs`): on a busy machine a 300 ms answer is late, and resending it is right.
   */
  const agent = (id: string, storage = new MemorySyncStorage(), url = env.hub.url, ackTimeoutMs = 300): Promise<SyncClient> =>
    tablets.tablet(id, {
      url,
      storage,
      ackTimeoutMs,
      retryDelayMs: 50,
      maxRetryDelayMs: 400,
      reconnectionDelayMs: 50,
      reconnectionDelayMaxMs: 300,
    });

  async function kioskRequest(): Promise<string> {
    const body = createRequest();
    const ack = await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' });
    expect(ack.ok).toBe(true);
    return body.type === 'request.create' ? body.payload.requestId : '';
  }

  it('asks again, with backoff, when an answer does not come while still connected; the hub applies it once', async () => {
    const requestId = await kioskRequest();
    const amira = await agent('A101');
    await waitFor(() => amira.getSnapshot().connected && amira.getSnapshot().state.requests[requestId], 'amira online with the request');
    let disconnects = 0;
    amira.subscribe((s) => {
      if (!s.connected) disconnects++;
    });

    // The hub's disk is slow: the first answer comes after the tablet stopped waiting for it.
    const quickAgain = slowDisk(env.hub.store, 700);
    const claim = await amira.submit({ type: 'request.claim', payload: { requestId } });
    expect(amira.getSnapshot().pending.map((o) => o.id)).toEqual([claim.id]);
    await waitFor(() => (arrivals.get(claim.id) ?? 0) >= 2, 'the claim sent again');
    quickAgain();

    await waitFor(() => amira.getSnapshot().pending.length === 0, 'the outbox to empty', 10_000);
    expect(disconnects).toBe(0);
    expect((await env.hub.store.readLog()).filter((e) => e.op.id === claim.id)).toHaveLength(1);
    expect(amira.getSnapshot().state.requests[requestId]).toMatchObject({ status: 'claimed', claimedByName: 'Amira' });
  });

  it('an offline claim that lost the race is refused with the winner’s name, once, never retried, and kept across a reload', async () => {
    const requestId = await kioskRequest();
    const proxy = await FlakyProxy.start(Number(new URL(env.hub.url).port));
    proxies.push(proxy);
    const lucasStorage = new MemorySyncStorage();
    let lucas = await agent('A102', lucasStorage, proxy.url, 10_000);
    const amira = await agent('A101');
    await waitFor(() => lucas.getSnapshot().state.requests[requestId], 'lucas has the request');

    proxy.setDown(true);
    await waitFor(() => !lucas.getSnapshot().connected, 'lucas offline');
    const lucasClaim: Op = await lucas.submit({ type: 'request.claim', payload: { requestId } });
    // On his tablet, offline, the claim is his for now.
    expect(lucas.getSnapshot().state.requests[requestId]).toMatchObject({ status: 'claimed', claimedBy: 'A102' });
    await amira.submit({ type: 'request.claim', payload: { requestId } });
    await waitFor(() => amira.getSnapshot().pending.length === 0, 'amira claim accepted');

    proxy.setDown(false);
    await waitFor(() => lucas.getSnapshot().rejected.length > 0, 'lucas told', 10_000);
    const snap = lucas.getSnapshot();
    expect(snap.rejected).toEqual([{ op: lucasClaim, reason: 'already claimed by Amira' }]);
    expect(snap.pending).toEqual([]);
    await waitFor(() => lucas.getSnapshot().state.requests[requestId]?.claimedBy === 'A101', 'hub order wins on lucas tablet');

    // No endless retries: a refusal is final, even across reconnections.
    proxy.cut();
    await waitFor(() => lucas.getSnapshot().connected, 'lucas back', 10_000);
    // The outbox goes out in order after each connect: once a note written now is answered, anything
    // still queued before it would have reached the hub first.
    const note = await lucas.submit({ type: 'request.note', payload: { requestId, text: 'Back online' } });
    await waitFor(() => arrivals.get(note.id) && lucas.getSnapshot().pending.length === 0, 'the note after the reconnection answered', 10_000);
    expect(arrivals.get(lucasClaim.id)).toBe(1);

    // Reloading the tablet keeps the message until Lucas has read it.
    lucas.stop();
    lucas = await agent('A102', lucasStorage, proxy.url);
    expect(lucas.getSnapshot().rejected.map((r) => r.reason)).toEqual(['already claimed by Amira']);
    lucas.dismissRejection(lucasClaim.id);
    lucas.stop();
    lucas = await agent('A102', lucasStorage, proxy.url);
    expect(lucas.getSnapshot().rejected).toEqual([]);
  });

  it('keeps unsent work across a reload while offline and sends it once the network is back', async () => {
    const requestId = await kioskRequest();
    const proxy = await FlakyProxy.start(Number(new URL(env.hub.url).port));
    proxies.push(proxy);
    proxy.setDown(true);
    const storage = new MemorySyncStorage();
    let amira = await agent('A101', storage, proxy.url, 10_000);
    const claim = await amira.submit({ type: 'request.claim', payload: { requestId } });
    amira.stop();
    amira = await agent('A101', storage, proxy.url, 10_000);
    expect(amira.getSnapshot().pending.map((o) => o.id)).toEqual([claim.id]);
    expect(amira.getSnapshot().connected).toBe(false);

    proxy.setDown(false);
    await waitFor(() => amira.getSnapshot().connected && amira.getSnapshot().pending.length === 0, 'sent after reconnect', 10_000);
    expect(env.hub.hub.current.requests[requestId]).toMatchObject({ status: 'claimed', claimedBy: 'A101' });
    expect(arrivals.get(claim.id)).toBe(1);
  });

  it('a request pushed while the tablet is still catching up is not missed, even when both arrive in one burst', async () => {
    const proxy = await FlakyProxy.start(Number(new URL(env.hub.url).port));
    proxies.push(proxy);
    const amira = await tablets.unstarted('A101', { url: proxy.url });
    // The moment the tablet connects it asks to catch up; the link then holds back the hub's answer.
    let held = false;
    amira.subscribe((snap) => {
      if (snap.connected && !held) {
        held = true;
        proxy.holdAnswers();
      }
    });
    await amira.start();
    await waitFor(() => held && proxy.heldBytes() > 0, 'the catch-up answer held on the link');
    const before = proxy.heldBytes();
    // A passenger asks meanwhile: the hub pushes it right behind the catch-up answer.
    const requestId = await kioskRequest();
    await waitFor(() => proxy.heldBytes() > before, 'the push held behind it');
    proxy.releaseAnswers();
    await waitFor(() => amira.getSnapshot().state.requests[requestId], 'the request on the tablet', 5_000);
    expect(amira.getSnapshot().seq).toBe(env.hub.hub.current.seq);
  });
});
