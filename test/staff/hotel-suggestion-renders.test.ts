// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { request } from 'node:http';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { QueueScreen } from '../../staff-app/src/QueueScreen.tsx';
import { cardRenders, hotelSuggestions } from '../../staff-app/src/render-count.ts';
import type { Session } from '../../staff-app/src/session.ts';
import { tonight, type OpBody } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { KIOSK, SYSTEM, createRequest, op } from '../helpers/ops.ts';

/**
 * The real queue screen (React in happy-dom) on a real hub, with parties on the cancelled AF1780
 * owed a hotel: their cards work a suggestion out once, a surge of requests that touches no hotel
 * data works out none, and a change of rooms works each out again once.
 */
describe('staff queue: hotel suggestions are worked out only when hotel data changes', () => {
  const env = useTestHub();
  let root: Root | null = null;
  let client: SyncClient | null = null;

  beforeAll(() => {
    // The screen's 30-second clock would move "now" and rightly work every suggestion out again; it is frozen here.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  afterEach(() => {
    root?.unmount();
    client?.stop();
  });

  async function kioskAsks(overrides: Partial<Extract<OpBody, { type: 'request.create' }>['payload']>): Promise<string> {
    const body = createRequest({ gate: 'K41', ...overrides });
    expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    return env.hub.hub.current.requests[id]!.ticket;
  }

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
  const suggestionOf = (ticket: string) => cardOf(ticket)?.querySelector('[data-testid="hotel-suggestion"]')?.textContent ?? '';

  it('a new request works out no suggestion; a change of rooms works out each owed card once, and no other card re-renders', async () => {
    const owed: string[] = [];
    for (const surname of ['Laurent', 'Garcia', 'Petit'])
      owed.push(await kioskAsks({ flightNumber: 'AF1780', surname, needs: ['hotel'], party: { adults: 2, children: 0, infants: 0 } }));
    // AF1634 is only delayed: nothing about hotels on this card.
    const notOwed = await kioskAsks({ flightNumber: 'AF1634', surname: 'Moreau', needs: ['water'] });

    const session: Session = { ...(await signIn(env.hub.url, 'A103', '8642')), gates: ['K41'] };
    client = new SyncClient({
      url: env.hub.url,
      auth: { token: session.token, gates: session.gates },
      actor: { kind: 'staff', id: 'A103' },
      device: 'tablet-hotel-render-test',
      storage: new MemorySyncStorage(),
    });
    await client.start();
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    root.render(createElement(QueueScreen, { client, session, onLogout: () => {}, onChangeGates: () => {} }));
    await waitFor(() => owed.every((t) => suggestionOf(t).startsWith('Suggested: Hôtel Aérogare Roissy')), 'three suggestions on screen', 15_000);
    expect(cardOf(notOwed)?.querySelector('[data-testid="card-hotel"]')).toBeNull();
    expect(hotelSuggestions.has(notOwed)).toBe(false);

    hotelSuggestions.clear();
    cardRenders.clear();
    const newcomers: string[] = [];
    for (const surname of ['Nguyen', 'Rossi', 'Dubois']) newcomers.push(await kioskAsks({ flightNumber: 'AF1634', surname, needs: ['water'] }));
    await waitFor(() => newcomers.every((t) => cardOf(t)), 'the new cards on screen', 15_000);
    expect([...hotelSuggestions.keys()]).toEqual([]);
    expect([...cardRenders.keys()].sort()).toEqual([...newcomers].sort());

    // The nearer hotel's doubles are all gone: every owed card's suggestion moves to the next hotel, each worked out once.
    hotelSuggestions.clear();
    cardRenders.clear();
    const night = tonight(env.hub.hub.current, new Date().toISOString());
    const noDoubles: OpBody = {
      type: 'hotel.rooms',
      payload: { hotelId: 'aerogare-roissy', night, type: 'double', count: 0, rateCents: 12000, currency: 'EUR' },
    };
    expect(await env.hub.hub.submit(op(SYSTEM, noDoubles), { kind: 'system' })).toMatchObject({ ok: true });
    await waitFor(() => owed.every((t) => !suggestionOf(t).includes('Hôtel Aérogare Roissy, 1 double')), 'the suggestions follow the rooms', 15_000);
    expect(owed.map((t) => hotelSuggestions.get(t))).toEqual([1, 1, 1]);
    expect([...cardRenders.keys()]).toEqual([]);
  });
});
