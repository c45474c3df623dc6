import type { CareRequest } from './model.ts';

type Requests = Record<string, CareRequest>;

interface PassengerIndex {
  byPassenger: Map<string, Set<string>>;
  keyOf: Map<string, string>;
}

/**
 * The same traveller asking again (a second request, another kiosk, another agent) is the same
 * passenger: flight and surname. So limits cannot be dodged by asking twice.
 */
export function passengerKey(r: Pick<CareRequest, 'flightId' | 'surname'>): string {
  return `${r.flightId}\u0000${r.surname.trim().toLowerCase()}`;
}

/**
 * Request ids per passenger, so a passenger's vouchers are found without a scan of every request.
 * Keyed by the map object as ticket-index.ts; a request rewritten in place (a purge blanks the
 * surname) moves to its new passenger through noteRequest.
 */
const index = new WeakMap<Requests, PassengerIndex>();

function place(ix: PassengerIndex, r: CareRequest): void {
  const key = passengerKey(r);
  const old = ix.keyOf.get(r.id);
  if (old === key) return;
  if (old !== undefined) ix.byPassenger.get(old)?.delete(r.id);
  ix.keyOf.set(r.id, key);
  const ids = ix.byPassenger.get(key);
  if (ids) ids.add(r.id);
  else ix.byPassenger.set(key, new Set([r.id]));
}

/** The requests of the same passenger as `request` (itself included when stored). */
export function requestsOfPassenger(requests: Requests, request: CareRequest): CareRequest[] {
  let ix = index.get(requests);
  if (!ix) {
    ix = { byPassenger: new Map(), keyOf: new Map() };
    for (const r of Object.values(requests)) place(ix, r);
    index.set(requests, ix);
  }
  const out: CareRequest[] = [];
  for (const id of ix.byPassenger.get(passengerKey(request)) ?? []) {
    const r = requests[id];
    if (r) out.push(r);
  }
  return out;
}

/**
 * Called after `requests` was changed in place to hold `r`, in place of `prev` if there was one.
 * A request rewritten with the same flight and surname (a claim, a note, a delivery: nearly every
 * write) stays where it was, so neither its key is made nor the index read: at 30,000 requests that
 * lookup missed the cache on every operation, about a tenth of what a note cost.
 */
export function noteRequest(requests: Requests, r: CareRequest, prev?: CareRequest): void {
  const ix = index.get(requests);
  if (!ix || (prev && prev.flightId === r.flightId && prev.surname === r.surname)) return;
  place(ix, r);
}
