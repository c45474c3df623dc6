import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ticketFor } from '../../core/index.ts';
import { usePostgres, type PostgresFixture } from '../helpers/postgres-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { freePort } from '../helpers/hub-process.ts';
import { DUTY_MANAGER, enrollKiosk } from '../helpers/enroll.ts';
import { connectDevice, loginToken } from '../helpers/socket-clients.ts';
import { askPhoneLink } from '../helpers/phone-client.ts';
import { AMIRA, createRequest, op } from '../helpers/ops.ts';

/** Two nodes of one airport on one PostgreSQL, each knowing both addresses (GATECARE_HUB_URLS). */
async function twoNodes(env: PostgresFixture) {
  const airport = env.airport();
  const ports = [await freePort(), await freePort()];
  const hubUrls = ports.map((p) => `http://127.0.0.1:${p}`);
  const a = await env.node(airport, { config: { port: ports[0]!, hubUrls } });
  const b = await env.node(airport, { seedDemo: false, config: { port: ports[1]!, hubUrls } });
  return { a, b, hubUrls };
}

/** The app has learnt every node's address (from /api/hubs at start) and kept it for when its own node is gone. */
async function learntNodes(page: Page, hubUrls: string[]): Promise<void> {
  await page.waitForFunction((urls) => localStorage.getItem('gatecare.hubs') === JSON.stringify(urls), hubUrls);
}

describe('the phone, sign-in and enrolment move to another node of the cluster when theirs dies — in chromium', () => {
  const env = usePostgres();
  const chromium = useBrowser();

  it("a phone following its ticket on node A follows it on node B once A stops, and sees the agent's claim made there", async () => {
    const { a, b, hubUrls } = await twoNodes(env);
    const k = await enrollKiosk(b.url, 'K32');
    const kiosk = await connectDevice(b.url, k.auth);
    const body = createRequest({ surname: 'Moreau', language: 'en' });
    if (body.type !== 'request.create') throw new Error('unexpected');
    expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
    const ticket = ticketFor(body.payload.requestId);
    // The link names node A, as when the kiosk's page was served by A.
    const link = await askPhoneLink(kiosk, { ticket }, `${a.url}/kiosk/?gate=K32`);
    if (!link.ok) throw new Error(link.reason);
    expect(link.url.startsWith(`${a.url}/p/#`)).toBe(true);

    const phone = await chromium.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(link.url);
    await expect.poll(() => phone.getByTestId('ticket-status').textContent()).toBe('Received');
    await learntNodes(phone, hubUrls);

    await a.close();
    const agent = await connectDevice(b.url, { token: await loginToken(b.url, 'A101', '2468') });
    expect(await agent.submit(op(AMIRA, { type: 'request.claim', payload: { requestId: body.payload.requestId } }))).toMatchObject({ ok: true });
    // Shown only if the phone reconnected, to node B: node A is gone.
    await expect.poll(() => phone.getByTestId('ticket-status').textContent(), { timeout: 20_000 }).toBe('On the way — Amira');
    expect(b.io.of('/phone').sockets.size).toBe(1);
    kiosk.close();
    agent.close();
  });

  it('a tablet whose page came from node A signs in on node B once A has stopped, and shows a request made there', async () => {
    const { a, b, hubUrls } = await twoNodes(env);
    const page = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${a.url}/staff/`);
    await page.getByLabel('Staff id').waitFor();
    await learntNodes(page, hubUrls);

    await a.close();
    await page.getByLabel('Staff id').fill('A101');
    await page.getByLabel('PIN').fill('2468');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('which gates are you covering?').waitFor();
    await page.getByLabel('K32', { exact: true }).check();
    await page.getByRole('button', { name: /^Start with/ }).click();
    await page.getByText('Open requests').waitFor();

    const k = await enrollKiosk(b.url, 'K32');
    const kiosk = await connectDevice(b.url, k.auth);
    const body = createRequest({ surname: 'Haddad' });
    if (body.type !== 'request.create') throw new Error('unexpected');
    expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
    await page.locator(`[data-ticket="${ticketFor(body.payload.requestId)}"]`).waitFor({ timeout: 20_000 });
    kiosk.close();
  });

  it('a kiosk whose set-up page came from node A is enrolled by node B once A has stopped; a wrong PIN is still refused', async () => {
    const { a, b, hubUrls } = await twoNodes(env);
    const page = await chromium.newPage({ viewport: { width: 900, height: 1200 } });
    await page.goto(`${a.url}/kiosk/?gate=K32`);
    const setup = page.getByTestId('kiosk-setup');
    await setup.waitFor();
    await learntNodes(page, hubUrls);

    await a.close();
    await setup.getByLabel('Gate of this kiosk').fill('K32');
    await setup.getByLabel('Duty manager id').fill(DUTY_MANAGER.id);
    await setup.getByLabel('Duty manager PIN').fill('0000');
    await setup.getByRole('button', { name: 'Enrol this kiosk' }).click();
    // Node B answered (with a refusal): a hub that answers is the answer, not "cannot be reached".
    await expect.poll(() => setup.getByRole('alert').textContent()).toMatch(/PIN/i);

    await setup.getByLabel('Duty manager PIN').fill(DUTY_MANAGER.pin);
    await setup.getByRole('button', { name: 'Enrol this kiosk' }).click();
    await setup.waitFor({ state: 'detached' });
    // Its device token is from node B, and its socket goes there (node A is gone).
    expect(b.store.data.kioskDevices).toHaveProperty(
      [await page.evaluate(() => JSON.parse(localStorage.getItem('gatecare.kiosk.enrollment')!).device)],
      'K32',
    );
    await expect.poll(() => b.io.of('/').sockets.size, { timeout: 20_000 }).toBe(1);
  });
});
