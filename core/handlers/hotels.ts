import type { ApplyContext, Handler } from './types.ts';
import type { CareRequest, HubState } from '../model.ts';
import type { OpOf } from '../ops.ts';
import type { RoomAllocation, RoomBlock, Shuttle } from '../hotel-model.ts';
import { ROOM_TYPES } from '../hotel-values.ts';
import { noteMapWrite } from '../map-writes.ts';
import { noteAllocation } from '../allocation-index.ts';
import { reject, type Outcome, type Rejection } from '../outcome.ts';
import { historyEntry, isRejection, staffName, staffRequest, withRequest } from './shared.ts';
import { HOTEL_ACCESS, type HotelSpecs } from './hotel-access.ts';
import {
  activeAllocationsOf,
  allocationsOf,
  bedsNeeded,
  bedsOf,
  blockKey,
  countRooms,
  holdsRoom,
  hotelsOf,
  roomBlocksOf,
  roomRate,
  roomsHeld,
  roomsLeft,
  roomsTaken,
  seatsLeft,
  seatsNeeded,
  seatsTaken,
  shuttlesOf,
  unaccompaniedChild,
} from '../hotel-state.ts';

export function withAllocation(state: HubState, a: RoomAllocation, ctx: ApplyContext): HubState {
  if (ctx.inPlace && state.roomAllocations) {
    const prev = state.roomAllocations[a.id];
    state.roomAllocations[a.id] = a;
    noteAllocation(state.roomAllocations, prev, a);
    // A map written in place keeps its identity: screens memoising on it read its write count too.
    noteMapWrite(state.roomAllocations, a.id, prev, a);
    return { ...state };
  }
  return { ...state, roomAllocations: { ...allocationsOf(state), [a.id]: a } };
}

/**
 * A room block held or changed. Blocks pile up night after night (one per hotel, night and room type),
 * so where the caller owns the map (ApplyContext.inPlace) the block is written into it, as allocations
 * are: a copy of every block held so far on each change grew with the days the hub has kept.
 */
function withRoomBlock(state: HubState, b: RoomBlock, ctx: ApplyContext): HubState {
  const key = blockKey(b.hotelId, b.night, b.type);
  if (ctx.inPlace && state.roomBlocks) {
    const prev = state.roomBlocks[key];
    state.roomBlocks[key] = b;
    // A map written in place keeps its identity: what memoises on it (and a checkpoint's frozen view) reads its writes.
    noteMapWrite(state.roomBlocks, key, prev, b);
    return { ...state };
  }
  return { ...state, roomBlocks: { ...roomBlocksOf(state), [key]: b } };
}

/**
 * A shuttle run added or changed, in place where the caller owns the map, as room blocks: runs pile up
 * day after day (a hotel's evening runs, every day the hub has kept), and each change copied all of
 * them, on both of the hub's states (in the per-type bench that copy was the handler's own time, and
 * the part of a wave that differed most between the 1k and the 100k side).
 */
function withShuttle(state: HubState, shuttle: Shuttle, ctx: ApplyContext): HubState {
  if (ctx.inPlace && state.shuttles) {
    const prev = state.shuttles[shuttle.id];
    state.shuttles[shuttle.id] = shuttle;
    noteMapWrite(state.shuttles, shuttle.id, prev, shuttle);
    return { ...state };
  }
  return { ...state, shuttles: { ...shuttlesOf(state), [shuttle.id]: shuttle } };
}

export const hotelUpsert: Handler<'hotel.upsert'> = (state, op) => {
  const h = op.payload;
  return { ok: true, state: { ...state, hotels: { ...hotelsOf(state), [h.id]: h } } };
};

export const hotelRooms: Handler<'hotel.rooms'> = (state, op, ctx) => {
  const b = op.payload;
  const hotel = hotelsOf(state)[b.hotelId];
  if (!hotel) return reject('not_found', `hotel ${b.hotelId} does not exist: add the hotel first`);
  const taken = roomsTaken(state, b.hotelId, b.night)[b.type];
  if (b.count < taken) {
    return reject(
      'conflict',
      `${taken} ${b.type} ${taken === 1 ? 'room' : 'rooms'} at ${hotel.name} ${taken === 1 ? 'is' : 'are'} already allocated on the night of ${b.night}: release some before holding fewer`,
    );
  }
  return { ok: true, state: withRoomBlock(state, b, ctx) };
};

