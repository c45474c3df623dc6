import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { type TestDevice } from '../helpers/socket-clients.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { op } from '../helpers/ops.ts';
import { postJson } from '../helpers/rest.ts';
import { enrollOutlet } from '../helpers/enroll.ts';

const MANAGER = { kind: 'staff' as const, id: 'M201' };

/** AF1780 is cancelled and rebooked next morning in the demo: a hotel night and transport are owed. */
const LIST = [
  'surname,givenName,bookingRef,cabin,seat,sequence,ssr',
  'Moreau,Anne,XK4P2Q,Y,23A,42,',
  'Moreau,Paul,XK4P2Q,Y,23B,43,',
  'Dubois,Léa,K7QX2A,J,02C,7,',
].join('\n');

describe('taxis for a whole flight over the real hub', () => {
  const env = useTestHub();
  let manager: TestDevice;
  let flightId = '';

  const post = (path: string, body: unknown, token?: string) => postJson(env.hub.url, path, body, token);
  const taxis = (extra: Record<string, unknown> = {}) =>
    op(MANAGER, { type: 'vouchers.issueFlight', payload: { flightId, kind: 'taxi', ...extra } } as never);

  beforeAll(async () => {
    const token = await env.token('M201');
    manager = await env.device({ token });
    const listed = await post('/api/flights/AF1780/passengers', { text: LIST }, token);
    expect(listed.status).toBe(200);
    flightId = ((await listed.json()) as { flightId: string }).flightId;
  });

  it('one taxi per booking with the confirmed count and total, never twice, and the taxi desk spends it by the first passenger’s pass', async () => {
    expect(await manager.submit(taxis({ expect: { vouchers: 3, totalMinor: 24000 } }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('it is now 2 taxi vouchers (there and back) for 3 passengers, 160.00 EUR'),
    });
    expect(await manager.submit(taxis({ expect: { vouchers: 2, totalMinor: 16000 } }))).toMatchObject({ ok: true });
    expect(await manager.submit(taxis())).toMatchObject({ ok: false, reason: expect.stringContaining('already holds its taxi voucher') });

    const desk = await enrollOutlet(env.hub.url, { outletId: 'outlet-taxi-flight01', name: 'Taxi desk 2E', kind: 'taxi-desk', accepts: ['taxi'] });
    const flight = env.hub.hub.current.flights[flightId]!;
    const pass = bcbp('MOREAU/ANNE', [{ flight: '1780', julian: julianFor(flight.scheduledDeparture), sequence: '0042' }]);
    const looked = (await (await post('/api/outlet/lookup', { scan: pass }, desk)).json()) as {
      vouchers: { voucherId: string; kind: string; amountCents: number; refusal: unknown }[];
    };
    expect(looked.vouchers).toEqual([expect.objectContaining({ kind: 'taxi', amountCents: 8000, refusal: null })]);
    const spent = await post('/api/outlet/redeem', { redemptionId: randomUUID(), voucherId: looked.vouchers[0]!.voucherId, amountCents: 4500 }, desk);
    expect(spent.status).toBe(200);
    expect(await spent.json()).toMatchObject({ receipt: { amountCents: 4500, remainingCents: 3500 } });
  });
});
