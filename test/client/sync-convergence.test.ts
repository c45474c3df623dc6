import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { viewOf, type HubState, type Op, type OpBody, type Viewer } from '../../core/index.ts';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import type { Identity } from '../../server/hub.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { loginToken, waitFor } from '../helpers/socket-clients.ts';
import { FlakyProxy } from '../helpers/flaky-proxy.ts';
import { enrollKiosk } from '../helpers/enroll.ts';
import { slowDisk } from '../helpers/slow-disk.ts';

/**
 * Random work on five devices (two kiosks, three agents) over a network that drops,
 * loses answers, duplicates and reloads, with hub restarts: once the network heals,
 * every device holds exactly the hub's state as it may see it, and every operation
 * entered is either in the hub's log once or shown to its author as refused.
 */

interface DeviceSpec {
  name: string;
  viewer: Viewer;
  identity: Identity;
  pin?: string;
}

const DEVICES: DeviceSpec[] = [
  {
    name: 'kiosk K32',
    viewer: { kind: 'kiosk', device: 'kiosk-prop-k32', gate: 'K32' },
    identity: { kind: 'kiosk', device: 'kiosk-prop-k32', gate: 'K32' },
  },
  {
    name: 'kiosk K41',
    viewer: { kind: 'kiosk', device: 'kiosk-prop-k41', gate: 'K41' },
    identity: { kind: 'kiosk', device: 'kiosk-prop-k41', gate: 'K41' },
  },
  { name: 'Amira', viewer: { kind: 'staff', id: 'A101', role: 'agent', gates: [] }, identity: { kind: 'staff', id: 'A101' }, pin: '2468' },
  { name: 'Lucas', viewer: { kind: 'staff', id: 'A102', role: 'agent', gates: [] }, identity: { kind: 'staff', id: 'A102' }, pin: '1357' },
  { name: 'Sofia', viewer: { kind: 'staff', id: 'A103', role: 'agent', gates: [] }, identity: { kind: 'staff', id: 'A103' }, pin: '8642' },
];
const KIOSKS = [0, 1];
const AGENTS = [2, 3, 4];

type Cmd =
  | { kind: 'create'; device: number; needs: ('water' | 'food' | 'blanket')[] }
  | { kind: 'claim' | 'deliver'; device: number; pick: number }
  | { kind: 'down' | 'up' | 'cut' | 'loseAnswers' | 'reload'; device: number }
  | { kind: 'replay'; pick: number }
  | { kind: 'restartHub' }
  | { kind: 'stallHub' }
  | { kind: 'pause'; ms: number };

