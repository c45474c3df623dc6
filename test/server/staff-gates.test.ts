import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, waitFor } from '../helpers/socket-clients.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

describe('an agent picks the gates they watch', () => {
  const env = useTestHub({ perTest: true });

  it('gets live requests only from the picked gates', async () => {
    const token = await env.token('A101');
    const k33only = await env.device({ token, gates: ['K33'] });
    const k32 = await env.device({ token, gates: ['K32', 'K33'] });
    const kiosk = await env.kiosk('K32', KIOSK.id);
    await kiosk.submit(op(KIOSK, createRequest()));
    await waitFor(() => k32.received.some((m) => m.entries.some((e) => e.op.type === 'request.create')), 'K32 watcher gets it');
    await env.settled(k33only);
    expect(k33only.received.flatMap((m) => m.entries).filter((e) => e.op.type === 'request.create')).toEqual([]);
  });

  it('refuses gates outside the agent’s assignment with a clear reason', async () => {
    const token = await env.token('A101');
    await expect(connectDevice(env.hub.url, { token, gates: ['K32', 'K41'] })).rejects.toThrow('gate K41 is not one of your gates');
  });
});
