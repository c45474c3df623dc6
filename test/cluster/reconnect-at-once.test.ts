import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { usePostgres } from '../helpers/postgres-fixture.ts';
import { connectDevice, loginToken, waitFor } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';

describe('a device whose node goes away', () => {
  const env = usePostgres();

  it('tries another node at once rather than after its usual reconnection delay, and catches up there', async () => {
    const airport = env.airport();
    const a = await env.node(airport);
    const b = await env.node(airport, { seedDemo: false });
    const tablet = new SyncClient({
      url: a.url,
      urls: [a.url, b.url],
      auth: { token: await loginToken(a.url, 'A101', '2468') },
      actor: { kind: 'staff', id: 'A101' },
      device: 'tablet-A101',
      storage: new MemorySyncStorage(),
      // A minute between attempts: were the first attempt not made at once, the tablet would still be away when the test gives up.
      reconnectionDelayMs: 60_000,
      reconnectionDelayMaxMs: 60_000,
    });
    await tablet.start();
    try {
      await waitFor(() => tablet.getSnapshot().connected, 'the tablet on node A');
      let dropped = false;
      tablet.subscribe((s) => {
        if (!s.connected) dropped = true;
      });
      await a.close();
      await waitFor(() => dropped, 'the tablet sees node A gone');

      const k = await enrollKiosk(b.url, 'K32');
      const kiosk = await connectDevice(b.url, k.auth);
      const body = createRequest({ surname: 'Meanwhile' });
      expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
      kiosk.close();
      const requestId = body.type === 'request.create' ? body.payload.requestId : '';
      await waitFor(
        () => tablet.getSnapshot().connected && tablet.getSnapshot().state.requests[requestId],
        'the tablet back, on node B, with the request made there',
        10_000,
      );
      expect(tablet.getSnapshot().seq).toBe(b.hub.durableSeq);
    } finally {
      tablet.stop();
    }
  });
});
