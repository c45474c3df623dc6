import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice, loginToken, waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';

describe('hub over real sockets', () => {
  const env = useTestHub({ perTest: true });

  const kiosk = (): Promise<TestDevice> => env.kiosk('K32', KIOSK.id);
  const staff = (id = 'A101'): Promise<TestDevice> => env.staff(id);

  it('runs the walking-skeleton flow and keeps it across a restart', async () => {
    const k = await kiosk();
    const s = await staff();
    const body = createRequest();
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';

    const created = await k.submit(op(KIOSK, body));
    expect(created).toMatchObject({ ok: true });
    const seen = await waitFor(() => s.received.flatMap((m) => m.entries).find((e) => e.op.id === created.opId), 'staff sees request');
    expect(seen.op.type).toBe('request.create');

    expect(await s.submit(op(AMIRA, { type: 'request.claim', payload: { requestId } }))).toMatchObject({ ok: true });
    await waitFor(
      () => k.received.flatMap((m) => m.entries).some((e) => e.op.type === 'kiosk.view' && e.op.payload.requests.some((r) => r.status === 'claimed')),
      'kiosk sees claim',
    );
    expect(await s.submit(op(AMIRA, { type: 'request.deliver', payload: { requestId } }))).toMatchObject({ ok: true });

    const seqBefore = env.hub.hub.seq;
    await env.restart();
    expect(env.hub.hub.seq).toBe(seqBefore);
    expect(env.hub.hub.current.requests[requestId]).toMatchObject({ status: 'delivered', claimedByName: 'Amira' });

    const k2 = await kiosk();
    const snap = await k2.pull(0);
    expect(snap.kind).toBe('snapshot');
    if (snap.kind === 'snapshot') expect(snap.state.requests[requestId]?.status).toBe('delivered');
  });

  it('answers malformed operations with a clear reason and stays up', async () => {
    const k = await kiosk();
    const bad: unknown[] = [
      null,
      42,
      'hello',
      { v: 1 },
      { ...op(KIOSK, createRequest()), payload: { requestId: 'x' } },
      { ...op(KIOSK, createRequest()), type: 'drop.tables' },
      { ...op(KIOSK, createRequest({ surname: 'x'.repeat(10_000) })) },
    ];
    for (const b of bad) {
      const ack = await k.submit(b);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(ack.reason).toMatch(/invalid operation: .+/);
    }
    const seq = env.hub.hub.seq;
    expect(await k.submit(op(KIOSK, createRequest()))).toMatchObject({ ok: true, seq: seq + 1 });
  });

  it('a kiosk cannot act as staff, nor submit as another device', async () => {
    const k = await kiosk();
    const created = op(KIOSK, createRequest());
    await k.submit(created);
    const requestId = created.type === 'request.create' ? created.payload.requestId : '';
    const claim = await k.submit(op(AMIRA, { type: 'request.claim', payload: { requestId } }));
    expect(claim).toMatchObject({ ok: false, code: 'forbidden' });
    const other = await k.submit(op({ kind: 'kiosk', id: 'kiosk-someone-else' }, createRequest()));
    expect(other).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('applies a duplicated operation once and acknowledges both', async () => {
    const k = await kiosk();
    const o = op(KIOSK, createRequest());
    const [a, b] = await Promise.all([k.submit(o), k.submit(o)]);
    expect(a).toEqual(b);
    expect(Object.keys(env.hub.hub.current.requests)).toHaveLength(1);
  });

  it('refuses a wrong PIN and an unauthenticated socket', async () => {
    await expect(loginToken(env.hub.url, 'A101', '0000')).rejects.toThrow(/PIN is not right/);
    await expect(connectDevice(env.hub.url, { token: 'forged.token' })).rejects.toThrow(/sign in again/);
    await expect(connectDevice(env.hub.url, {})).rejects.toThrow(/kiosk|token/);
  });

  it('sends staff only the requests of their gates', async () => {
    const k = await kiosk();
    const sofia = await staff('A103'); // gates K40–K49
    const amira = await staff();
    await k.submit(op(KIOSK, createRequest()));
    await waitFor(() => amira.received.length > 0, 'amira gets K32 request');
    await env.settled(sofia);
    expect(sofia.received.flatMap((m) => m.entries).filter((e) => e.op.type.startsWith('request.'))).toHaveLength(0);
  });

  it('tablets sharing a view get the same push, a kiosk its own redacted one, a late-comer from its own seq', async () => {
    const k = await kiosk();
    const amira = await staff();
    const lucas = await staff('A102'); // same gates as Amira
    const manager = await staff('M201');
    const first = createRequest({ surname: 'Moreau', note: 'allergic to nuts' });
    await k.submit(op(KIOSK, first));
    const late = await staff('A101'); // Amira on a second tablet, after the first request
    const second = createRequest({ surname: 'Dupont' });
    await k.submit(op(KIOSK, second));
    const creates = (d: TestDevice) => d.received.flatMap((m) => m.entries).filter((e) => e.op.type === 'request.create');
    for (const d of [amira, lucas, manager]) await waitFor(() => creates(d).length === 2, 'both requests on every tablet');
    await waitFor(() => creates(late).length === 1 && creates(k).length === 2, 'the late tablet and the kiosk');
    expect(creates(amira).map((e) => e.op.payload)).toEqual(creates(lucas).map((e) => e.op.payload));
    expect(creates(amira)[0]!.op.payload).toMatchObject({ surname: 'Moreau', note: 'allergic to nuts' });
    expect(creates(k)[0]!.op.payload).not.toMatchObject({ surname: 'Moreau' });
    expect(creates(late)[0]!.op.payload).toMatchObject({ surname: 'Dupont' });
    // Every push follows on from what that device already had: no gaps, no repeats.
    for (const d of [amira, lucas, manager, late, k]) {
      for (const [i, m] of d.received.entries()) if (i > 0) expect(m.after).toBe(d.received[i - 1]!.upTo);
    }
  });
});