export const hotelShuttle: Handler<'hotel.shuttle'> = (state, op, ctx) => {
  const p = op.payload;
  const hotel = hotelsOf(state)[p.hotelId];
  if (!hotel) return reject('not_found', `hotel ${p.hotelId} does not exist: add the hotel first`);
  const before = shuttlesOf(state)[p.shuttleId];
  const taken = seatsTaken(state, p.shuttleId);
  if (before && before.hotelId !== p.hotelId && taken > 0) {
    return reject('conflict', `this shuttle already carries ${taken} passengers to another hotel: add a new run instead`);
  }
  if (p.seats < taken) return reject('conflict', `${taken} seats on this shuttle are already allocated: it cannot have fewer`);
  return { ok: true, state: withShuttle(state, { id: p.shuttleId, hotelId: p.hotelId, departsAt: p.departsAt, seats: p.seats }, ctx) };
};

type RoomsOp = OpOf<'room.allocate'> | OpOf<'room.move'>;

/**
 * The hub's word on a room: it exists, is free now (the hub applies operations one at a time, so of
 * two agents on the last room the second is refused here), holds the people, and keeps the party
 * together unless a split was asked for.
 */
function checkRooms(state: HubState, op: RoomsOp, r: CareRequest, replacing: RoomAllocation | null): { people: number; seats: number } | Rejection {
  const p = op.payload;
  const hotel = hotelsOf(state)[p.hotelId];
  if (!hotel) return reject('not_found', `hotel ${p.hotelId} does not exist`);
  if (r.status === 'cancelled') return reject('conflict', 'this request was cancelled');
  const held = roomsHeld(state, p.hotelId, p.night);
  const left = roomsLeft(state, p.hotelId, p.night, replacing?.id);
  const wanted = countRooms(p.rooms);
  for (const t of ROOM_TYPES) {
    if (wanted[t] === 0 || wanted[t] <= left[t]) continue;
    if (held[t] === 0) return reject('not_found', `${hotel.name} holds no ${t} rooms on the night of ${p.night}`);
    return reject(
      'conflict',
      left[t] === 0
        ? `no ${t} room left at ${hotel.name} on the night of ${p.night}: someone else just took the last one`
        : `only ${left[t]} ${t} room${left[t] === 1 ? '' : 's'} left at ${hotel.name} on the night of ${p.night}`,
    );
  }
  const others = activeAllocationsOf(state, r.id).filter((a) => a.id !== replacing?.id);
  const covered = others.reduce((n, a) => n + a.people, 0);
  const remaining = bedsNeeded(r) - covered;
  if (remaining <= 0) return reject('conflict', `ticket ${r.ticket} already has rooms for the whole party: move or release them instead`);
  const people = p.people ?? (replacing ? replacing.people : remaining);
  if (people > remaining)
    return reject('invalid', `the party has ${remaining} ${remaining === 1 ? 'person' : 'people'} still without a bed, not ${people}`);
  if ((people < remaining || others.length > 0) && p.split !== true) {
    return reject('invalid', 'this would split the party between hotels or bookings: keep them together, or allow a split explicitly');
  }
  const beds = bedsOf(p.rooms);
  if (beds < people) return reject('invalid', `${p.rooms.length} room${p.rooms.length === 1 ? '' : 's'} sleep ${beds}, not ${people}`);
  // Infants travel with the first booking of the party, next to their parents' cot; a child alone with a spare bed has an escort.
  const seats = people + (others.length === 0 ? seatsNeeded(r) - bedsNeeded(r) : 0) + (beds > people && unaccompaniedChild(r) ? 1 : 0);
  if (p.transport.kind === 'shuttle') {
    const shuttle = shuttlesOf(state)[p.transport.shuttleId];
    if (!shuttle || shuttle.hotelId !== p.hotelId) return reject('not_found', `this shuttle does not go to ${hotel.name}`);
    const free = seatsLeft(state, shuttle.id, replacing?.id);
    if (free < seats)
      return reject('conflict', `the shuttle has ${free} seat${free === 1 ? '' : 's'} left, the party needs ${seats}: choose a later one or a taxi`);
  }
  return { people, seats };
}

function newAllocation(
  state: HubState,
  op: RoomsOp,
  ctx: ApplyContext,
  r: CareRequest,
  id: string,
  fit: { people: number; seats: number },
): RoomAllocation {
  const p = op.payload;
  const rates = p.rooms.map((t) => roomRate(state, p.hotelId, p.night, t));
  return {
    id,
    requestId: r.id,
    flightId: r.flightId,
    hotelId: p.hotelId,
    night: p.night,
    rooms: [...p.rooms],
    people: fit.people,
    seats: fit.seats,
    transport: p.transport,
    costCents: rates.reduce((n, x) => n + x.cents, 0),
    currency: rates[0]?.currency ?? 'EUR',
    status: 'allocated',
    allocatedAt: ctx.at,
    allocatedBy: op.actor.id,
    allocatedByName: staffName(state, op.actor.id),
    changedAt: null,
  };
}

