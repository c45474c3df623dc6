import {
  airportClock,
  hotelsOf,
  shuttlesOf,
  ROOM_TYPES,
  type HotelFacts,
  type RoomType,
  type TransportChoice,
  type UnplacedReason,
} from '../../../core/index.ts';

/*
 * How the tablet words a room booking: one place, so the agent's card and the duty manager's
 * Hotels tab say the same thing. English, like the rest of the staff app.
 */

export const UNPLACED_TEXT: Record<UnplacedReason, string> = {
  no_room: 'no room that keeps the party together is left',
  no_accessible_room: 'no accessible room left',
  minor_airline_escort: "unaccompanied minor: the airline's staff take charge",
};

/** "1 family room", "2 double rooms + 1 single room". */
export function roomsText(rooms: readonly RoomType[]): string {
  return ROOM_TYPES.flatMap((t) => {
    const n = rooms.filter((x) => x === t).length;
    return n > 0 ? [`${n} ${t} room${n === 1 ? '' : 's'}`] : [];
  }).join(' + ');
}

/** "shuttle 23:40 from Terminal 2E, exit 10, stop 4" or "taxi from Terminal 2E, exit 8, taxi rank". */
export function transportText(state: HotelFacts, hotelId: string, t: TransportChoice, zone: string): string {
  const from = hotelsOf(state)[hotelId]?.pickupPoint;
  const where = from ? ` from ${from}` : '';
  if (t.kind === 'taxi') return `taxi${where}`;
  const s = shuttlesOf(state)[t.shuttleId];
  return s ? `shuttle ${airportClock(s.departsAt, zone)}${where}` : `shuttle${where}`;
}

/** "Hôtel Aérogare Roissy, 1 family room, shuttle 23:40 from Terminal 2E, exit 10, stop 4". */
export function bookingText(state: HotelFacts, b: { hotelId: string; rooms: readonly RoomType[]; transport: TransportChoice }, zone: string): string {
  return `${hotelsOf(state)[b.hotelId]?.name ?? b.hotelId}, ${roomsText(b.rooms)}, ${transportText(state, b.hotelId, b.transport, zone)}`;
}
