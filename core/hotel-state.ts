import type { CareRequest, HubState } from './model.ts';
import type { Hotel, RoomAllocation, RoomBlock, Shuttle } from './hotel-model.ts';
import { ROOM_BEDS, ROOM_TYPES, type RoomType } from './hotel-values.ts';
import { allocationsOfRequest, indexedRoomsTaken, indexedSeatsTaken } from './allocation-index.ts';

/*
 * Reading the hotel part of the state: what is held, what is taken, what is left. Pure and zod-free,
 * so the hub, the tablet's preview and the kiosk count the same way.
 */

const NONE: Record<string, never> = {};

/**
 * The hotel part of the state alone: what the counts below read. A screen can hold these four maps
 * and memoise on them, so a push that touches no hotel data costs it nothing.
 */
export type HotelFacts = Pick<HubState, 'hotels' | 'roomBlocks' | 'shuttles' | 'roomAllocations'>;

export function hotelsOf(state: HotelFacts): Record<string, Hotel> {
  return state.hotels ?? NONE;
}
export function roomBlocksOf(state: HotelFacts): Record<string, RoomBlock> {
  return state.roomBlocks ?? NONE;
}
export function shuttlesOf(state: HotelFacts): Record<string, Shuttle> {
  return state.shuttles ?? NONE;
}
export function allocationsOf(state: HotelFacts): Record<string, RoomAllocation> {
  return state.roomAllocations ?? NONE;
}

export function blockKey(hotelId: string, night: string, type: RoomType): string {
  return `${hotelId}|${night}|${type}`;
}

/** Allocated and checked-in allocations hold their rooms and seats; released and no-shows free them. */
export function holdsRoom(a: RoomAllocation): boolean {
  return a.status === 'allocated' || a.status === 'checked_in';
}

export type RoomCounts = Record<RoomType, number>;

export function zeroRooms(): RoomCounts {
  return { single: 0, double: 0, family: 0, accessible: 0 };
}

export function countRooms(rooms: readonly RoomType[]): RoomCounts {
  const c = zeroRooms();
  for (const t of rooms) c[t] += 1;
  return c;
}

export function bedsOf(rooms: readonly RoomType[]): number {
  return rooms.reduce((n, t) => n + ROOM_BEDS[t], 0);
}

/** Rooms each type a hotel holds on a night (its blocks). */
export function roomsHeld(state: HotelFacts, hotelId: string, night: string): RoomCounts {
  const c = zeroRooms();
  const blocks = roomBlocksOf(state);
  for (const t of ROOM_TYPES) c[t] = blocks[blockKey(hotelId, night, t)]?.count ?? 0;
  return c;
}

/** Rooms each type taken on a night by allocations that still hold them (one may be left out: a move frees its own rooms). */
export function roomsTaken(state: HotelFacts, hotelId: string, night: string, except?: string): RoomCounts {
  const c = zeroRooms();
  const allocations = allocationsOf(state);
  const taken = indexedRoomsTaken(allocations, hotelId, night);
  if (taken) for (const t of ROOM_TYPES) c[t] = taken[t];
  const left = except === undefined ? undefined : allocations[except];
  if (left && left.hotelId === hotelId && left.night === night && holdsRoom(left)) for (const t of left.rooms) c[t] -= 1;
  return c;
}

export function roomsLeft(state: HotelFacts, hotelId: string, night: string, except?: string): RoomCounts {
  const held = roomsHeld(state, hotelId, night);
  const taken = roomsTaken(state, hotelId, night, except);
  const c = zeroRooms();
  for (const t of ROOM_TYPES) c[t] = Math.max(0, held[t] - taken[t]);
  return c;
}

export function seatsTaken(state: HotelFacts, shuttleId: string, except?: string): number {
  const allocations = allocationsOf(state);
  const left = except === undefined ? undefined : allocations[except];
  const own = left && holdsRoom(left) && left.transport.kind === 'shuttle' && left.transport.shuttleId === shuttleId ? left.seats : 0;
  return indexedSeatsTaken(allocations, shuttleId) - own;
}

export function seatsLeft(state: HotelFacts, shuttleId: string, except?: string): number {
  const s = shuttlesOf(state)[shuttleId];
  return s ? Math.max(0, s.seats - seatsTaken(state, shuttleId, except)) : 0;
}

/** A hotel's shuttle runs, earliest first. */
export function shuttlesFor(state: HotelFacts, hotelId: string): Shuttle[] {
  return Object.values(shuttlesOf(state))
    .filter((s) => s.hotelId === hotelId)
    .sort((a, b) => a.departsAt.localeCompare(b.departsAt) || (a.id < b.id ? -1 : 1));
}

/** Beds a party needs: adults and children (at least one, for a party of infants with their escort's cot). */
export function bedsNeeded(r: Pick<CareRequest, 'party'>): number {
  return Math.max(1, r.party.adults + r.party.children);
}

export function seatsNeeded(r: Pick<CareRequest, 'party'>): number {
  return r.party.adults + r.party.children + r.party.infants;
}

/** A request's allocations that still hold rooms, oldest first. */
export function activeAllocationsOf(state: HotelFacts, requestId: string): RoomAllocation[] {
  return allocationsOfRequest(allocationsOf(state), requestId)
    .filter(holdsRoom)
    .sort((a, b) => a.allocatedAt.localeCompare(b.allocatedAt) || (a.id < b.id ? -1 : 1));
}

/** Rate of one room for the night, from its block (0 when the block is gone). */
export function roomRate(state: HotelFacts, hotelId: string, night: string, type: RoomType): { cents: number; currency: string } {
  const b = roomBlocksOf(state)[blockKey(hotelId, night, type)];
  return { cents: b?.rateCents ?? 0, currency: b?.currency ?? 'EUR' };
}

/** A child travelling alone, as the entitlement engine's passengerProfile says: declared, or children with no adult. */
export function unaccompaniedChild(r: Pick<CareRequest, 'party' | 'unaccompaniedMinor'>): boolean {
  return r.unaccompaniedMinor || (r.party.adults === 0 && r.party.children + r.party.infants > 0);
}

/** Every request's allocations that still hold rooms, oldest first: one pass for a screen showing many requests. */
export function activeAllocationsByRequest(state: HotelFacts): Map<string, RoomAllocation[]> {
  const out = new Map<string, RoomAllocation[]>();
  for (const a of Object.values(allocationsOf(state))) {
    if (!holdsRoom(a)) continue;
    const list = out.get(a.requestId);
    if (list) list.push(a);
    else out.set(a.requestId, [a]);
  }
  for (const list of out.values()) list.sort((a, b) => a.allocatedAt.localeCompare(b.allocatedAt) || (a.id < b.id ? -1 : 1));
  return out;
}
