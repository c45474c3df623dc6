import { describe, expect, it } from 'vitest';
import { ticketFor } from '../../core/index.ts';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { freePort } from '../helpers/hub-process.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { connectDevice } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';

describe('a tablet whose node dies moves to another node of the cluster — in chromium', () => {
  const env = usePostgres();
  const chromium = useBrowser();

  it('learns every node from /api/hubs, and when its node stops it reconnects to the other and shows new requests', async () => {
    const airport = env.airport();
    const ports = [await freePort(), await freePort()];
    const hubUrls = ports.map((p) => `http://127.0.0.1:${p}`);
    const a = await env.node(airport, { config: { port: ports[0]!, hubUrls } });
    const b = await env.node(airport, { seedDemo: false, config: { port: ports[1]!, hubUrls } });
    expect(await (await fetch(`${b.url}/api/hubs`)).json()).toEqual({ urls: hubUrls });
    // The page may open sockets to the other node: its CSP says so.
    expect((await fetch(`${a.url}/staff/`)).headers.get('content-security-policy')).toContain(`ws://127.0.0.1:${ports[1]}`);

    const page = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    await signInStaff(page, a.url, 'A101', '2468', ['K32']);
    await page.waitForFunction((urls) => localStorage.getItem('gatecare.hubs') === JSON.stringify(urls), hubUrls);

    const k = await enrollKiosk(b.url, 'K32');
    const kiosk = await connectDevice(b.url, k.auth);
    const me = { kind: 'kiosk' as const, id: k.device };
    const before = createRequest({ surname: 'Before' });
    expect(await kiosk.submit(op(me, before))).toMatchObject({ ok: true });
    const beforeId = before.type === 'request.create' ? before.payload.requestId : '';
    await page.locator(`[data-ticket="${ticketFor(beforeId)}"]`).waitFor();

    // Node A goes away (its sockets close, nothing listens at its address any more).
    await a.close();
    const after = createRequest({ surname: 'Afterwards' });
    expect(await kiosk.submit(op(me, after))).toMatchObject({ ok: true });
    const afterId = after.type === 'request.create' ? after.payload.requestId : '';
    // Shown only if the tablet reconnected, to node B: node A is gone.
    await page.locator(`[data-ticket="${ticketFor(afterId)}"]`).waitFor({ timeout: 20_000 });
    expect(b.io.of('/').sockets.size).toBeGreaterThanOrEqual(2);
    kiosk.close();
  });
});
