import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest } from '../helpers/ops.ts';
import { SCHEMA_VERSION, type Op } from '../../core/index.ts';
import { v7 as uuidv7 } from 'uuid';

/**
 * A request's device decides which kiosk screen shows its ticket. An agent naming a kiosk's device
 * would plant a ticket on a public screen, also before that kiosk made any request of its own.
 */
describe("no agent creates a request under an enrolled kiosk's device id", () => {
  const env = useTestHub({ perTest: true });

  const asAgentOn = (device: string): Op =>
    ({
      v: SCHEMA_VERSION,
      id: uuidv7(),
      actor: { kind: 'staff', id: 'A101' },
      device,
      at: new Date().toISOString(),
      ...createRequest({ gate: 'K32' }),
    }) as Op;

  it('refused right after enrolment, before the kiosk asked anything, and still after a restart', async () => {
    const kiosk = await enrollKiosk(env.hub.url, 'K32');
    const amira = await env.staff('A101');
    const refused = await amira.submit(asAgentOn(kiosk.device));
    expect(refused).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: expect.stringContaining(`device ${kiosk.device} is a kiosk (enrolled at gate K32)`),
    });
    // The agent's own tablet is fine.
    expect(await amira.submit(asAgentOn('tablet-amira-0001'))).toMatchObject({ ok: true });

    await env.restart();
    const again = await env.staff('A101');
    expect(await again.submit(asAgentOn(kiosk.device))).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
