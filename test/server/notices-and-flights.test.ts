import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../core/index.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, KIOSK, op } from '../helpers/ops.ts';
import { CLAIRE, publishNotice } from '../helpers/manager-ops.ts';

describe('notices and flight changes over real sockets', () => {
  const env = useTestHub({ perTest: true });
  const entries = (d: TestDevice): LogEntry[] => d.received.flatMap((m) => m.entries);
  const flightId = (number: string) => Object.values(env.hub.hub.current.flights).find((f) => f.number === number)!.id;

  it('staff receive a notice at once; the kiosk at the gate only after the lead, from the hub', async () => {
    const kiosk = await env.kiosk('K32', KIOSK.id);
    const agent = await env.staff('A101');
    const manager = await env.staff('M201');

    const body = publishNotice({ kind: 'flight', flightId: flightId('AF1634') }, { leadSeconds: 1 });
    const ack = await manager.submit(op(CLAIRE, body));
    expect(ack).toMatchObject({ ok: true });

    const toAgent = await waitFor(() => entries(agent).find((e) => e.op.type === 'notice.publish'), 'agent gets the notice');
    const receivedByAgentAt = Date.now();
    expect(entries(kiosk).some((e) => e.op.type.startsWith('notice.'))).toBe(false);

    const toKiosk = await waitFor(() => entries(kiosk).find((e) => e.op.type === 'notice.reveal'), 'kiosk gets the reveal', 10_000);
    expect(Date.now()).toBeGreaterThan(receivedByAgentAt);
    expect(toKiosk.seq).toBeGreaterThan(toAgent.seq);
    expect(Date.parse(toKiosk.at) - Date.parse(toAgent.at)).toBeGreaterThanOrEqual(1000);
    expect(toKiosk.op.actor).toEqual({ kind: 'system', id: 'notice-reveal' });
    expect(entries(kiosk).some((e) => e.op.type === 'notice.publish')).toBe(false);

    // A kiosk that connects later gets the revealed notice in its snapshot.
    const late = await env.kiosk('K32', 'kiosk-test-late-0002');
    const snap = await late.pull(0);
    expect(snap.kind === 'snapshot' && Object.keys(snap.state.notices)).toEqual([body.payload.noticeId]);
  });

  it('a kiosk that pulls during the lead sees no notice, and a restarted hub still reveals it', async () => {
    const manager = await env.staff('M201');
    const body = publishNotice({ kind: 'all' }, { leadSeconds: 2 });
    expect(await manager.submit(op(CLAIRE, body))).toMatchObject({ ok: true });
    const kiosk = await env.kiosk('K45', KIOSK.id);
    const early = await kiosk.pull(0);
    expect(early.kind === 'snapshot' && early.state.notices).toEqual({});
    const seqAfterPublish = early.upTo;
    expect(env.hub.hub.current.notices[body.payload.noticeId]!.revealedAt).toBeNull();

    await env.restart();
    await waitFor(() => env.hub.hub.current.notices[body.payload.noticeId]?.revealedAt, 'reveal after restart', 10_000);
    await env.hub.hub.flush();
    const kiosk2 = await env.kiosk('K45', KIOSK.id);
    const later = await kiosk2.pull(seqAfterPublish);
    expect(later.kind).toBe('entries');
    if (later.kind === 'entries') expect(later.entries.map((e) => e.op.type)).toEqual(['notice.reveal']);
  });

  it('only duty managers may publish notices or change flights', async () => {
    const agent = await env.staff('A101');
    const kiosk = await env.kiosk('K32', KIOSK.id);
    const id = flightId('AF1012');
    const later = new Date(Date.parse(env.hub.hub.current.flights[id]!.scheduledDeparture) + 3600_000).toISOString();
    const bodies = [
      publishNotice({ kind: 'all' }),
      { type: 'flight.delay' as const, payload: { flightId: id, estimatedDeparture: later } },
      { type: 'flight.cancel' as const, payload: { flightId: id, rebookedDeparture: null } },
      { type: 'flight.gate' as const, payload: { flightId: id, gate: 'K40' } },
    ];
    for (const b of bodies) {
      expect(await agent.submit(op(AMIRA, b))).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await kiosk.submit(op(KIOSK, b))).toMatchObject({ ok: false, code: 'forbidden' });
    }
    // An agent cannot pass as the duty manager either.
    expect(await agent.submit(op(CLAIRE, bodies[1]!))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(env.hub.hub.current.flights[id]!.status).toBe('scheduled');
    expect(env.hub.hub.current.notices).toEqual({});

    const manager = await env.staff('M201');
    expect(await manager.submit(op(CLAIRE, bodies[1]!))).toMatchObject({ ok: true });
    // Every device learns the new departure live.
    await waitFor(() => entries(kiosk).find((e) => e.op.type === 'flight.delay'), 'kiosk sees the delay');
    await waitFor(() => entries(agent).find((e) => e.op.type === 'flight.delay'), 'agent sees the delay');
    expect(env.hub.hub.current.flights[id]).toMatchObject({ status: 'delayed', estimatedDeparture: later });
  });
});
