import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';

describe('demo outlets: three in terminal 2E, enrolled at the first start, reachable by their printed link', () => {
  const env = useTestHub();

  it('seeds a café, a restaurant and the demo hotel’s desk, and a token the start prints tells the outlet who it is', async () => {
    const outlets = Object.values(env.hub.hub.current.outlets ?? {});
    expect(outlets.map((o) => [o.kind, o.accepts, o.hotelId ?? null, o.enrolledBy])).toEqual([
      ['cafe', ['meal'], null, 'M201'],
      ['restaurant', ['meal'], null, 'M201'],
      ['hotel-desk', ['hotel'], 'aerogare-roissy', 'M201'],
    ]);
    const { token } = env.hub.outletTokens.issue('demo-2e-cafe', 'M201');
    const me = await fetch(`${env.hub.url}/api/outlet/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ outlet: { name: 'Café 2E — Hall K', kind: 'cafe' }, expiresAt: expect.any(String) });
    expect((await fetch(`${env.hub.url}/api/outlet/me`, { headers: { authorization: `Bearer ${await env.token('M201')}` } })).status).toBe(401);
  });

  it('a hotel desk must name an existing hotel, and only a hotel desk may', async () => {
    const enrol = (extra: object) =>
      fetch(`${env.hub.url}/api/outlets/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outletId: 'outlet-desk-test-1', name: 'Desk', accepts: ['hotel'], staffId: 'M201', pin: '7319', ...extra }),
      });
    const none = await enrol({ kind: 'hotel-desk' });
    expect(none.status).toBe(409);
    expect(await none.json()).toEqual({ error: 'a hotel desk works for one hotel: choose which' });
    expect(await (await enrol({ kind: 'hotel-desk', hotelId: 'nowhere' })).json()).toEqual({
      error: 'no hotel nowhere: a duty manager adds it first',
    });
    expect(await (await enrol({ kind: 'cafe', hotelId: 'aerogare-roissy' })).json()).toEqual({ error: 'only a hotel desk is bound to a hotel' });
  });
});
