// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { request } from 'node:http';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { QueueScreen } from '../../staff-app/src/QueueScreen.tsx';
import { cardRenders } from '../../staff-app/src/render-count.ts';
import type { Session } from '../../staff-app/src/session.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { KIOSK, LUCAS, createRequest, op } from '../helpers/ops.ts';

/**
 * The real queue screen (React in happy-dom) on a real sync client and hub: a push re-renders
 * only the card it changed. Cards count their renders in test builds (render-count.ts).
 */
describe('staff queue: a push re-renders only the card it changed', () => {
  const env = useTestHub();
  let root: Root | null = null;
  let client: SyncClient | null = null;

  beforeAll(() => {
    // The screen's 30-second clock would re-render every card; it is frozen here (sockets use timeouts, not intervals).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  afterEach(() => {
    root?.unmount();
    client?.stop();
  });

  async function kioskAsks(surname: string): Promise<string> {
    const body = createRequest({ surname });
    expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    return env.hub.hub.current.requests[id]!.ticket;
  }

  /** Node's own HTTP: happy-dom's fetch applies a page's same-origin rules to the hub. */
  function signIn(url: string, staffId: string, pin: string): Promise<Session> {
    return new Promise((resolve, reject) => {
      const req = request(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(JSON.parse(text) as Session) : reject(new Error(`sign-in failed: ${res.statusCode} ${text}`)),
        );
      });
      req.on('error', reject);
      req.end(JSON.stringify({ staffId, pin }));
    });
  }

  const cardOf = (ticket: string) => document.querySelector(`[data-ticket="${ticket}"]`);

  it('a new request renders its own card only; a claim re-renders only the claimed card', async () => {
    const tickets: string[] = [];
    for (const name of ['Moreau', 'Dubois', 'Nguyen', 'Rossi', 'Garcia']) tickets.push(await kioskAsks(name));

    const session: Session = { ...(await signIn(env.hub.url, 'A101', '2468')), gates: ['K32'] };
    client = new SyncClient({
      url: env.hub.url,
      auth: { token: session.token, gates: session.gates },
      actor: { kind: 'staff', id: 'A101' },
      device: 'tablet-render-test',
      storage: new MemorySyncStorage(),
    });
    await client.start();
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    root.render(createElement(QueueScreen, { client, session, onLogout: () => {}, onChangeGates: () => {} }));
    await waitFor(() => tickets.every((t) => cardOf(t)), 'the five cards on screen', 15_000);

    cardRenders.clear();
    const newcomer = await kioskAsks('Laurent');
    await waitFor(() => cardOf(newcomer), 'the new card on screen', 15_000);
    expect(cardRenders.get(newcomer)).toBeGreaterThanOrEqual(1);
    expect(tickets.filter((t) => cardRenders.has(t))).toEqual([]);

    cardRenders.clear();
    const claimed = tickets[2]!;
    const requestId = Object.values(env.hub.hub.current.requests).find((r) => r.ticket === claimed)!.id;
    expect(await env.hub.hub.submit(op(LUCAS, { type: 'request.claim', payload: { requestId } }), { kind: 'system' })).toMatchObject({ ok: true });
    await waitFor(() => cardOf(claimed)?.textContent?.includes('Claimed by Lucas'), 'the claim on its card', 15_000);
    expect([...cardRenders.keys()]).toEqual([claimed]);
  });
});
