import type { HubState } from '../model.ts';
import type { OpSpec, OpSpecs } from './types.ts';
import { scopeOfRequest, STAFF, REFERENCE_DATA } from './shared.ts';
import { allocationsOf } from '../hotel-state.ts';

export type HotelOpType = 'hotel.upsert' | 'hotel.rooms' | 'hotel.shuttle' | 'room.allocate' | 'room.move' | 'room.release' | 'room.checkin';
export type HotelSpecs = OpSpecs<HotelOpType>;

/*
 * Who may submit the hotel operations and who sees them, kept apart from the handlers and their
 * refusal texts (hotels.ts) so that a lighter reducer for a device could share them.
 */

// A hotel is reference data and an allocation holds rooms, nights and seats: no operation here names a passenger.
const SEEN_WITH_ALLOCATION = {
  to: 'request',
  scope: (state: HubState, op: { payload: { allocationId: string } }) =>
    scopeOfRequest(state, allocationsOf(state)[op.payload.allocationId]?.requestId),
  // An allocation holds no name or remark: the kiosk shows the hotel to the passenger.
  kiosk: 'whole',
} as const;

export const HOTEL_ACCESS: { [T in HotelOpType]: Omit<OpSpec<T>, 'handler'> } = {
  // Reference data every screen reads: the kiosk names the hotel, its address and its shuttle. The hub seeds the demo ones.
  'hotel.upsert': { submitters: ['system', 'duty_manager'], ...REFERENCE_DATA },
  'hotel.rooms': { submitters: ['system', 'duty_manager'], ...REFERENCE_DATA },
  'hotel.shuttle': { submitters: ['system', 'duty_manager'], ...REFERENCE_DATA },
  'room.allocate': {
    submitters: STAFF,
    visibility: { to: 'request', scope: (state, op) => scopeOfRequest(state, op.payload.requestId), kiosk: 'whole' },
    purge: 'no passenger data',
  },
  'room.move': { submitters: STAFF, visibility: SEEN_WITH_ALLOCATION, purge: 'no passenger data' },
  // 'system': the hub on behalf of the hotel's own desk, a no-show at its hotel only (server/hotel-desk-routes.ts).
  'room.release': { submitters: [...STAFF, 'system'], visibility: SEEN_WITH_ALLOCATION, purge: 'no passenger data' },
  // The hotel's desk confirms arrival (the hub submits it as 'system' for that hotel's desk only), or a duty manager on its word.
  'room.checkin': { submitters: ['duty_manager', 'system'], visibility: SEEN_WITH_ALLOCATION, purge: 'no passenger data' },
};
