import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mobilityWithoutRoomByFlight, type CareRequest, type Need, type RoomAllocation } from '../../core/index.ts';
import { storeRequestInPlace } from '../../core/in-place-writes.ts';
import { plainRequest } from '../helpers/plain-request.ts';

/** The parties per flight as a scan of every request finds them: what the kept index must always give. */
function scanned(requests: Record<string, CareRequest>, allocated: ReadonlyMap<string, readonly RoomAllocation[]>): Map<string, CareRequest[]> {
  const out = new Map<string, CareRequest[]>();
  for (const r of Object.values(requests)) {
    if (r.status === 'cancelled' || !r.needs.includes('mobility') || allocated.has(r.id)) continue;
    out.set(r.flightId, [...(out.get(r.flightId) ?? []), r]);
  }
  return out;
}

function request(id: string, flight: number, needs: Need[], status: CareRequest['status']): CareRequest {
  return plainRequest(id, { flightId: `f${flight}`, needs, status });
}

/** A write into the requests map in place (a request new or again, mobility or not, cancelled or not), or a read with some requests holding rooms. */
type Step = { kind: 'write'; id: number; flight: number; mobility: boolean; status: CareRequest['status'] } | { kind: 'read'; roomed: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    id: fc.nat({ max: 25 }),
    flight: fc.nat({ max: 2 }),
    mobility: fc.boolean(),
    status: fc.constantFrom<CareRequest['status']>('received', 'claimed', 'delivered', 'cancelled'),
  }),
  fc.record({ kind: fc.constant('read' as const), roomed: fc.array(fc.nat({ max: 25 }), { maxLength: 4 }) }),
);

describe("a flight's mobility parties without a room, kept as requests are written", () => {
  it('equal a scan of every request in the same order, after any writes, read at any point', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), fc.boolean(), (steps, uuidLike) => {
        // Ids like a UUID's, or ones that look like array indexes (which Object.values puts first).
        const idOf = (n: number) => (uuidLike ? `r-${n}` : String(n));
        const requests: Record<string, CareRequest> = {};
        for (const s of steps) {
          if (s.kind === 'write') {
            storeRequestInPlace(requests, request(idOf(s.id), s.flight, s.mobility ? ['water', 'mobility'] : ['water'], s.status));
            continue;
          }
          const allocated = new Map<string, RoomAllocation[]>(s.roomed.map((n) => [idOf(n), []]));
          const got = mobilityWithoutRoomByFlight(requests, allocated);
          const want = scanned(requests, allocated);
          expect([...got.keys()]).toEqual([...want.keys()]);
          for (const [flight, list] of want) expect(got.get(flight)!.map((r) => r.id)).toEqual(list.map((r) => r.id));
          // The very objects the map holds now, not earlier versions of them.
          for (const [flight, list] of want) got.get(flight)!.forEach((r, i) => expect(r).toBe(list[i]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a copied map (the pure reducer) afresh', () => {
    const requests = { a: request('a', 1, ['mobility'], 'received') };
    expect(
      mobilityWithoutRoomByFlight(requests, new Map())
        .get('f1')!
        .map((r) => r.id),
    ).toEqual(['a']);
    const copy = { ...requests, b: request('b', 1, ['mobility'], 'received'), a: request('a', 1, ['mobility'], 'cancelled') };
    expect(
      mobilityWithoutRoomByFlight(copy, new Map())
        .get('f1')!
        .map((r) => r.id),
    ).toEqual(['b']);
  });
});
