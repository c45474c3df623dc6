import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../server/app.ts';
import { removeDir, startTestHub, tempDataDir } from '../helpers/hub.ts';
import { connectDevice, loginToken, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

describe('an agent picks the gates they watch', () => {
  let dir: string;
  let hub: RunningHub;
  const devices: TestDevice[] = [];

  beforeEach(async () => {
    dir = await tempDataDir();
    hub = await startTestHub(dir);
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) d.close();
    await hub.close();
    await removeDir(dir);
  });

  it('gets live requests only from the picked gates', async () => {
    const token = await loginToken(hub.url, 'A101', '2468');
    const k33only = await connectDevice(hub.url, { token, gates: ['K33'] });
    const k32 = await connectDevice(hub.url, { token, gates: ['K32', 'K33'] });
    devices.push(k33only, k32);
    const kiosk = await connectDevice(hub.url, (await enrollKiosk(hub.url, 'K32', KIOSK.id)).auth);
    devices.push(kiosk);
    await kiosk.submit(op(KIOSK, createRequest()));
    await waitFor(() => k32.received.some((m) => m.entries.some((e) => e.op.type === 'request.create')), 'K32 watcher gets it');
    await new Promise((r) => setTimeout(r, 100));
    expect(k33only.received.flatMap((m) => m.entries).filter((e) => e.op.type === 'request.create')).toEqual([]);
  });

  it('refuses gates outside the agent’s assignment with a clear reason', async () => {
    const token = await loginToken(hub.url, 'A101', '2468');
    await expect(connectDevice(hub.url, { token, gates: ['K32', 'K41'] })).rejects.toThrow('gate K41 is not one of your gates');
  });
});
