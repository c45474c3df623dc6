import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareQueue, priorityTier, queueOrder, type CareRequest } from '../../core/index.ts';
import { withRequest, NOW } from '../helpers/core-fixtures.ts';

const t = (minutesAgo: number) => new Date(Date.parse(NOW) - minutesAgo * 60000).toISOString();

function request(label: string, minutesAgo: number, o: Parameters<typeof withRequest>[0] = {}): CareRequest {
  const { state, id } = withRequest({ ...o, surname: label }, undefined, t(minutesAgo));
  return state.requests[id]!;
}

describe('queue priority', () => {
  it('medical and mobility first, then infants, children, unaccompanied minors, then longest wait', () => {
    const adultsLong = request('adults-long', 90, { needs: ['water'], party: { adults: 2, children: 0, infants: 0 } });
    const adultsShort = request('adults-short', 5, { needs: ['water'], party: { adults: 1, children: 0, infants: 0 } });
    const um = request('um', 30, { needs: ['food'], party: { adults: 1, children: 0, infants: 0 }, unaccompaniedMinor: true });
    const child = request('child', 10, { needs: ['food'], party: { adults: 1, children: 1, infants: 0 } });
    const infant = request('infant', 3, { needs: ['water'], party: { adults: 1, children: 0, infants: 1 } });
    const mobility = request('mobility', 1, { needs: ['mobility'], party: { adults: 1, children: 0, infants: 0 } });
    const medicalOld = request('medical-old', 40, { needs: ['medical', 'water'], party: { adults: 1, children: 0, infants: 0 } });

    const order = queueOrder([adultsShort, child, adultsLong, infant, um, mobility, medicalOld]).map((r) => r.surname);
    expect(order).toEqual(['medical-old', 'mobility', 'infant', 'child', 'um', 'adults-long', 'adults-short']);
  });

  it('a baby-care need counts as an infant even if the party says none', () => {
    expect(priorityTier({ needs: ['baby'], party: { adults: 1, children: 0, infants: 0 }, unaccompaniedMinor: false })).toBe('infant');
  });

  it('the order is total and the same whatever order requests arrive in', () => {
    const pool = [
      request('a', 50, { needs: ['water'], party: { adults: 1, children: 0, infants: 0 } }),
      request('b', 50, { needs: ['water'], party: { adults: 1, children: 0, infants: 0 } }),
      request('c', 20, { needs: ['medical'] }),
      request('d', 70, { needs: ['food'], party: { adults: 0, children: 1, infants: 0 }, unaccompaniedMinor: true }),
    ];
    const expected = queueOrder(pool).map((r) => r.id);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), (shuffled) => {
        expect(queueOrder(shuffled).map((r) => r.id)).toEqual(expected);
      }),
    );
  });

  it('queueOrder (keys worked out once per request) gives the order of compareQueue', () => {
    const needs = ['water', 'food', 'medical', 'mobility', 'baby', 'blanket'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minutes: fc.integer({ min: 0, max: 30 }),
            need: fc.constantFrom(...needs),
            children: fc.integer({ min: 0, max: 2 }),
            infants: fc.integer({ min: 0, max: 1 }),
            alone: fc.boolean(),
          }),
          { maxLength: 25 },
        ),
        (specs) => {
          const pool = specs.map((p, i) =>
            request(`r${i}`, p.minutes, {
              needs: [p.need],
              party: { adults: 1, children: p.children, infants: p.infants },
              unaccompaniedMinor: p.alone,
            }),
          );
          expect(queueOrder(pool).map((r) => r.id)).toEqual([...pool].sort(compareQueue).map((r) => r.id));
        },
      ),
      { numRuns: 40 },
    );
  });
});
