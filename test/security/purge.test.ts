import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { flightsDueForPurge, type HubState } from '../../core/index.ts';
import { buildReport } from '../../core/report.ts';
import { startHub, type RunningHub } from '../../server/app.ts';
import { removeDir, tempDataDir } from '../helpers/hub.ts';
import { connectDevice, loginToken, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';

const HOURS = 6;
const SURNAMES = ['Kowalczykowa', 'Fitzgeraldine'];

function personal(state: HubState): string {
  return JSON.stringify({ requests: state.requests, vouchers: state.vouchers });
}

describe('passenger personal data is purged a configurable time after the flight closes', () => {
  let dir: string;
  let hub: RunningHub;
  let clock = Date.now();
  let kiosk: TestDevice;
  let manager: TestDevice;
  let af1634 = '';
  const ids: string[] = [];

  const start = (): Promise<RunningHub> =>
    startHub(
      { port: 0, host: '127.0.0.1', dataDir: dir, distDir: resolve('dist'), seedDemo: true, purgeAfterHours: HOURS },
      { now: () => clock, purgeEveryMs: 3600_000 },
    );

  beforeAll(async () => {
    dir = await tempDataDir();
    hub = await start();
    const k = await enrollKiosk(hub.url, 'K32');
    kiosk = await connectDevice(hub.url, k.auth);
    manager = await connectDevice(hub.url, { token: await loginToken(hub.url, 'M201', '7319') });
    await manager.pull(0);
    const agent = await connectDevice(hub.url, { token: await loginToken(hub.url, 'A101', '2468') });
    const amira = { kind: 'staff' as const, id: 'A101' };
    for (const [i, surname] of SURNAMES.entries()) {
      const body = createRequest({ surname, note: `${surname} is diabetic, phone +33 6 12 34 56 7${i}` });
      if (body.type !== 'request.create') throw new Error('unexpected');
      ids.push(body.payload.requestId);
      expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
    }
    const [first, second] = ids as [string, string];
    expect(await agent.submit(op(amira, { type: 'request.note', payload: { requestId: first, text: `${SURNAMES[0]} asked for a call back` } }))).toMatchObject({ ok: true });
    expect(await agent.submit(op(amira, { type: 'request.deliver', payload: { requestId: first, items: { water: 2 } } }))).toMatchObject({ ok: true });
    expect(
      await agent.submit(op(amira, { type: 'voucher.issue', payload: { voucherId: uuidv7(), requestId: first, kind: 'meal', amountCents: 1500, currency: 'EUR', description: `meal for ${SURNAMES[0]}` } })),
    ).toMatchObject({ ok: true });
    expect(await agent.submit(op(amira, { type: 'request.cancel', payload: { requestId: second, reason: `${SURNAMES[1]} left for the hotel` } }))).toMatchObject({ ok: true });
    agent.close();
    af1634 = hub.hub.current.requests[first]!.flightId;
  });
  afterAll(async () => {
    kiosk?.close();
    manager?.close();
    await hub.close();
    await removeDir(dir);
  });

  it('keeps everything while the flight is open and until the configured hours after it left', async () => {
    await hub.purge.tick();
    expect(personal(hub.hub.current)).toContain(SURNAMES[0]);
    const f = hub.hub.current.flights[af1634]!;
    clock = Math.max(Date.parse(f.estimatedDeparture), Date.parse(f.scheduledDeparture)) + (HOURS - 0.5) * 3600_000;
    expect(flightsDueForPurge(hub.hub.current, clock, HOURS)).toEqual([]);
    await hub.purge.tick();
    expect(personal(hub.hub.current)).toContain(SURNAMES[1]);
  });

  it('then the hub issues a purge: names, notes and free text are blank everywhere, the report keeps its counts', async () => {
    const reportAt = new Date(clock).toISOString();
    const reportBefore = buildReport(hub.hub.current, reportAt);
    const otherFlights = Object.values(hub.hub.current.requests).filter((r) => r.flightId !== af1634);
    clock += 3600_000;
    expect(flightsDueForPurge(hub.hub.current, clock, HOURS)).toEqual([af1634]);
    await hub.purge.tick();

    const state = hub.hub.current;
    for (const s of SURNAMES) expect(personal(state)).not.toContain(s);
    expect(personal(state)).not.toContain('+33 6');
    const first = state.requests[ids[0]!]!;
    expect(first).toMatchObject({ surname: '', note: '', status: 'delivered', handedOut: { water: 2 } });
    expect(first.staffNotes).toHaveLength(1);
    expect(state.requests[ids[1]!]).toMatchObject({ status: 'cancelled', cancelReason: '' });
    expect(buildReport(state, reportAt)).toEqual(reportBefore);
    expect(Object.values(state.requests).filter((r) => r.flightId !== af1634)).toEqual(otherFlights);

    // Through the log like any operation: devices receive it, nothing is due any more.
    await waitFor(() => manager.received.flatMap((m) => m.entries).some((e) => e.op.type === 'passengers.purge'), 'the manager view receives the purge');
    expect(flightsDueForPurge(state, clock, HOURS)).toEqual([]);
    const seq = hub.hub.seq;
    await hub.purge.tick();
    expect(hub.hub.seq).toBe(seq);
  });

  it('stays purged after a restart, and nobody but the hub may purge', async () => {
    kiosk.close();
    manager.close();
    await hub.close();
    hub = await start();
    for (const s of SURNAMES) expect(personal(hub.hub.current)).not.toContain(s);
    const m = await connectDevice(hub.url, { token: await loginToken(hub.url, 'M201', '7319') });
    expect(await m.submit(op({ kind: 'staff', id: 'M201' }, { type: 'passengers.purge', payload: { flightId: af1634 } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'duty_manager may not perform passengers.purge',
    });
    m.close();
    manager = await connectDevice(hub.url, { token: await loginToken(hub.url, 'M201', '7319') });
    kiosk = await connectDevice(hub.url, (await enrollKiosk(hub.url, 'K32')).auth);
  });
});
