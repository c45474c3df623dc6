import { describe, expect, it } from 'vitest';
import { useDiskFaults } from '../helpers/disk-faults.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { AMIRA, LUCAS, createRequest, op } from '../helpers/ops.ts';
import { askPhoneLink, capabilityOf, connectPhone } from '../helpers/phone-client.ts';

describe('the written thread under contention: two agents answering at once, and a full disk', () => {
  const env = useTestHub({ perTest: true, options: { shutdownMs: 300, phoneLimits: { writesBurst: 20 } } });
  const disk = useDiskFaults();

  async function ticketWithPhone() {
    const { kiosk, me } = await env.enrolledKiosk('K32');
    const body = createRequest();
    if (body.type !== 'request.create') throw new Error('unexpected');
    expect(await kiosk.submit(op(me, body))).toMatchObject({ ok: true });
    const a = await askPhoneLink(kiosk, { ticket: env.hub.hub.current.requests[body.payload.requestId]!.ticket });
    if (!a.ok) throw new Error(a.reason);
    return { requestId: body.payload.requestId, phone: await connectPhone(env.hub.url, capabilityOf(a.url)) };
  }

  it('two agents answer the same message at the same moment: both answers are kept, signed, in one order everyone sees', async () => {
    const { requestId, phone } = await ticketWithPhone();
    const amira = await env.staff('A101');
    const lucas = await env.staff('A102');
    expect(await phone.write('Is there a pharmacy near the gate?')).toEqual({ v: 1, ok: true });
    const answers = await Promise.all([
      amira.submit(op(AMIRA, { type: 'thread.staff', payload: { requestId, text: 'Yes, next to gate K35' } })),
      lucas.submit(op(LUCAS, { type: 'thread.staff', payload: { requestId, text: 'I can bring you there' } })),
    ]);
    expect(answers).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
    const seqs = answers.map((a) => (a.ok ? a.seq : -1));
    expect(new Set(seqs).size).toBe(2);

    const view = await waitFor(() => phone.latest()?.thread.length === 3 && phone.latest(), 'the phone shows both answers');
    const byHubOrder = [...answers.keys()].sort((a, b) => seqs[a]! - seqs[b]!).map((i) => (i === 0 ? 'Amira' : 'Lucas'));
    expect(view.thread.map((m) => m.byName)).toEqual([null, ...byHubOrder]);
    expect(view.thread.map((m) => m.seq)).toEqual([...view.thread.map((m) => m.seq)].sort((a, b) => a - b));
    // Each tablet replays the same entries to the same thread.
    for (const tablet of [amira, lucas]) {
      await waitFor(
        () => tablet.received.flatMap((m) => m.entries).filter((e) => e.op.type === 'thread.staff').length === 2,
        'each tablet receives both answers',
      );
    }
    expect(env.hub.hub.current.requests[requestId]!.thread!.map((m) => m.text)).toEqual(view.thread.map((m) => m.text));
    phone.close();
  });

  it('a full disk: the phone is answered "storage" and told to try again, accepted messages are kept, and writing works again once space frees', async () => {
    const { requestId, phone } = await ticketWithPhone();
    expect(await phone.write('We are at the café')).toEqual({ v: 1, ok: true });
    disk.fail('ENOSPC');
    // The phone names its message: sent again, it is the same message, kept once.
    const refused = await phone.write('My child has a fever', 'message-fever-1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/^not written yet: the hub cannot write to its disk .*send it again shortly$/);
    expect(env.hub.hub.current.requests[requestId]!.thread!.map((m) => m.text)).toContain('We are at the café');

    disk.heal();
    let again = await phone.write('My child has a fever', 'message-fever-1');
    for (let i = 0; i < 100 && !again.ok; i++) {
      await new Promise((r) => setTimeout(r, 50));
      again = await phone.write('My child has a fever', 'message-fever-1');
    }
    expect(again).toEqual({ v: 1, ok: true });
    await env.restart();
    const texts = env.hub.hub.current.requests[requestId]!.thread!.map((m) => m.text);
    // What was accepted survives, the message the hub kept to write later is there once, resend or not.
    expect(texts).toEqual(['We are at the café', 'My child has a fever']);
    phone.close();
  });
});
