import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { EVENTS, type Actor, type Op } from '../../core/index.ts';
import { DEMO_STAFF } from '../../server/demo-airport.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { type TestDevice } from '../helpers/socket-clients.ts';
import { createRequest, op } from '../helpers/ops.ts';

/** Generous limits: this file is about bad input, not floods (test/security/limits.test.ts is). */
// Messages up to 1 MB: huge strings must reach the hub's own checks rather than close the socket.
const LIMITS = {
  opsPerSecond: 1e6,
  opsBurst: 1e6,
  pullsPerSecond: 1e6,
  pullsBurst: 1e6,
  restPerMinute: 1e6,
  signInPerMinute: 1e6,
  maxMessageBytes: 1024 * 1024,
};
const DEMO_PINS = new Set(DEMO_STAFF.map((s) => s.pin));
/** Routes no junk can get through (credentials or a session needed). */
const GUARDED = new Set(['POST /api/login', 'POST /api/kiosks/enroll', 'GET /api/snapshot']);
const RUNS = Number(process.env.GATECARE_FUZZ_RUNS ?? 60);

/** Values of every JSON-ish shape, including huge strings and deep nesting. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.json().map((j) => JSON.parse(j) as unknown),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom(null, true, -1, 1e308, NaN, '', '0', [], {}, { __proto__: { admin: true } }, 'DROP TABLE', '\u0000', '😀'.repeat(50)),
);

/** Junk that stays on the wire: JSON drops a field whose value is undefined, so the hub would never see it. */
const present = junk.filter((v) => v !== undefined);

/** A value surely of another type than `v` (so a field that had `v` no longer validates). */
function otherType(v: unknown): fc.Arbitrary<unknown> {
  const kind = (x: unknown): string => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
  return junk.filter((x) => x !== undefined && kind(x) !== kind(v));
}

