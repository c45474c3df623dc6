import type { CareRequest } from './model.ts';
import { observeWrites } from './map-writes.ts';
import { PRIORITY_TIERS, priorityTier } from './priority.ts';

type Requests = Record<string, CareRequest>;

/** A tablet's queue: open requests at its gates in queue order, and the most recently closed. */
export interface GateQueue {
  open: CareRequest[];
  /** The ids of `open`, in the same order: a windowed list keys its rows by them without reading 2,000 requests per push. */
  openIds: string[];
  /** The ten most recently closed (by their last history entry), newest first. */
  done: CareRequest[];
}

const DONE_SHOWN = 10;

export function isOpen(r: CareRequest): boolean {
  return r.status === 'received' || r.status === 'claimed';
}

function closedAt(r: CareRequest): string {
  return r.history.at(-1)?.at ?? '';
}

function byId(a: CareRequest, b: CareRequest): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Keyed {
  r: CareRequest;
  tier: number;
  at: number;
}

function keyed(r: CareRequest): Keyed {
  return { r, tier: PRIORITY_TIERS.indexOf(priorityTier(r)), at: Date.parse(r.createdAt) };
}

/** Queue order (core/priority.ts compareQueue): tier, who has waited longest, then id. */
function openOrder(a: Keyed, b: Keyed): number {
  return a.tier - b.tier || a.at - b.at || byId(a.r, b.r);
}

/** Newest closed first; closed at the same instant by id, so the order never depends on how the map was filled. */
function doneOrder(a: CareRequest, b: CareRequest): number {
  return closedAt(b).localeCompare(closedAt(a)) || byId(a, b);
}

/** Every request at `gates`, open ones in queue order and closed ones newest first: one pass over the map. */
function readAtGates(requests: Requests, gates: ReadonlySet<string>): { open: Keyed[]; closed: CareRequest[] } {
  const open: Keyed[] = [];
  const closed: CareRequest[] = [];
  for (const r of Object.values(requests)) {
    if (!gates.has(r.gate)) continue;
    if (isOpen(r)) open.push(keyed(r));
    else closed.push(r);
  }
  return { open: open.sort(openOrder), closed: closed.sort(doneOrder) };
}

/** The queue read from every request: what the kept queue always equals. */
export function scanQueue(requests: Requests, gates: ReadonlySet<string>): GateQueue {
  const { open, closed } = readAtGates(requests, gates);
  return { open: open.map((k) => k.r), openIds: open.map((k) => k.r.id), done: closed.slice(0, DONE_SHOWN) };
}

/** First index in `list` whose element is not before `x` by `order`. */
function lowerBound<T>(list: readonly T[], x: T, order: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Kept {
  gates: ReadonlySet<string>;
  open: Keyed[];
  /** The same requests as `open`, and their ids, kept beside it, so an answer is a copy of arrays rather than a map over one. */
  openRequests: CareRequest[];
  openIds: string[];
  /** Every closed request at the gates, newest first (only the first ten are shown). */
  closed: CareRequest[];
  /** The answer, the same object until a request at these gates changes. */
  view: GateQueue | null;
}

const kept = new WeakMap<Requests, Map<string, Kept>>();

/** Gate sets kept per map: a tablet that changed its gates stops paying for the queues it left. */
const GATE_SETS_KEPT = 4;

function remove(k: Kept, r: CareRequest): void {
  if (isOpen(r)) {
    const i = lowerBound(k.open, keyed(r), openOrder);
    if (k.open[i]?.r.id === r.id) {
      k.open.splice(i, 1);
      k.openRequests.splice(i, 1);
      k.openIds.splice(i, 1);
    }
  } else {
    const i = lowerBound(k.closed, r, doneOrder);
    if (k.closed[i]?.id === r.id) k.closed.splice(i, 1);
  }
}

function insert(k: Kept, r: CareRequest): void {
  if (isOpen(r)) {
    const x = keyed(r);
    const i = lowerBound(k.open, x, openOrder);
    k.open.splice(i, 0, x);
    k.openRequests.splice(i, 0, r);
    k.openIds.splice(i, 0, r.id);
  } else k.closed.splice(lowerBound(k.closed, r, doneOrder), 0, r);
}

/**
 * The queue of `gates` kept per requests map and gate set, like the board summary: a copied map
 * (pure reducer) is read afresh on first use, a map written in place keeps its queues in order by
 * observing its writes, so a push into a tablet holding 2,000 open requests places one request
 * (a binary search) instead of filtering and sorting them all again.
 */
export function gateQueue(requests: Requests, gates: readonly string[]): GateQueue {
  const key = [...gates].sort().join(',');
  let byGates = kept.get(requests);
  if (!byGates) {
    const queues = new Map<string, Kept>();
    observeWrites(requests, (prev, next) => {
      for (const k of queues.values()) {
        const was = prev !== undefined && k.gates.has(prev.gate);
        const is = k.gates.has(next.gate);
        if (!was && !is) continue;
        if (was) remove(k, prev);
        if (is) insert(k, next);
        k.view = null;
      }
    });
    kept.set(requests, (byGates = queues));
  }
  let k = byGates.get(key);
  if (!k) {
    const set = new Set(gates);
    const { open, closed } = readAtGates(requests, set);
    byGates.set(key, (k = { gates: set, open, openRequests: open.map((x) => x.r), openIds: open.map((x) => x.r.id), closed, view: null }));
    if (byGates.size > GATE_SETS_KEPT) byGates.delete(byGates.keys().next().value!);
  }
  k.view ??= { open: k.openRequests.slice(), openIds: k.openIds.slice(), done: k.closed.slice(0, DONE_SHOWN) };
  return k.view;
}
