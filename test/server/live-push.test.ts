import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../server/app.ts';
import { removeDir, startTestHub, tempDataDir } from '../helpers/hub.ts';
import { connectDevice, loginToken, waitFor } from '../helpers/socket-clients.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

describe('live pushes follow a pull, so a device can always tell a gap', () => {
  let dir: string;
  let hub: RunningHub;
  beforeAll(async () => {
    dir = await tempDataDir();
    hub = await startTestHub(dir);
  });
  afterAll(async () => {
    await hub.close();
    await removeDir(dir);
  });

  it('a freshly connected device gets nothing live until it has pulled, then pushes that start where the pull ended', async () => {
    const staff = await connectDevice(hub.url, { token: await loginToken(hub.url, 'A101', '2468') });
    try {
      // Before its pull the device's copy is unknown: a push "after 0" holding one entry would make it skip the rest.
      await hub.hub.submit(op(KIOSK, createRequest()), { kind: 'system' });
      await new Promise((r) => setTimeout(r, 150));
      expect(staff.received).toEqual([]);

      const pulled = await staff.pull(0);
      expect(pulled.kind).toBe('snapshot');
      const created = op(KIOSK, createRequest());
      await hub.hub.submit(created, { kind: 'system' });
      const push = await waitFor(() => staff.received[0], 'the live push');
      expect(push.after).toBe(pulled.upTo);
      expect(push.entries.map((e) => e.op.id)).toEqual([created.id]);
    } finally {
      staff.close();
    }
  });
});
