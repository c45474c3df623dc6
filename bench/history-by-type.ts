/**
 * Cost of each operation type that writes a request or a voucher, timed on its own, so that one
 * type whose cost grows with the stored history cannot hide behind the cheap ones (history.ts
 * runs it with 1,000 and with 100,000 operations stored).
 */
import { v7 as uuidv7 } from 'uuid';
import { makeOp, type Op, type OpBody, type OpType } from '../core/index.ts';
import type { Hub, Identity } from '../server/hub.ts';
import type { Store } from '../server/store.ts';
import { round } from './stats.ts';

export const TIMED_TYPES = [
  'request.create',
  'request.claim',
  'request.deliver',
  'request.release',
  'request.reassign',
  'request.cancel',
  'request.note',
  'voucher.issue',
  'voucher.escalate',
  'voucher.approve',
  'voucher.decline',
] as const satisfies readonly OpType[];
export type TimedType = (typeof TIMED_TYPES)[number];

export interface TypeCost {
  ops: number;
  wallMsPerOp: number;
  cpuMsPerOp: number;
}

interface Ids {
  request: string;
  voucher: string;
}

type Device = Exclude<Identity, { kind: 'system' }>;

const KIOSK: Device = { kind: 'kiosk', device: 'bench-history-kiosk', gate: 'K32' };
const AGENT: Device = { kind: 'staff', id: 'A101' };
const MANAGER: Device = { kind: 'staff', id: 'M201' };
const WAVE = 50;
const WAVES = 4;

function envelope(who: Device, body: OpBody): Op {
  const actor = who.kind === 'kiosk' ? { kind: 'kiosk' as const, id: who.device } : { kind: 'staff' as const, id: who.id };
  const device = who.kind === 'kiosk' ? who.device : `tablet-${who.id}`;
  return makeOp({ actor, device, at: new Date() }, body);
}

/** Each type's operation on one request, and who submits it (agents within their limits, so none is refused). */
const STEP: { [T in TimedType]: (ids: Ids) => [Device, OpBody] } = {
  'request.create': ({ request }) => [
    KIOSK,
    {
      type: 'request.create',
      // One passenger per request, so the per-passenger voucher cap never refuses the bench's vouchers.
      payload: {
        requestId: request,
        gate: 'K32',
        flightNumber: 'AF1634',
        surname: `Bench ${request.slice(-12)}`,
        needs: ['water'],
        party: { adults: 1, children: 0, infants: 0 },
        language: 'en',
        note: '',
      },
    },
  ],
  'request.claim': ({ request }) => [AGENT, { type: 'request.claim', payload: { requestId: request } }],
  'request.deliver': ({ request }) => [AGENT, { type: 'request.deliver', payload: { requestId: request } }],
  'request.release': ({ request }) => [AGENT, { type: 'request.release', payload: { requestId: request } }],
  'request.reassign': ({ request }) => [AGENT, { type: 'request.reassign', payload: { requestId: request, to: 'A102' } }],
  'request.cancel': ({ request }) => [AGENT, { type: 'request.cancel', payload: { requestId: request, reason: 'passenger rebooked elsewhere' } }],
  'request.note': ({ request }) => [AGENT, { type: 'request.note', payload: { requestId: request, text: 'wheelchair on its way' } }],
  'voucher.issue': ({ request, voucher }) => [
    AGENT,
    { type: 'voucher.issue', payload: { voucherId: voucher, requestId: request, kind: 'meal', amountCents: 100, currency: 'EUR' } },
  ],
  'voucher.escalate': ({ request, voucher }) => [
    AGENT,
    { type: 'voucher.escalate', payload: { voucherId: voucher, requestId: request, kind: 'hotel', amountCents: 30_000, currency: 'EUR' } },
  ],
  'voucher.approve': ({ voucher }) => [MANAGER, { type: 'voucher.approve', payload: { voucherId: voucher } }],
  'voucher.decline': ({ voucher }) => [MANAGER, { type: 'voucher.decline', payload: { voucherId: voucher, reason: 'covered by the airline desk' } }],
};

/** What must have happened to a request before each type can be accepted. */
const BEFORE: { [T in TimedType]: TimedType[] } = {
  'request.create': [],
  'request.claim': ['request.create'],
  'request.deliver': ['request.create', 'request.claim'],
  'request.release': ['request.create', 'request.claim'],
  'request.reassign': ['request.create', 'request.claim'],
  'request.cancel': ['request.create', 'request.claim'],
  'request.note': ['request.create', 'request.claim'],
  'voucher.issue': ['request.create', 'request.claim'],
  'voucher.escalate': ['request.create', 'request.claim'],
  'voucher.approve': ['request.create', 'request.claim', 'voucher.escalate'],
  'voucher.decline': ['request.create', 'request.claim', 'voucher.escalate'],
};

/** One wave of one type on every request of `ids` at once (so a few group commits), refusals fail the bench. */
async function wave(hub: Hub, type: TimedType, ids: Ids[]): Promise<void> {
  const acks = await Promise.all(
    ids.map((i) => {
      const [who, body] = STEP[type](i);
      return hub.submit(envelope(who, body), who);
    }),
  );
  const refused = acks.find((a) => !a.ok);
  if (refused && !refused.ok) throw new Error(`bench ${type} refused: ${refused.reason}`);
}

/** Wall and CPU time per operation of each type, its preparation left out of the timing. */
export async function costByType(hub: Hub, store: Store): Promise<{ storedBefore: number; byType: Record<TimedType, TypeCost> }> {
  const storedBefore = hub.seq;
  const out = {} as Record<TimedType, TypeCost>;
  for (const type of TIMED_TYPES) {
    let wall = 0;
    let cpu = 0;
    for (let w = 0; w < WAVES;) {
      const ids = Array.from({ length: WAVE }, () => ({ request: uuidv7(), voucher: uuidv7() }));
      for (const before of BEFORE[type]) await wave(hub, before, ids);
      // A checkpoint is the window's cost (history.ts), not this type's: CPU is counted for the whole
      // process, so one written alongside would land on whichever type ran then. One started by the
      // preparation is waited for; a wave that started one itself is run again once it is written (the
      // same type used to be charged for it in every run, since the op counts are the same each time).
      await store.checkpointWriting;
      const checkpointBefore = store.checkpointSeq;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await wave(hub, type, ids);
      const waveWall = performance.now() - t0;
      const c = process.cpuUsage(cpu0);
      if (store.checkpointWriting || store.checkpointSeq !== checkpointBefore) {
        await store.checkpointWriting;
        continue;
      }
      wall += waveWall;
      cpu += (c.user + c.system) / 1000;
      w++;
    }
    const ops = WAVE * WAVES;
    out[type] = { ops, wallMsPerOp: round(wall / ops, 3), cpuMsPerOp: round(cpu / ops, 3) };
  }
  return { storedBefore, byType: out };
}
