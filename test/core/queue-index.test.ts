import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { queueOrder, type CareRequest, type Need } from '../../core/index.ts';
import { gateQueue, isOpen, scanQueue } from '../../core/queue-index.ts';
import { storeRequestInPlace } from '../../core/in-place-writes.ts';
import { demoState } from '../helpers/demo-state.ts';
import { bornRequest } from '../helpers/born-request.ts';

const GATES = ['K30', 'K31', 'K32', 'K33'];
const STATUSES: CareRequest['status'][] = ['received', 'claimed', 'delivered', 'cancelled'];

/** The demo airport that afternoon: its gates and AF1634, for requests born as the hub makes them. */
const AIRPORT = demoState(new Date('2026-11-23T15:00:00.000Z'));

function request(
  id: string,
  gate: string,
  needs: Need[],
  children: number,
  minute: number,
  status: CareRequest['status'],
  closedMinute: number,
): CareRequest {
  const createdAt = `2026-11-23T15:${String(minute).padStart(2, '0')}:00.000Z`;
  const born = bornRequest(
    AIRPORT,
    { requestId: id, gate, flightNumber: 'AF1634', surname: 'Moreau', needs, party: { adults: 1, children, infants: 0 } },
    { seq: 1, at: createdAt },
  );
  return {
    ...born,
    status,
    history: [
      ...born.history,
      ...(status === 'received'
        ? []
        : [{ at: `2026-11-23T16:${String(closedMinute).padStart(2, '0')}:00.000Z`, seq: 2, action: status, by: 'A101' }]),
    ],
  };
}

/** A request written (new, or again with another status, gate or history), or a tablet reading its gates' queue. */
type Step =
  | { kind: 'write'; id: number; gate: number; needs: Need[]; children: number; minute: number; status: number; closedMinute: number }
  | { kind: 'read'; gates: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    id: fc.nat({ max: 40 }),
    gate: fc.nat({ max: 3 }),
    needs: fc.uniqueArray(fc.constantFrom<Need>('water', 'food', 'medical', 'baby'), { minLength: 1, maxLength: 2 }),
    children: fc.nat({ max: 1 }),
    // Few minutes, so ties on time are common and the id decides.
    minute: fc.nat({ max: 3 }),
    status: fc.nat({ max: 3 }),
    closedMinute: fc.nat({ max: 3 }),
  }),
  fc.record({ kind: fc.constant('read' as const), gates: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }) }),
);

describe("a tablet's queue, kept in order as requests are written", () => {
  it('equals the queue read from every request, for any gates, after any writes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 150 }), (steps) => {
        const requests: Record<string, CareRequest> = {};
        const check = (gates: string[]): void => {
          const kept = gateQueue(requests, gates);
          const scan = scanQueue(requests, new Set(gates));
          expect(kept.open.map((r) => r.id)).toEqual(scan.open.map((r) => r.id));
          // The ids a windowed list keys its rows by follow the requests exactly.
          expect(kept.openIds).toEqual(kept.open.map((r) => r.id));
          expect(kept.done.map((r) => r.id)).toEqual(scan.done.map((r) => r.id));
          expect(kept.open.every((r) => requests[r.id] === r)).toBe(true);
          // The kept order is the core queue rule itself.
          const open = Object.values(requests).filter((r) => gates.includes(r.gate) && isOpen(r));
          expect(kept.open).toEqual(queueOrder(open));
        };
        for (const s of steps) {
          if (s.kind === 'read') check(s.gates.map((g) => GATES[g]!));
          else
            storeRequestInPlace(
              requests,
              request(`r${String(s.id).padStart(2, '0')}`, GATES[s.gate]!, s.needs, s.children, s.minute, STATUSES[s.status]!, s.closedMinute),
            );
        }
        check(['K30', 'K32']);
        check(GATES);
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same lists while nothing at its gates changes, so the cards are not drawn again', () => {
    const requests: Record<string, CareRequest> = {};
    storeRequestInPlace(requests, request('a', 'K30', ['water'], 0, 1, 'received', 0));
    const first = gateQueue(requests, ['K30']);
    storeRequestInPlace(requests, request('b', 'K33', ['water'], 0, 0, 'received', 0));
    expect(gateQueue(requests, ['K30'])).toBe(first);
    storeRequestInPlace(requests, request('c', 'K30', ['medical'], 0, 2, 'received', 0));
    expect(gateQueue(requests, ['K30']).open.map((r) => r.id)).toEqual(['c', 'a']);
  });
});
