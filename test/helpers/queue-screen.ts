import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { request } from 'node:http';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { QueueScreen } from '../../staff-app/src/QueueScreen.tsx';
import type { Session } from '../../staff-app/src/session.ts';
import type { OpBody } from '../../core/index.ts';
import type { HubFixture } from './hub-fixture.ts';
import { KIOSK, createRequest, op } from './ops.ts';

/** Signs in over Node's own HTTP: happy-dom's fetch applies a page's same-origin rules to the hub. */
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

/**
 * The staff app's real queue screen (React, in a happy-dom file) on the test hub, for counting what
 * re-renders. The screen's 30-second clock would re-render every card, so intervals are frozen for
 * the file (sockets use timeouts, not intervals); the screen and its sync client end with each test.
 */
export function useQueueScreen(env: HubFixture): {
  /** Renders the queue of `staffId` watching `gates`, once their sync client is connected. */
  render(staffId: string, pin: string, gates: string[]): Promise<void>;
  /** A passenger's request submitted to the hub as a kiosk's; gives its ticket. */
  kioskAsks(overrides: Partial<Extract<OpBody, { type: 'request.create' }>['payload']>): Promise<string>;
} {
  let root: Root | null = null;
  let client: SyncClient | null = null;
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  afterEach(() => {
    root?.unmount();
    client?.stop();
  });
  return {
    async render(staffId, pin, gates) {
      const session: Session = { ...(await signIn(env.hub.url, staffId, pin)), gates };
      client = new SyncClient({
        url: env.hub.url,
        auth: { token: session.token, gates: session.gates },
        actor: { kind: 'staff', id: staffId },
        device: 'tablet-render-test',
        storage: new MemorySyncStorage(),
      });
      await client.start();
      const host = document.createElement('div');
      document.body.append(host);
      root = createRoot(host);
      root.render(createElement(QueueScreen, { client, session, onLogout: () => {}, onChangeGates: () => {} }));
    },
    async kioskAsks(overrides) {
      const body = createRequest(overrides);
      expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
      const id = body.type === 'request.create' ? body.payload.requestId : '';
      return env.hub.hub.current.requests[id]!.ticket;
    },
  };
}