const device = fc.integer({ min: 0, max: DEVICES.length - 1 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      device: fc.constantFrom(...KIOSKS),
      needs: fc.subarray(['water', 'food', 'blanket'] as ('water' | 'food' | 'blanket')[], { minLength: 1 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constantFrom('claim' as const, 'deliver' as const), device: fc.constantFrom(...AGENTS), pick: fc.nat() }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('down' as const, 'up' as const, 'cut' as const, 'loseAnswers' as const, 'reload' as const),
      device,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stallHub' } as const) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 60 }) }) },
);
/** At most one hub restart per run, somewhere in the middle: restarts are slow, and one proves the point. */
const scenario = fc
  .tuple(fc.array(cmd, { minLength: 1, maxLength: 14 }), fc.boolean(), fc.array(cmd, { maxLength: 14 }))
  .map(([a, restart, b]) => [...a, ...(restart ? [{ kind: 'restartHub' } as Cmd] : []), ...b]);

function withoutSeq(s: HubState): Omit<HubState, 'seq'> {
  const { seq: _seq, ...rest } = s;
  return rest;
}

describe('devices and hub converge whatever the network does (fast-check, real hub over real sockets)', () => {
  const env = useTestHub();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    for (const d of DEVICES) {
      if (d.viewer.kind === 'kiosk') {
        tokens.set(d.viewer.device, (await enrollKiosk(env.hub.url, d.viewer.gate, d.viewer.device)).token);
        continue;
      }
      tokens.set(d.viewer.id, await loginToken(env.hub.url, d.viewer.id, d.pin!));
      d.viewer.gates = env.hub.hub.current.staff[d.viewer.id]!.gates;
    }
  });

  function clientFor(spec: DeviceSpec, proxy: FlakyProxy, storage: MemorySyncStorage): SyncClient {
    const v = spec.viewer;
    return new SyncClient({
      url: proxy.url,
      auth: v.kind === 'kiosk' ? { kiosk: { token: tokens.get(v.device)! } } : { token: tokens.get(v.id)! },
      actor: v.kind === 'kiosk' ? { kind: 'kiosk', id: v.device } : { kind: 'staff', id: v.id },
      device: v.kind === 'kiosk' ? v.device : `tablet-${v.id}`,
      storage,
      ackTimeoutMs: 300,
      retryDelayMs: 30,
      maxRetryDelayMs: 400,
      reconnectionDelayMs: 30,
      reconnectionDelayMaxMs: 300,
    });
  }

  it('every device ends with the hub state it may see, each operation applied once or refused to its author', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (cmds) => {
        const proxies = await Promise.all(DEVICES.map(() => FlakyProxy.start(Number(new URL(env.hub.url).port))));
        const storages = DEVICES.map(() => new MemorySyncStorage());
        const clients = DEVICES.map((d, i) => clientFor(d, proxies[i]!, storages[i]!));
        const submitted: { device: number; op: Op }[] = [];
        const requestIds: string[] = [];
        try {
          await Promise.all(clients.map((c) => c.start()));
          for (const c of cmds) {
            switch (c.kind) {
              case 'create': {
                const requestId = uuidv7();
                requestIds.push(requestId);
                const gate = (DEVICES[c.device]!.viewer as { gate: string }).gate;
                const body: OpBody = {
                  type: 'request.create',
                  payload: {
                    requestId,
                    gate,
                    flightNumber: 'AF1634',
                    surname: 'Moreau',
                    needs: c.needs,
                    party: { adults: 1, children: 0, infants: 0 },
                    language: 'fr',
                    note: '',
                  },
                };
                submitted.push({ device: c.device, op: await clients[c.device]!.submit(body) });
                break;
              }
              case 'claim':
              case 'deliver': {
                if (!requestIds.length) break;
                const requestId = requestIds[c.pick % requestIds.length]!;
                const type = c.kind === 'claim' ? 'request.claim' : 'request.deliver';
                submitted.push({ device: c.device, op: await clients[c.device]!.submit({ type, payload: { requestId } }) });
                break;
              }
              case 'down':
                proxies[c.device]!.setDown(true);
                break;
              case 'up':
                proxies[c.device]!.setDown(false);
                break;
              case 'cut':
                proxies[c.device]!.cut();
                break;
              case 'loseAnswers':
                await proxies[c.device]!.loseAnswers(40);
                break;
              case 'reload': {
                // A reload: the page's memory is gone, only what the device stored survives.
                clients[c.device]!.stop();
                clients[c.device] = clientFor(DEVICES[c.device]!, proxies[c.device]!, storages[c.device]!);
                await clients[c.device]!.start();
                break;
              }
              case 'replay': {
                // The same operation arriving again from elsewhere (a second tab, a stale retry).
                if (!submitted.length) break;
                const s = submitted[c.pick % submitted.length]!;
                await env.hub.hub.submit(s.op, DEVICES[s.device]!.identity);
                break;
              }
              case 'restartHub': {
                await env.restart();
                for (const p of proxies) p.retarget(Number(new URL(env.hub.url).port));
                break;
              }
              case 'stallHub': {
                // The hub's disk is slow for a moment: answers come later than devices wait for them.
                setTimeout(slowDisk(env.hub.store, 450), 500);
                break;
              }
              case 'pause':
                await new Promise((r) => setTimeout(r, c.ms));
                break;
            }
          }
          for (const p of proxies) p.setDown(false);

          const converged = () =>
            clients.every((c, i) => {
              const snap = c.getSnapshot();
              if (!snap.connected || snap.pending.length) return false;
              const expected = withoutSeq(viewOf(env.hub.hub.current, DEVICES[i]!.viewer));
              return JSON.stringify(withoutSeq(snap.state)) === JSON.stringify(expected);
            });
          await waitFor(converged, 'every device to hold the hub state', 30_000).catch((e: Error) => {
            for (const [i, c] of clients.entries()) {
              expect(withoutSeq(c.getSnapshot().state), `${DEVICES[i]!.name}`).toEqual(withoutSeq(viewOf(env.hub.hub.current, DEVICES[i]!.viewer)));
              expect(c.getSnapshot().pending, `${DEVICES[i]!.name} outbox`).toEqual([]);
            }
            throw e;
          });

          const logIds = (await env.hub.store.readLog()).map((e) => e.op.id);
          expect(new Set(logIds).size, 'no operation applied twice').toBe(logIds.length);
          const inLog = new Set(logIds);
          for (const { device: d, op } of submitted) {
            const refused = clients[d]!.getSnapshot().rejected.filter((r) => r.op.id === op.id);
            expect(refused.length <= 1, 'a refusal is reported once').toBe(true);
            // Nothing lost: applied once, or its author is told why not; never both.
            expect(inLog.has(op.id) !== (refused.length === 1), `${op.type} ${op.id} from ${DEVICES[d]!.name}`).toBe(true);
            if (refused[0]) expect(refused[0].reason).toMatch(/\w{3,}/);
          }
          for (const { op } of submitted.filter((s) => s.op.type === 'request.create')) {
            const id = (op.payload as { requestId: string }).requestId;
            expect(Boolean(env.hub.hub.current.requests[id])).toBe(inLog.has(op.id));
          }
        } finally {
          for (const c of clients) c.stop();
          await Promise.all(proxies.map((p) => p.close()));
        }
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
