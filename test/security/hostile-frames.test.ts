import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENTS } from '../../core/index.ts';
import { DEFAULT_LIMITS } from '../../server/limits.ts';
import { measureJson } from '../../server/json-size.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { connectDevice } from '../helpers/socket-clients.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { createRequest, op } from '../helpers/ops.ts';
import { deepArrayJson, deepObjectJson, emitRaw } from '../helpers/raw-frames.ts';

function nestedArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A valid operation's JSON with `deep` (JSON text) put at `where`. */
function opWith(device: string, gate: string, where: string, deep: string): string {
  if (where === 'top') return deep;
  const base = op({ kind: 'kiosk', id: device }, createRequest({ gate }));
  const marker = '"__deep__"';
  const shaped =
    where === 'payload' || where === 'actor'
      ? { ...base, [where]: '__deep__' }
      : { ...base, payload: { ...(base.payload as Record<string, unknown>), [where]: '__deep__' } };
  return JSON.stringify(shaped).replace(marker, deep);
}

describe('hostile socket frames never end the hub', () => {
  const env = useTestHub({ options: { limits: { opsPerSecond: 1e6, opsBurst: 1e6 } } });

  it('an op nested 5,000 deep (about 10 KB) from an enrolled kiosk is refused with a reason; the hub keeps serving', async () => {
    const k = await enrollKiosk(env.hub.url, 'K32');
    const d = await env.device(k.auth);
    const seq = env.hub.hub.seq;
    for (const frame of [deepArrayJson(5000), opWith(k.device, 'K32', 'payload', deepObjectJson(5000))]) {
      expect(await emitRaw(d.socket, EVENTS.submit, frame)).toMatchObject({
        ok: false,
        code: 'invalid',
        reason: 'operation nested too deeply: an operation is a flat record of fields',
      });
    }
    // The same deep junk on the other events gets an answer too.
    expect(await emitRaw(d.socket, EVENTS.ticketLookup, deepArrayJson(5000))).toMatchObject({ ok: false });
    expect(await emitRaw(d.socket, EVENTS.pull, deepArrayJson(5000))).toMatchObject({ error: expect.any(String) });
    expect(env.hub.hub.seq).toBe(seq);
    expect(await d.submit(op({ kind: 'kiosk', id: k.device }, createRequest()))).toMatchObject({ ok: true });
  });

  it('fuzz: any nesting depth in any part of an operation gets an answer, and the connection stays up', async () => {
    const k = await enrollKiosk(env.hub.url, 'K33');
    const d = await env.device(k.auth);
    const at = fc.constantFrom('top', 'payload', 'needs', 'party', 'note', 'actor');
    await fc.assert(
      fc.asyncProperty(at, fc.integer({ min: 1, max: 8000 }), fc.boolean(), async (where, depth, arrays) => {
        const deep = arrays ? deepArrayJson(depth) : deepObjectJson(depth);
        const ack = await emitRaw(d.socket, EVENTS.submit, opWith(k.device, 'K33', where, deep));
        expect(ack).toMatchObject({ ok: false });
        expect(d.socket.connected).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('a socket message far above what an operation needs closes only that connection (maxHttpBufferSize 64 KB)', async () => {
    expect(DEFAULT_LIMITS.maxMessageBytes).toBeLessThanOrEqual(64 * 1024);
    const k = await enrollKiosk(env.hub.url, 'K34');
    const d = await connectDevice(env.hub.url, k.auth);
    const closed = new Promise<string>((done) => d.socket.once('disconnect', (reason) => done(reason)));
    d.socket.emit(EVENTS.submit, { junk: 'y'.repeat(200 * 1024) }, () => {});
    expect(await closed).toMatch(/transport close|transport error/);
    const again = await env.device(k.auth);
    expect(await again.submit(op({ kind: 'kiosk', id: k.device }, createRequest({ gate: 'K34' })))).toMatchObject({ ok: true });
  });

  it('the size measure never recurses: any depth is measured or refused, and it agrees with JSON for flat values', () => {
    expect(measureJson(nestedArray(1_000_000), 1e9)).toMatchObject({ ok: false, reason: 'too_deep' });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const m = measureJson(v, 1e9);
        expect(m.ok).toBe(true);
        // Exact but for escapes (a quote or a control character weighs more once escaped, at most 6 bytes).
        const real = Buffer.byteLength(JSON.stringify(v));
        if (m.ok) {
          expect(m.bytes).toBeLessThanOrEqual(real);
          expect(m.bytes * 6).toBeGreaterThanOrEqual(real);
        }
      }),
    );
  });
});
