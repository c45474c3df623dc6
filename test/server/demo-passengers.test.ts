import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { proactiveCare } from '../../core/index.ts';
import { planFlightCare } from '../../core/flight-care.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { demoPass } from '../../server/demo-passengers.ts';
import { DEMO_OUTLET_MANAGER } from '../../server/demo-outlets.ts';
import { op } from '../helpers/ops.ts';
import { postJson } from '../helpers/rest.ts';

const MANAGER = { kind: 'staff' as const, id: 'M201' };

describe('the demo airport lists its disrupted flights’ passengers', () => {
  const env = useTestHub({ config: { seedDemoLists: true } });

  it('staff see who needs care before anyone asks, as `npm start` shows it', () => {
    const state = env.hub.hub.current;
    const listed = Object.keys(state.passengerLists ?? {}).map((id) => state.flights[id]!.number);
    expect(listed.sort()).toEqual(['AF1634', 'AF1780', 'BA0305']);
    const [af1634] = proactiveCare(state, ['K32'], new Date().toISOString());
    expect(af1634!.headline).toContain('AF1634: 2 wheelchair passengers, 1 unaccompanied minor, 3 infants');
  });

  it('whole-flight meals, then the demo café scans the printed pass and takes part of the meal', async () => {
    const state = env.hub.hub.current;
    const af1634 = Object.values(state.flights).find((f) => f.number === 'AF1634')!;
    const planned = planFlightCare(state, { flightId: af1634.id }, new Date().toISOString());
    expect(planned).toMatchObject({ ok: true, plan: { vouchers: expect.any(Array) } });
    if (!planned.ok) return;
    expect(planned.plan.vouchers).toHaveLength(12);
    const manager = await env.device({ token: await env.token('M201') });
    const expectFigures = { vouchers: planned.plan.vouchers.length, totalMinor: planned.plan.totalMinor };
    expect(
      await manager.submit(op(MANAGER, { type: 'vouchers.issueFlight', payload: { flightId: af1634.id, kind: 'meal', expect: expectFigures } })),
    ).toMatchObject({
      ok: true,
    });

    const { token } = env.hub.outletTokens.issue('demo-2e-cafe', DEMO_OUTLET_MANAGER);
    const post = (path: string, body: unknown) => postJson(env.hub.url, path, body, token);
    const looked = (await (await post('/api/outlet/lookup', { scan: demoPass(af1634.scheduledDeparture) })).json()) as {
      vouchers: { voucherId: string; kind: string; amountCents: number; initial: string; refusal: unknown }[];
    };
    expect(looked.vouchers).toEqual([expect.objectContaining({ kind: 'meal', amountCents: 1500, initial: 'M', refusal: null })]);
    const spent = await post('/api/outlet/redeem', { redemptionId: randomUUID(), voucherId: looked.vouchers[0]!.voucherId, amountCents: 900 });
    expect(spent.status).toBe(200);
    expect(await spent.json()).toMatchObject({ receipt: { amountCents: 900, remainingCents: 600, outletName: 'Café 2E — Hall K' } });
  });
});
