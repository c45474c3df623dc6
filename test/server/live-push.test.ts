import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, waitFor } from '../helpers/socket-clients.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

describe('live pushes say truly where they start, so a device can always tell a gap', () => {
  const env = useTestHub();

  it('a device that has not pulled yet gets pushes starting at the hub seq of its connection, then where its pull ended', async () => {
    await env.hub.hub.submit(op(KIOSK, createRequest()), { kind: 'system' });
    const atConnect = env.hub.hub.durableSeq;
    const staff = await connectDevice(env.hub.url, { token: await env.token('A101') });
    try {
      // A push claiming to follow seq 0 would let a device that was at seq 3 skip everything in between.
      const first = op(KIOSK, createRequest());
      await env.hub.hub.submit(first, { kind: 'system' });
      const push = await waitFor(() => staff.received[0], 'the first live push');
      expect(push.after).toBe(atConnect);
      expect(push.entries.map((e) => e.op.id)).toEqual([first.id]);

      const pulled = await staff.pull(1);
      const second = op(KIOSK, createRequest());
      await env.hub.hub.submit(second, { kind: 'system' });
      const next = await waitFor(() => staff.received[1], 'the next live push');
      expect(next.after).toBe(pulled.upTo);
      expect(next.entries.map((e) => e.op.id)).toEqual([second.id]);
    } finally {
      staff.close();
    }
  });
});
