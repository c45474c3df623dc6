import { beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { flightsDueForPurge, type HubState } from '../../core/index.ts';
import { buildReport } from '../../core/report.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';

const HOURS = 6;
const SURNAMES = ['Kowalczykowa', 'Fitzgeraldine'];

function personal(state: HubState): string {
  return JSON.stringify({ requests: state.requests, vouchers: state.vouchers });
}

describe('passenger personal data is purged a configurable time after the flight closes', () => {
  let clock = Date.now();
  const env = useTestHub({ config: { purgeAfterHours: HOURS }, options: { now: () => clock, purgeEveryMs: 3600_000 } });
  let kiosk: TestDevice;
  let manager: TestDevice;
  let af1634 = '';
  const ids: string[] = [];

  beforeAll(async () => {
    const k = await enrollKiosk(env.hub.url, 'K32');
    kiosk = await env.device(k.auth);
    manager = await env.staff('M201');
    await manager.pull(0);
    const agent = await connectDevice(env.hub.url, { token: await env.token('A101') });
    const amira = { kind: 'staff' as const, id: 'A101' };
    for (const [i, surname] of SURNAMES.entries()) {
      const body = createRequest({ surname, note: `${surname} is diabetic, phone +33 6 12 34 56 7${i}` });
      if (body.type !== 'request.create') throw new Error('unexpected');
      ids.push(body.payload.requestId);
      expect(await kiosk.submit(op({ kind: 'kiosk', id: k.device }, body))).toMatchObject({ ok: true });
    }
    const [first, second] = ids as [string, string];
    expect(
      await agent.submit(op(amira, { type: 'request.note', payload: { requestId: first, text: `${SURNAMES[0]} asked for a call back` } })),
    ).toMatchObject({ ok: true });
    expect(await agent.submit(op(amira, { type: 'request.deliver', payload: { requestId: first, items: { water: 2 } } }))).toMatchObject({
      ok: true,
    });
    expect(
      await agent.submit(
        op(amira, {
          type: 'voucher.issue',
          payload: {
            voucherId: uuidv7(),
            requestId: first,
            kind: 'meal',
            amountCents: 1500,
            currency: 'EUR',
            description: `meal for ${SURNAMES[0]}`,
          },
        }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await agent.submit(op(amira, { type: 'request.cancel', payload: { requestId: second, reason: `${SURNAMES[1]} left for the hotel` } })),
    ).toMatchObject({ ok: true });
    agent.close();
    af1634 = env.hub.hub.current.requests[first]!.flightId;
    // A restart writes a checkpoint holding the names: the purge must reach it too.
    await env.restart();
    kiosk = await env.device(k.auth);
    manager = await env.staff('M201');
    await manager.pull(0);
  });

  /** Every file the hub keeps, as text. */
  async function dataFiles(): Promise<Array<{ file: string; text: string }>> {
    const out: Array<{ file: string; text: string }> = [];
    for (const e of await readdir(env.dir, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) out.push({ file: join(e.parentPath, e.name), text: await readFile(join(e.parentPath, e.name), 'utf8') });
    }
    return out;
  }

  it('keeps everything while the flight is open and until the configured hours after it left', async () => {
    await env.hub.purge.tick();
    expect(personal(env.hub.hub.current)).toContain(SURNAMES[0]);
    const f = env.hub.hub.current.flights[af1634]!;
    clock = Math.max(Date.parse(f.estimatedDeparture), Date.parse(f.scheduledDeparture)) + (HOURS - 0.5) * 3600_000;
    expect(flightsDueForPurge(env.hub.hub.current, clock, HOURS)).toEqual([]);
    await env.hub.purge.tick();
    expect(personal(env.hub.hub.current)).toContain(SURNAMES[1]);
  });

  it('then the hub issues a purge: names, notes and free text are blank everywhere, the report keeps its counts', async () => {
    const reportAt = new Date(clock).toISOString();
    const reportBefore = buildReport(env.hub.hub.current, reportAt);
    const otherFlights = Object.values(env.hub.hub.current.requests).filter((r) => r.flightId !== af1634);
    clock += 3600_000;
    expect(flightsDueForPurge(env.hub.hub.current, clock, HOURS)).toEqual([af1634]);
    await env.hub.purge.tick();

    const state = env.hub.hub.current;
    for (const s of SURNAMES) expect(personal(state)).not.toContain(s);
    expect(personal(state)).not.toContain('+33 6');
    const first = state.requests[ids[0]!]!;
    expect(first).toMatchObject({ surname: '', note: '', status: 'delivered', handedOut: { water: 2 } });
    expect(first.staffNotes).toHaveLength(1);
    expect(state.requests[ids[1]!]).toMatchObject({ status: 'cancelled', cancelReason: '' });
    expect(buildReport(state, reportAt)).toEqual(reportBefore);
    expect(Object.values(state.requests).filter((r) => r.flightId !== af1634)).toEqual(otherFlights);

    // Through the log like any operation: devices receive it, nothing is due any more.
    await waitFor(
      () => manager.received.flatMap((m) => m.entries).some((e) => e.op.type === 'passengers.purge'),
      'the manager view receives the purge',
    );
    expect(flightsDueForPurge(state, clock, HOURS)).toEqual([]);
    const seq = env.hub.hub.seq;
    await env.hub.purge.tick();
    expect(env.hub.hub.seq).toBe(seq);
  });

  it('purged means gone from the log segments, the checkpoint and a manager pulling the entries again', async () => {
    const files = await dataFiles();
    expect(files.map((f) => f.file).some((f) => f.endsWith('checkpoint.json'))).toBe(true);
    for (const { file, text } of files) {
      for (const secret of [...SURNAMES, '+33 6', 'diabetic']) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    const createdAt = Math.min(...(await env.hub.store.readLog()).filter((e) => e.op.type === 'request.create').map((e) => e.seq));
    const pulled = await manager.pull(createdAt - 1);
    expect(pulled.kind).toBe('entries');
    expect(JSON.stringify(pulled)).toContain('request.create');
    for (const secret of [...SURNAMES, '+33 6', 'diabetic']) expect(JSON.stringify(pulled)).not.toContain(secret);
  });

  it('stays purged after a restart, and nobody but the hub may purge', async () => {
    const reportAt = new Date(clock).toISOString();
    const report = buildReport(env.hub.hub.current, reportAt);
    await env.restart();
    // The blanked log replays to the same state: the report is unchanged.
    expect(buildReport(env.hub.hub.current, reportAt)).toEqual(report);
    for (const s of SURNAMES) expect(personal(env.hub.hub.current)).not.toContain(s);
    const m = await connectDevice(env.hub.url, { token: await env.token('M201') });
    expect(await m.submit(op({ kind: 'staff', id: 'M201' }, { type: 'passengers.purge', payload: { flightId: af1634 } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'duty_manager may not perform passengers.purge',
    });
    m.close();
    manager = await env.staff('M201');
    kiosk = await env.kiosk('K32');
  });
});
