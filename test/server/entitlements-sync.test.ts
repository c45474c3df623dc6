import { describe, expect, it } from 'vitest';
import { emptyState, entitlementsForFlight, replay, type HubState, type PullResult } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, op } from '../helpers/ops.ts';

const CLAIRE = { kind: 'staff' as const, id: 'M201' };

async function stateOf(d: TestDevice): Promise<HubState> {
  const r: PullResult = await d.pull(0);
  return r.kind === 'snapshot' ? r.state : replay(emptyState(), r.entries).state;
}

function montreal(s: HubState) {
  return Object.values(s.flights).find((f) => f.number === 'AC0871')!;
}

describe('entitlements across the hub, over real sockets', () => {
  const env = useTestHub();

  it('a kiosk gets the airline rules and works out the same entitlements as the hub', async () => {
    const kiosk = await env.kiosk('K44');
    const s = await stateOf(kiosk);
    expect(Object.keys(s.airlines).sort()).toEqual(['AC', 'AF', 'BA']);
    const mine = entitlementsForFlight(s, montreal(s))!;
    expect(mine).toEqual(entitlementsForFlight(env.hub.hub.current, montreal(env.hub.hub.current)));
    expect(mine.entitlements.find((e) => e.kind === 'meal')).toMatchObject({ source: 'appr', voucher: { unit: { minor: 1500, currency: 'EUR' } } });
  });

  it("the duty manager's cause reaches the kiosk live and survives a restart; agents cannot change airline rules", async () => {
    const kiosk = await env.kiosk('K44');
    await kiosk.pull(0);
    const claire = await env.staff('M201');
    const amira = await env.staff('A101');
    const ac = montreal(env.hub.hub.current);

    const refused = await amira.submit(op(AMIRA, { type: 'airline.upsert', payload: { code: 'AC', name: 'Air Canada', regimes: ['eu261'] } }));
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });

    const ack = await claire.submit(
      op(CLAIRE, { type: 'flight.delay', payload: { flightId: ac.id, estimatedDeparture: ac.estimatedDeparture, cause: 'outside_control' } }),
    );
    expect(ack).toMatchObject({ ok: true });
    const pushed = await waitFor(
      () => kiosk.received.flatMap((m) => m.entries).find((e) => e.op.type === 'flight.delay'),
      'the delay pushed to the kiosk',
    );
    expect(pushed.op.type === 'flight.delay' && pushed.op.payload.cause).toBe('outside_control');

    const live = await stateOf(kiosk);
    expect(entitlementsForFlight(live, montreal(live))).toMatchObject({ entitlements: [], nextThreshold: { source: 'eu261', delayMinutes: 240 } });

    await env.restart();
    const restarted = montreal(env.hub.hub.current);
    expect(restarted).toMatchObject({ disruptionCause: 'outside_control' });
    expect(env.hub.hub.current.airlines.AC!.regimes).toEqual(['eu261', 'appr']);
  });
});
