import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';

const OTHER_NODE = 'http://10.0.0.7:8082';

/** A page served by another node of the airport signs in and enrols here when its own node is gone; nobody else may. */
describe('sign-in and enrolment from a page of another node (CORS for the nodes of GATECARE_HUB_URLS only)', () => {
  const env = useTestHub({ config: { hubUrls: ['http://10.0.0.6:8081', OTHER_NODE] } });

  it('answers the preflight and the sign-in of another node of this airport', async () => {
    for (const path of ['/api/login', '/api/kiosks/enroll']) {
      const pre = await fetch(`${env.hub.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: OTHER_NODE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(OTHER_NODE);
      expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    }
    const res = await fetch(`${env.hub.url}/api/login`, {
      method: 'POST',
      headers: { origin: OTHER_NODE, 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'A101', pin: '2468' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(OTHER_NODE);
    expect(((await res.json()) as { token?: string }).token).toBeTruthy();
  });

  it('gives no CORS to any other origin, nor on any other route', async () => {
    const pre = await fetch(`${env.hub.url}/api/login`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const login = await fetch(`${env.hub.url}/api/login`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'A101', pin: '2468' }),
    });
    expect(login.headers.get('access-control-allow-origin')).toBeNull();
    const health = await fetch(`${env.hub.url}/api/health`, { headers: { origin: OTHER_NODE } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });
});
