import type { RoomAllocation } from './hotel-model.ts';
import { ROOM_TYPES, type RoomType } from './hotel-values.ts';

type Allocations = Record<string, RoomAllocation>;

/**
 * What the hotel rules count on every room operation, kept per allocations map instead of read from
 * every allocation of the day each time: rooms taken per hotel and night, seats taken per shuttle,
 * and each request's allocations. Built on first use; a map written in place (the hub's, through
 * withAllocation) keeps it current with noteAllocation. Allocations are replaced, never changed.
 */
interface AllocationIndex {
  /** Rooms held per `hotelId|night`, by type. */
  taken: Map<string, Record<RoomType, number>>;
  seats: Map<string, number>;
  /** Every allocation of a request, holding rooms or not. */
  byRequest: Map<string, Set<string>>;
}

const indexes = new WeakMap<object, AllocationIndex>();

function holds(a: RoomAllocation): boolean {
  return a.status === 'allocated' || a.status === 'checked_in';
}

function nightKey(hotelId: string, night: string): string {
  return `${hotelId}|${night}`;
}

/** Adds (sign 1) or takes away (sign -1) what `a` holds. */
function count(ix: AllocationIndex, a: RoomAllocation, sign: 1 | -1): void {
  if (!holds(a)) return;
  const key = nightKey(a.hotelId, a.night);
  let c = ix.taken.get(key);
  if (!c) ix.taken.set(key, (c = Object.fromEntries(ROOM_TYPES.map((t) => [t, 0])) as Record<RoomType, number>));
  for (const t of a.rooms) c[t] += sign;
  if (a.transport.kind === 'shuttle') ix.seats.set(a.transport.shuttleId, (ix.seats.get(a.transport.shuttleId) ?? 0) + sign * a.seats);
}

function add(ix: AllocationIndex, a: RoomAllocation): void {
  count(ix, a, 1);
  const ids = ix.byRequest.get(a.requestId);
  if (ids) ids.add(a.id);
  else ix.byRequest.set(a.requestId, new Set([a.id]));
}

function indexOf(allocations: Allocations): AllocationIndex {
  let ix = indexes.get(allocations);
  if (!ix) {
    ix = { taken: new Map(), seats: new Map(), byRequest: new Map() };
    for (const a of Object.values(allocations)) add(ix, a);
    indexes.set(allocations, ix);
  }
  return ix;
}

/** Rooms of each type held on a hotel's night, by every allocation holding them. */
export function indexedRoomsTaken(allocations: Allocations, hotelId: string, night: string): Readonly<Record<RoomType, number>> | undefined {
  return indexOf(allocations).taken.get(nightKey(hotelId, night));
}

export function indexedSeatsTaken(allocations: Allocations, shuttleId: string): number {
  return indexOf(allocations).seats.get(shuttleId) ?? 0;
}

/** A request's allocations, holding rooms or not, in no order. */
export function allocationsOfRequest(allocations: Allocations, requestId: string): RoomAllocation[] {
  const out: RoomAllocation[] = [];
  for (const id of indexOf(allocations).byRequest.get(requestId) ?? []) {
    const a = allocations[id];
    if (a?.requestId === requestId) out.push(a);
  }
  return out;
}

/** Called once `allocations` was changed in place from `prev` to `next` (same id). */
export function noteAllocation(allocations: Allocations, prev: RoomAllocation | undefined, next: RoomAllocation): void {
  const ix = indexes.get(allocations);
  if (!ix) return;
  if (prev) {
    count(ix, prev, -1);
    if (prev.requestId !== next.requestId) ix.byRequest.get(prev.requestId)?.delete(prev.id);
  }
  add(ix, next);
}