/** Every leaf path of a JSON object. */
function leafPaths(o: unknown, prefix: string[] = []): string[][] {
  if (o === null || typeof o !== 'object') return [prefix];
  const entries = Array.isArray(o) ? o.map((v, i) => [String(i), v] as const) : Object.entries(o);
  return entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

function setPath(o: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(o) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('fuzzing every REST route and socket event with bad payloads (fast-check)', () => {
  const env = useTestHub({ options: { limits: LIMITS } });
  let kiosk: TestDevice;
  let me: Actor;
  let agent: TestDevice;
  let staffToken = '';
  let before = '';

  beforeAll(async () => {
    ({ kiosk, me } = await env.enrolledKiosk('K32'));
    staffToken = await env.token('A105');
    agent = await env.device({ token: staffToken });
    // One real request, so "wrong order" operations have something to be wrong about.
    expect(await kiosk.submit(op(me, createRequest({ gate: 'K32' })))).toMatchObject({ ok: true });
    before = JSON.stringify(env.hub.hub.current);
  });

  function stateUnchanged(): void {
    expect(JSON.stringify(env.hub.hub.current)).toBe(before);
  }

  it('every /api route answers bad bodies, headers and query strings with a 4xx and a readable error, never a 5xx', async () => {
    const routes = env.hub.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .map((l) => /\/?(api\/\S*) \(([A-Z, ]+)\)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .flatMap((m) =>
        m[2]!
          .split(', ')
          .filter((x) => x !== 'HEAD')
          .map((method) => ({ method, url: `/${m[1]!}` })),
      );
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /api/login', 'POST /api/kiosks/enroll', 'GET /api/snapshot']),
    );

    const body = fc.oneof(
      junk.map((j) => ({ type: 'application/json', payload: JSON.stringify(j) ?? 'null' })),
      fc.string({ maxLength: 300 }).map((s) => ({ type: 'application/json', payload: s })),
      fc.string({ maxLength: 300 }).map((s) => ({ type: 'text/plain', payload: s })),
      fc.integer({ min: 65 * 1024, max: 300 * 1024 }).map((n) => ({ type: 'application/json', payload: `{"pin":"${'1'.repeat(n)}"}` })),
      // Nearly right: real ids, wrong PINs or extra fields.
      fc
        .record({
          staffId: fc.constantFrom('A101', 'M201', 'a101', 'Z999', ''),
          pin: fc.stringMatching(/^[0-9]{0,9}$/).filter((p) => !DEMO_PINS.has(p)),
          gate: fc.constantFrom('K32', 'ZZ1', 'k32', 42),
          device: fc.oneof(fc.constant('kiosk-fuzz-0001'), junk),
          extra: fc.option(junk, { nil: undefined }),
        })
        .map((r) => ({ type: 'application/json', payload: JSON.stringify(r) })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        body,
        fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
        fc.string({ maxLength: 50 }),
        async (route, b, authorization, query) => {
          const res = await env.hub.app.inject({
            method: route.method as 'GET' | 'POST',
            url: `${route.url}?${encodeURIComponent(query)}`,
            headers: { 'content-type': b.type, ...(authorization !== undefined ? { authorization: `Bearer ${authorization}` } : {}) },
            ...(route.method === 'GET' ? {} : { payload: b.payload }),
          });
          expect(res.statusCode, `${route.method} ${route.url} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (GUARDED.has(`${route.method} ${route.url}`)) expect(res.statusCode).toBeGreaterThanOrEqual(400);
          if (res.statusCode < 400) return;
          const error = (res.json() as { error?: unknown }).error;
          expect(typeof error === 'string' && error.length > 5, res.body.slice(0, 200)).toBe(true);
        },
      ),
      { numRuns: RUNS * 3 },
    );
    stateUnchanged();
    expect((await fetch(`${env.hub.url}/api/health`)).status).toBe(200);
  });

  it('operations with a field of the wrong type, a huge string or an unknown payload field are refused with a reason', async () => {
    const valid = (): Op => op(me, createRequest({ gate: 'K32' }));
    const paths = leafPaths(valid()).filter((p) => p.join('.') !== 'payload.note');
    const mutated = fc.oneof(
      fc
        .tuple(fc.constantFrom(...paths), fc.constant(null))
        .chain(([path]) =>
          otherType(path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], valid())).map((v) => setPath(valid(), path, v)),
        ),
      fc
        .tuple(
          fc.constantFrom(...paths.filter((p) => typeof p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], valid()) === 'string')),
          fc.integer({ min: 100, max: 50_000 }),
        )
        .map(([path, n]) => setPath(valid(), path, 'Z'.repeat(n))),
      fc
        .tuple(
          fc
            .string({ minLength: 1, maxLength: 20 })
            .filter(
              (k) =>
                ![
                  'requestId',
                  'gate',
                  'flightNumber',
                  'surname',
                  'needs',
                  'party',
                  'language',
                  'note',
                  'unaccompaniedMinor',
                  'pass',
                  'boardingPass',
                  'phone',
                  'pnr',
                  'seat',
                ].includes(k) && k !== '__proto__',
            ),
          present,
        )
        .map(([k, v]) => {
          const o = valid() as unknown as { payload: Record<string, unknown> };
          o.payload[k] = v;
          return o;
        }),
      junk,
    );
    await fc.assert(
      fc.asyncProperty(mutated, async (bad) => {
        const ack = await kiosk.submit(bad);
        expect(ack.ok, String(JSON.stringify(bad)).slice(0, 300)).toBe(false);
        if (!ack.ok) {
          expect(['invalid', 'forbidden']).toContain(ack.code);
          expect(ack.reason.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: RUNS * 2 },
    );
    stateUnchanged();
  });

  it('operations in the wrong order, on requests and vouchers that do not exist, are refused and change nothing', async () => {
    const amira = { kind: 'staff' as const, id: 'A105' };
    const ref = fc.uuid({ version: 7 });
    const body = fc.oneof(
      ref.map((requestId) => ({ type: 'request.claim', payload: { requestId } })),
      ref.map((requestId) => ({ type: 'request.deliver', payload: { requestId } })),
      ref.map((requestId) => ({ type: 'request.release', payload: { requestId } })),
      ref.map((requestId) => ({ type: 'request.cancel', payload: { requestId, reason: 'fuzzing order' } })),
      ref.map((requestId) => ({ type: 'request.note', payload: { requestId, text: 'a note' } })),
      fc.tuple(ref, ref).map(([voucherId, requestId]) => ({
        type: 'voucher.issue',
        payload: { voucherId, requestId, kind: 'meal', amountCents: 500, currency: 'EUR' },
      })),
      ref.map((voucherId) => ({ type: 'voucher.approve', payload: { voucherId } })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 5 }), async (bodies) => {
        for (const b of bodies) {
          const ack = await agent.submit({ ...op(amira, createRequest()), type: b.type, payload: b.payload });
          expect(ack.ok, b.type).toBe(false);
          if (!ack.ok) expect(ack.reason.length, ack.reason).toBeGreaterThan(10);
        }
      }),
      { numRuns: RUNS },
    );
    stateUnchanged();
  });

  it('pull, ticket look-up and unknown events with junk get a clear error and leave the connection and the hub up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(EVENTS.pull, EVENTS.ticketLookup, EVENTS.submit), junk, async (event, args) => {
        const answer = (await kiosk.socket.timeout(5000).emitWithAck(event, args)) as Record<string, unknown>;
        const valid = 'kind' in answer || answer.ok === true;
        if (!valid) {
          const message = answer.error ?? answer.reason;
          expect(typeof message === 'string' && message.length > 10, JSON.stringify(answer).slice(0, 200)).toBe(true);
        }
      }),
      { numRuns: RUNS * 2 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ minLength: 1, maxLength: 30 })
          .filter((e) => !['connect', 'disconnect', 'disconnecting', 'error', 'newListener', 'removeListener', 'connect_error'].includes(e)),
        junk,
        async (event, args) => {
          kiosk.socket.emit(event, args);
          kiosk.socket.emit(EVENTS.submit, args); // no ack callback: ignored, not a crash
        },
      ),
      { numRuns: RUNS },
    );
    expect(kiosk.socket.connected).toBe(true);
    expect(await kiosk.pull(0)).toMatchObject({ kind: 'snapshot' });
    stateUnchanged();
  });

  it('connections with junk credentials are refused with a reason, never let in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.object(),
          junk.map((j) => ({ kiosk: j })),
          junk.map((j) => ({ token: j })),
          junk.map((j) => ({ kiosk: { token: j } })),
        ),
        async (auth) => {
          const s = io(env.hub.url, { auth: auth as Record<string, unknown>, transports: ['websocket'], forceNew: true, reconnection: false });
          const outcome = await new Promise<string>((done) => {
            s.once('connect', () => done('connected'));
            s.once('connect_error', (e) => done(e.message));
          });
          s.disconnect();
          expect(outcome).not.toBe('connected');
          expect(outcome.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: RUNS },
    );
    stateUnchanged();
  });

  it('after all of it the hub still accepts good work from the same devices', async () => {
    expect(await kiosk.submit(op(me, createRequest({ gate: 'K32' })))).toMatchObject({ ok: true });
    expect((await fetch(`${env.hub.url}/api/health`)).status).toBe(200);
  });
});
