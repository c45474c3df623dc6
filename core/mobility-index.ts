import type { CareRequest } from './model.ts';
import { observeWrites } from './map-writes.ts';

type Requests = Record<string, CareRequest>;

/**
 * The requests of a map that could be waiting for an accessible room (a mobility need, not
 * cancelled), in the map's order, kept per requests map like the team's words: a map written in
 * place (a tablet's sync client) keeps them current by observing its writes, so a push costs the
 * tablet's hotel line the request it wrote rather than a scan of every request at its gates.
 */
interface Candidates {
  /** Each key's place in the map: first seen, first placed (in-place writes append new keys). */
  place: Map<string, number>;
  next: number;
  /**
   * A key like "42" (an array index) is ordered before the others by Object.values, not where it
   * was written: such a map is read in full, as before (request ids are UUIDs, so this is a test's map).
   */
  indexKeys: boolean;
  byId: Map<string, CareRequest>;
  /** In the map's order, made on the first read after a change. */
  ordered: CareRequest[] | null;
}

const kept = new WeakMap<Requests, Candidates>();

const INDEX_KEY = /^(0|[1-9]\d*)$/;

function isCandidate(r: CareRequest): boolean {
  return r.status !== 'cancelled' && r.needs.includes('mobility');
}

function candidatesOf(requests: Requests): Candidates {
  const found = kept.get(requests);
  if (found) return found;
  const c: Candidates = { place: new Map(), next: 0, indexKeys: false, byId: new Map(), ordered: null };
  for (const [id, r] of Object.entries(requests)) {
    c.place.set(id, c.next++);
    if (INDEX_KEY.test(id)) c.indexKeys = true;
    if (isCandidate(r)) c.byId.set(id, r);
  }
  observeWrites(requests, (_prev, r: CareRequest, id) => {
    if (!c.place.has(id)) {
      c.place.set(id, c.next++);
      if (INDEX_KEY.test(id)) c.indexKeys = true;
    }
    const was = c.byId.has(id);
    if (isCandidate(r)) c.byId.set(id, r);
    else if (was) c.byId.delete(id);
    else return;
    c.ordered = null;
  });
  kept.set(requests, c);
  return c;
}

/** Not cancelled, with a mobility need, in the order Object.values(requests) gives them. */
export function mobilityRequests(requests: Requests): readonly CareRequest[] {
  const c = candidatesOf(requests);
  if (c.indexKeys) return Object.values(requests).filter(isCandidate);
  c.ordered ??= [...c.byId].sort((a, b) => c.place.get(a[0])! - c.place.get(b[0])!).map(([, r]) => r);
  return c.ordered;
}
