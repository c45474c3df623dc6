import type { CareRequest } from '../../core/index.ts';

/**
 * A request record as stored in the state, with no hub behind it: for property tests of indexes kept
 * over the requests map, which write records in place rather than through operations
 * (`bornRequest` makes one the way the hub does, from a state holding its flight).
 */
export function plainRequest(id: string, fields: Partial<CareRequest> = {}): CareRequest {
  return {
    id,
    ticket: `T${id}`,
    gate: 'K32',
    flightId: 'f1',
    flightNumber: 'AF1634',
    surname: 'Moreau',
    needs: ['water'],
    party: { adults: 1, children: 0, infants: 0 },
    language: 'en',
    unaccompaniedMinor: false,
    note: '',
    device: 'kiosk-1',
    status: 'received',
    createdAt: '2026-11-23T15:00:00.000Z',
    claimedBy: null,
    claimedByName: null,
    claimedAt: null,
    deliveredAt: null,
    handedOut: {},
    cancelReason: null,
    staffNotes: [],
    history: [],
    ...fields,
  };
}