function describe(state: HubState, a: Pick<RoomAllocation, 'hotelId' | 'rooms' | 'night'>): string {
  return `${hotelsOf(state)[a.hotelId]?.name ?? a.hotelId}, ${a.rooms.join(' + ')}, night of ${a.night}`;
}

export const roomAllocate: Handler<'room.allocate'> = (state, op, ctx) => {
  if (allocationsOf(state)[op.payload.allocationId]) return reject('conflict', 'this allocation was already submitted');
  const r = staffRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  const fit = checkRooms(state, op, r, null);
  if (isRejection(fit)) return fit;
  const a = newAllocation(state, op, ctx, r, op.payload.allocationId, fit);
  const next = withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, 'room allocated', describe(state, a))] }, ctx);
  return { ok: true, state: withAllocation(next, a, ctx) };
};

/** The allocation an operation acts on, if it exists, still holds a room and is at the actor's gates. */
function activeAllocation(
  state: HubState,
  op: OpOf<'room.move' | 'room.release' | 'room.checkin'>,
): { a: RoomAllocation; r: CareRequest } | Rejection {
  const a = allocationsOf(state)[op.payload.allocationId];
  if (!a) return reject('not_found', 'this room allocation does not exist');
  const r = staffRequest(state, op, a.requestId);
  if (isRejection(r)) return r;
  if (!holdsRoom(a)) return reject('conflict', `this room was already ${a.status === 'no_show' ? 'marked a no-show' : 'released'}`);
  return { a, r };
}

/** Another hotel, room or shuttle for the same party in one step: the old rooms are free for this check and after. */
export const roomMove: Handler<'room.move'> = (state, op, ctx) => {
  if (allocationsOf(state)[op.payload.newAllocationId]) return reject('conflict', 'this move was already submitted');
  const found = activeAllocation(state, op);
  if (isRejection(found)) return found;
  const { a, r } = found;
  if (a.status === 'checked_in') return reject('conflict', 'the party has already checked in: release the room first');
  const fit = checkRooms(state, op, r, a);
  if (isRejection(fit)) return fit;
  const moved = newAllocation(state, op, ctx, r, op.payload.newAllocationId, fit);
  const detail = `${describe(state, a)} → ${describe(state, moved)}`;
  let next = withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, 'room moved', detail)] }, ctx);
  next = withAllocation(next, { ...a, status: 'released', changedAt: ctx.at }, ctx);
  return { ok: true, state: withAllocation(next, moved, ctx) };
};

export const roomRelease: Handler<'room.release'> = (state, op, ctx) => {
  const found = activeAllocation(state, op);
  if (isRejection(found)) return found;
  const { a, r } = found;
  const noShow = op.payload.outcome === 'no_show';
  if (noShow && a.status === 'checked_in') return reject('conflict', 'the party has checked in: it is not a no-show');
  const next = withRequest(
    state,
    { ...r, history: [...r.history, historyEntry(ctx, op, noShow ? 'room no-show' : 'room released', describe(state, a))] },
    ctx,
  );
  return { ok: true, state: withAllocation(next, { ...a, status: op.payload.outcome, changedAt: ctx.at }, ctx) };
};

export const roomCheckIn: Handler<'room.checkin'> = (state, op, ctx): Outcome => {
  const found = activeAllocation(state, op);
  if (isRejection(found)) return found;
  const { a, r } = found;
  if (a.status === 'checked_in') return { ok: true, state };
  const next = withRequest(state, { ...r, history: [...r.history, historyEntry(ctx, op, 'checked in at the hotel', describe(state, a))] }, ctx);
  return { ok: true, state: withAllocation(next, { ...a, status: 'checked_in', changedAt: ctx.at }, ctx) };
};

export const hotelSpecs: HotelSpecs = {
  'hotel.upsert': { ...HOTEL_ACCESS['hotel.upsert'], handler: hotelUpsert },
  'hotel.rooms': { ...HOTEL_ACCESS['hotel.rooms'], handler: hotelRooms },
  'hotel.shuttle': { ...HOTEL_ACCESS['hotel.shuttle'], handler: hotelShuttle },
  'room.allocate': { ...HOTEL_ACCESS['room.allocate'], handler: roomAllocate },
  'room.move': { ...HOTEL_ACCESS['room.move'], handler: roomMove },
  'room.release': { ...HOTEL_ACCESS['room.release'], handler: roomRelease },
  'room.checkin': { ...HOTEL_ACCESS['room.checkin'], handler: roomCheckIn },
};
