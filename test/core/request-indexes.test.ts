import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CareRequest } from '../../core/model.ts';
import { passengerKey, requestsOfPassenger } from '../../core/passenger-index.ts';
import { ticketInUse } from '../../core/ticket-index.ts';
import { storeRequestInPlace } from '../../core/in-place-writes.ts';
import { plainRequest } from '../helpers/plain-request.ts';

const FLIGHTS = ['f1', 'f2'];
// Two spellings of one passenger (the key ignores case and outer blanks) and another passenger.
const SURNAMES = ['Moreau', ' moreau', 'Diallo'];
const STATUSES = ['received', 'claimed', 'delivered'] as const;

/**
 * One write in place: a request (few ids, so most writes rewrite one already stored, as a claim or a
 * note does) with its flight and surname kept or changed (a purge blanks the surname), and a status,
 * so a rewrite that changes nothing the indexes key on is common.
 */
const write = fc.record({
  request: fc.nat(6),
  flight: fc.nat(FLIGHTS.length - 1),
  surname: fc.nat(SURNAMES.length - 1),
  status: fc.nat(STATUSES.length - 1),
});

function record(w: { request: number; flight: number; surname: number; status: number }): CareRequest {
  return plainRequest(`r${w.request}`, { flightId: FLIGHTS[w.flight]!, surname: SURNAMES[w.surname]!, status: STATUSES[w.status]! });
}

/** The scans the indexes replace, kept as the reference. */
function passengersScan(requests: Record<string, CareRequest>, of: CareRequest): string[] {
  return Object.values(requests)
    .filter((r) => passengerKey(r) === passengerKey(of))
    .map((r) => r.id)
    .sort();
}

function ticketScan(requests: Record<string, CareRequest>, ticket: string): boolean {
  return Object.values(requests).some((r) => r.ticket === ticket);
}

const probes = FLIGHTS.flatMap((flightId) => SURNAMES.map((surname) => plainRequest('probe', { flightId, surname })));

describe('the requests map indexes, written in place', () => {
  it("a passenger's requests agree with a scan after any writes, whenever first read", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), fc.nat(40), (writes, readAt) => {
        const requests: Record<string, CareRequest> = {};
        writes.forEach((w, i) => {
          if (i === readAt) requestsOfPassenger(requests, probes[0]!);
          // A rewrite with the same flight and surname leaves the index untouched; another moves it.
          storeRequestInPlace(requests, record(w));
          for (const p of probes) {
            expect(
              requestsOfPassenger(requests, p)
                .map((r) => r.id)
                .sort(),
            ).toEqual(passengersScan(requests, p));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the tickets in use agree with a scan after any writes, whenever first read', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), fc.nat(40), (writes, readAt) => {
        const requests: Record<string, CareRequest> = {};
        writes.forEach((w, i) => {
          if (i === readAt) ticketInUse(requests, 'Tr0');
          // A request keeps its ticket for life: its rewrites do not touch the set.
          storeRequestInPlace(requests, record(w));
          for (let n = 0; n <= 6; n++) expect(ticketInUse(requests, `Tr${n}`)).toBe(ticketScan(requests, `Tr${n}`));
        });
      }),
      { numRuns: 300 },
    );
  });
});
