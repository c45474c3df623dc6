import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { DUTY_MANAGER, enrollKiosk, enrollKioskPage } from '../helpers/enroll.ts';
import { connectDevice, waitFor } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';
import { signInStaff } from '../helpers/staff-page.ts';

const SURNAME = 'Quetzalcoatlova';

/** Records every CSP violation a page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

describe('security headers and logs, with the built apps in chromium', () => {
  let logs = '';
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString();
      done();
    },
  });
  const env = useTestHub({ options: { log: true, logStream } });
  const chromium = useBrowser();

  it('every response carries the security headers; the CSP blocks nothing the apps and socket.io need', async () => {
    for (const path of ['/', '/kiosk/', '/staff/', '/api/health']) {
      const res = await fetch(`${env.hub.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }

    const kiosk = await (await chromium.browser.newContext()).newPage();
    const kioskViolations = await watchCsp(kiosk);
    await enrollKioskPage(kiosk, env.hub.url, 'K32');
    // The kiosk's socket.io connection got through the CSP: the hub sees an enrolled kiosk at K32.
    await waitFor(
      () => [...env.hub.io.of('/').sockets.values()].some((s) => (s.data as { viewer?: { kind: string } }).viewer?.kind === 'kiosk'),
      'the kiosk app connected over socket.io',
      15_000,
    );

    const staff = await (await chromium.browser.newContext()).newPage();
    const staffViolations = await watchCsp(staff);
    await signInStaff(staff, env.hub.url, 'A101', '2468');
    await expect.poll(() => staff.getByTestId('connection').textContent(), { timeout: 15_000 }).toContain('Online');

    const landing = await (await chromium.browser.newContext()).newPage();
    const landingViolations = await watchCsp(landing);
    await landing.goto(env.hub.url);
    await landing.waitForLoadState('networkidle');

    expect(kioskViolations).toEqual([]);
    expect(staffViolations).toEqual([]);
    expect(landingViolations).toEqual([]);
  });

  it('logs hold no PINs, no tokens and no passenger names', async () => {
    const kiosk = await enrollKiosk(env.hub.url, 'K33');
    const token = await env.token('A105');
    const k = await connectDevice(env.hub.url, kiosk.auth);
    expect(
      await k.submit(
        op({ kind: 'kiosk', id: kiosk.device }, createRequest({ gate: 'K33', surname: SURNAME, note: `call ${SURNAME} on +33612345678` })),
      ),
    ).toMatchObject({ ok: true });
    k.close();
    await fetch(`${env.hub.url}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${env.hub.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'A103', pin: '97531' }),
    });
    await fetch(`${env.hub.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"staffId":"A103","pin":"86420",`,
    });
    await fetch(`${env.hub.url}/api/login?pin=13579&token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'pin=24680',
    });

    await waitFor(() => logs.includes('/api/snapshot'), 'request logs written');
    expect(logs).toContain('/api/kiosks/enroll');
    // A PIN is a whole number in the logs, not four digits inside a port or a response time.
    const logged = (secret: string) => new RegExp(`(?<![0-9])${secret.replace(/[^\w]/g, '\\$&')}(?![0-9])`).test(logs);
    for (const secret of [DUTY_MANAGER.pin, '4826', '2468', '97531', '86420', '13579', '24680', token, kiosk.token, SURNAME, '+33612345678']) {
      expect(logged(secret), `logs contain ${secret.slice(0, 12)}`).toBe(false);
    }
  });
});
