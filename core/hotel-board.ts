import type { CareRequest, HubState, Party } from './model.ts';
import type { Hotel, RoomAllocation, Shuttle, TransportChoice } from './hotel-model.ts';
import type { AllocationStatus, RoomType } from './hotel-values.ts';
import { ROOM_TYPES } from './hotel-values.ts';
import {
  activeAllocationsOf,
  allocationsOf,
  holdsRoom,
  hotelsOf,
  roomsHeld,
  seatsTaken,
  shuttlesFor,
  zeroRooms,
  type RoomCounts,
} from './hotel-state.ts';
import { hotelOwed } from './hotel-allocation.ts';

/*
 * What the duty manager's board, the hotel desk and the billing report read from the hotel part
 * of the state. Pure; the guest list carries the surname from the request itself, so the purge,
 * which blanks requests, blanks it here too.
 */

export interface HotelGuest {
  allocationId: string;
  requestId: string;
  ticket: string;
  /** From the request: blank once the flight's personal data is purged. */
  surname: string;
  flightNumber: string;
  party: Party;
  people: number;
  seats: number;
  rooms: RoomType[];
  status: AllocationStatus;
  transport: TransportChoice;
  /** The shuttle run's departure, null for a taxi. */
  pickupAt: string | null;
}

function pickupAt(state: HubState, t: TransportChoice): string | null {
  return t.kind === 'shuttle' ? (state.shuttles?.[t.shuttleId]?.departsAt ?? null) : null;
}

/** Who a hotel expects on a night (and who came), by pickup time then ticket. */
export function expectedGuests(state: HubState, hotelId: string, night: string): HotelGuest[] {
  const out: HotelGuest[] = [];
  for (const a of Object.values(allocationsOf(state))) {
    if (a.hotelId !== hotelId || a.night !== night || !holdsRoom(a)) continue;
    const r = state.requests[a.requestId];
    out.push({
      allocationId: a.id,
      requestId: a.requestId,
      ticket: r?.ticket ?? '',
      surname: r?.surname ?? '',
      flightNumber: r?.flightNumber ?? '',
      party: r?.party ?? { adults: 0, children: 0, infants: 0 },
      people: a.people,
      seats: a.seats,
      rooms: a.rooms,
      status: a.status,
      transport: a.transport,
      pickupAt: pickupAt(state, a.transport),
    });
  }
  return out.sort((x, y) => (x.pickupAt ?? '~').localeCompare(y.pickupAt ?? '~') || x.ticket.localeCompare(y.ticket));
}

export interface HotelBoardRow {
  hotel: Hotel;
  held: RoomCounts;
  allocated: RoomCounts;
  checkedIn: RoomCounts;
  left: RoomCounts;
  shuttles: Array<{ shuttle: Shuttle; taken: number }>;
}

/** Rooms per hotel on a night: held, allocated (still expected), checked in, left; and each shuttle's seats. */
export function hotelBoard(state: HubState, night: string): HotelBoardRow[] {
  return Object.values(hotelsOf(state))
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1))
    .map((hotel) => {
      const held = roomsHeld(state, hotel.id, night);
      const allocated = zeroRooms();
      const checkedIn = zeroRooms();
      for (const a of Object.values(allocationsOf(state))) {
        if (a.hotelId !== hotel.id || a.night !== night || !holdsRoom(a)) continue;
        for (const t of a.rooms) (a.status === 'checked_in' ? checkedIn : allocated)[t] += 1;
      }
      const left = zeroRooms();
      for (const t of ROOM_TYPES) left[t] = Math.max(0, held[t] - allocated[t] - checkedIn[t]);
      return {
        hotel,
        held,
        allocated,
        checkedIn,
        left,
        shuttles: shuttlesFor(state, hotel.id).map((shuttle) => ({ shuttle, taken: seatsTaken(state, shuttle.id) })),
      };
    });
}

/** Parties the engine says are owed a hotel and who have no room yet, oldest request first. */
export function passengersWithoutRoom(state: HubState, nowIso: string): CareRequest[] {
  return Object.values(state.requests)
    .filter((r) => r.status !== 'cancelled' && activeAllocationsOf(state, r.id).length === 0 && hotelOwed(state, r, nowIso))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
}

export interface HotelBillingRow {
  flightNumber: string;
  flightId: string;
  hotelId: string;
  hotelName: string;
  /** Room-nights billed: rooms of allocations still held or no-shows (a no-show is billed, a release is not). */
  roomNights: number;
  guests: number;
  costCents: number;
  currency: string;
}

function billed(a: RoomAllocation): boolean {
  return a.status !== 'released';
}

/** Nights and cost per hotel per flight, for the hotels' invoices. */
export function hotelBilling(state: HubState): HotelBillingRow[] {
  const rows = new Map<string, HotelBillingRow>();
  for (const a of Object.values(allocationsOf(state))) {
    if (!billed(a)) continue;
    const key = `${a.flightId}|${a.hotelId}|${a.currency}`;
    const flight = state.flights[a.flightId];
    const row = rows.get(key) ?? {
      flightNumber: flight?.number ?? a.flightId,
      flightId: a.flightId,
      hotelId: a.hotelId,
      hotelName: hotelsOf(state)[a.hotelId]?.name ?? a.hotelId,
      roomNights: 0,
      guests: 0,
      costCents: 0,
      currency: a.currency,
    };
    row.roomNights += a.rooms.length;
    row.guests += a.seats;
    row.costCents += a.costCents;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.flightNumber.localeCompare(b.flightNumber) || a.hotelName.localeCompare(b.hotelName));
}
