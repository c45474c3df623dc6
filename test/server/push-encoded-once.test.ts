import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacketType, type Packet } from 'socket.io-parser';
import { EVENTS } from '../../core/index.ts';
import { textOnlyParser } from '../../server/text-only-parser.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { AMIRA, KIOSK, createRequest, op, requestIdOf } from '../helpers/ops.ts';

/**
 * In a surge hundreds of tablets watch different sets of gates, yet a batch of a few operations
 * shows most of them the same entries: the hub encodes each distinct message once, not once per
 * set of gates (encoding was most of what a push cost the hub).
 */
describe('a push is encoded once per distinct message', () => {
  const env = useTestHub();
  afterEach(() => vi.restoreAllMocks());

  it('tablets watching different gates that see the same entries share one encoded message', async () => {
    const tablets = await Promise.all([
      env.staff('A101', ['K32']),
      env.staff('A101', ['K32', 'K33']),
      env.staff('A105'),
      env.staff('M201'),
      // Sees nothing of a request at K32.
      env.staff('A103', ['K41']),
    ]);
    await env.settled(...tablets);
    const encode = vi.spyOn(textOnlyParser.Encoder.prototype, 'encode');
    const created = op(KIOSK, createRequest({ gate: 'K32' }));
    const ack = await env.hub.hub.submit(created, { kind: 'system' });
    expect(ack).toMatchObject({ ok: true });

    const [k32, k32k33, wide, manager, elsewhere] = tablets;
    for (const t of [k32!, k32k33!, wide!, manager!]) {
      const push = await waitFor(() => t.received.find((m) => m.entries.some((e) => e.op.id === created.id)), 'the push');
      expect(push.entries.map((e) => e.op.id)).toEqual([created.id]);
      expect(push.upTo).toBe(ack.ok ? ack.seq : -1);
    }
    await env.settled(...tablets);
    expect(elsewhere!.received.some((m) => m.entries.some((e) => e.op.id === created.id))).toBe(false);

    const entryMessages = encode.mock.calls.filter(([packet]: [Packet]) => packet.type === PacketType.EVENT && packet.data?.[0] === EVENTS.entries);
    expect(entryMessages).toHaveLength(1);
  });

  it('the text a push is sent as says exactly what its message holds, entry by entry, for tablets and for the kiosk', async () => {
    const tablets = await Promise.all([env.staff('A101', ['K32']), env.staff('M201')]);
    const kiosk = await env.kiosk('K32');
    await env.settled(...tablets, kiosk);
    const encode = vi.spyOn(textOnlyParser.Encoder.prototype, 'encode');
    const first = op(KIOSK, createRequest({ gate: 'K32', note: 'wheelchair "to the lift", please \\ ünïcode ✈' }));
    const second = op(KIOSK, createRequest({ gate: 'K32' }));
    await Promise.all([env.hub.hub.submit(first, { kind: 'system' }), env.hub.hub.submit(second, { kind: 'system' })]);
    // Amira's claim reaches the kiosk in the kiosk's form (its request as it now is), not as she sent it.
    const claim = op(AMIRA, { type: 'request.claim', payload: { requestId: requestIdOf(first) } });
    expect(await env.hub.hub.submit(claim, { kind: 'system' })).toMatchObject({ ok: true });
    for (const t of [...tablets, kiosk]) await waitFor(() => t.received.find((m) => m.entries.some((e) => e.op.id === claim.id)), 'the push');
    expect(kiosk.received.flatMap((m) => m.entries).find((e) => e.op.id === claim.id)?.op.type).toBe('kiosk.view');

    const pushes = encode.mock.calls.flatMap(([packet]: [Packet], i) => {
      if (packet.type !== PacketType.EVENT || packet.data?.[0] !== EVENTS.entries) return [];
      const [text] = encode.mock.results[i]!.value as string[];
      return [{ sent: JSON.parse(text!.slice(1)) as unknown, held: JSON.parse(JSON.stringify(packet.data)) as unknown }];
    });
    expect(pushes.length).toBeGreaterThan(0);
    for (const { sent, held } of pushes) expect(sent).toEqual(held);
    const received = tablets[1]!.received.flatMap((m) => m.entries).find((e) => e.op.id === first.id);
    expect(received?.op).toEqual(first);
    // The kiosk's own request comes back without the passenger's name and note, which it does not keep.
    expect(kiosk.received.flatMap((m) => m.entries).find((e) => e.op.id === first.id)?.op).toMatchObject({
      type: 'request.create',
      payload: { surname: '', note: '' },
    });
  });
});
