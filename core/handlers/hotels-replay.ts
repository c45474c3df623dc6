import type { Handler } from './types.ts';
import type { HubState } from '../model.ts';
import type { RoomAllocation } from '../hotel-model.ts';
import type { AllocationStatus } from '../hotel-values.ts';
import { allocationsOf, hotelsOf, shuttlesOf } from '../hotel-state.ts';
import { HOTEL_ACCESS, type HotelSpecs } from './hotel-access.ts';

/*
 * The hotel operations as the kiosk replays them (kiosk/vite.config.ts puts this module in place
 * of hotels.ts in the kiosk build only). A kiosk never submits a hotel operation (HOTEL_ACCESS:
 * no 'kiosk' submitter), so its reducer only ever sees operations the hub already checked and
 * accepted: it records their effect without the checks and the refusal texts, which would not fit
 * in the kiosk's 150 kB. What a kiosk screen reads (passengerHotels: hotel, rooms, transport,
 * status) is the same as on the hub (test/core/hotel-kiosk-replay.test.ts); what only staff read
 * (room blocks, seats, cost) it does not keep.
 */

function put(state: HubState, a: RoomAllocation): HubState {
  return { ...state, roomAllocations: { ...allocationsOf(state), [a.id]: a } };
}

function setStatus(state: HubState, id: string, status: AllocationStatus, at: string): HubState {
  const a = allocationsOf(state)[id];
  return a ? put(state, { ...a, status, changedAt: at }) : state;
}

const allocate: Handler<'room.allocate'> = (state, op, ctx) => {
  const p = op.payload;
  const r = state.requests[p.requestId];
  return {
    ok: true,
    state: put(state, {
      id: p.allocationId,
      requestId: p.requestId,
      flightId: r?.flightId ?? '',
      hotelId: p.hotelId,
      night: p.night,
      rooms: p.rooms,
      people: p.people ?? 0,
      seats: 0,
      transport: p.transport,
      costCents: 0,
      currency: '',
      status: 'allocated',
      allocatedAt: ctx.at,
      allocatedBy: op.actor.id,
      allocatedByName: '',
      changedAt: null,
    }),
  };
};

export const hotelSpecs: HotelSpecs = {
  'hotel.upsert': {
    ...HOTEL_ACCESS['hotel.upsert'],
    handler: (s, op) => ({ ok: true, state: { ...s, hotels: { ...hotelsOf(s), [op.payload.id]: op.payload } } }),
  },
  // No kiosk screen reads room blocks (counts and rates are for staff): the kiosk keeps none.
  'hotel.rooms': { ...HOTEL_ACCESS['hotel.rooms'], handler: (s) => ({ ok: true, state: s }) },
  'hotel.shuttle': {
    ...HOTEL_ACCESS['hotel.shuttle'],
    handler: (s, { payload: p }) => ({
      ok: true,
      state: { ...s, shuttles: { ...shuttlesOf(s), [p.shuttleId]: { id: p.shuttleId, hotelId: p.hotelId, departsAt: p.departsAt, seats: p.seats } } },
    }),
  },
  'room.allocate': { ...HOTEL_ACCESS['room.allocate'], handler: allocate },
  'room.move': {
    ...HOTEL_ACCESS['room.move'],
    handler: (s, op, ctx) => {
      const old = allocationsOf(s)[op.payload.allocationId];
      const moved = setStatus(s, op.payload.allocationId, 'released', ctx.at);
      const { allocationId: _old, newAllocationId, ...rest } = op.payload;
      return allocate(
        moved,
        { ...op, type: 'room.allocate', payload: { ...rest, allocationId: newAllocationId, requestId: old?.requestId ?? '' } },
        ctx,
      );
    },
  },
  'room.release': {
    ...HOTEL_ACCESS['room.release'],
    handler: (s, op, ctx) => ({ ok: true, state: setStatus(s, op.payload.allocationId, op.payload.outcome, ctx.at) }),
  },
  'room.checkin': {
    ...HOTEL_ACCESS['room.checkin'],
    handler: (s, op, ctx) => ({ ok: true, state: setStatus(s, op.payload.allocationId, 'checked_in', ctx.at) }),
  },
};
