import type { HubState } from './model.ts';
import type { Meal, RoomType } from './hotel-values.ts';
import { activeAllocationsOf, hotelsOf, shuttlesOf } from './hotel-state.ts';

/** Passengers are asked back at the airport this long before the new departure: check-in and security. */
export const BACK_BEFORE_DEPARTURE_MS = 2 * 3600_000;

/** What the passenger is told about their room: nothing about rates, who allocated it or other guests. */
export interface PassengerHotel {
  allocationId: string;
  name: string;
  address: string;
  phone: string;
  deskHours: string;
  meals: Meal[];
  rooms: RoomType[];
  night: string;
  transport: 'shuttle' | 'taxi';
  pickupPoint: string;
  /** The shuttle run's departure; null for a taxi. */
  pickupAt: string | null;
  /** The flight's current departure, and when to be back at the airport for it; null when unknown. */
  newDeparture: string | null;
  backBy: string | null;
}

/**
 * The rooms a request holds, as the kiosk ticket and the phone show them. Read from the state each
 * time, so a move, a new shuttle time or a further delay shows at once.
 */
export function passengerHotels(state: HubState, requestId: string): PassengerHotel[] {
  const r = state.requests[requestId];
  if (!r) return [];
  const flight = state.flights[r.flightId];
  const departure = flight ? (flight.status === 'scheduled' ? flight.scheduledDeparture : flight.estimatedDeparture) : null;
  const out: PassengerHotel[] = [];
  for (const a of activeAllocationsOf(state, requestId)) {
    const h = hotelsOf(state)[a.hotelId];
    if (!h) continue;
    const shuttle = a.transport.kind === 'shuttle' ? shuttlesOf(state)[a.transport.shuttleId] : undefined;
    out.push({
      allocationId: a.id,
      name: h.name,
      address: h.address,
      phone: h.phone,
      deskHours: h.deskHours,
      meals: h.meals,
      rooms: a.rooms,
      night: a.night,
      transport: shuttle ? 'shuttle' : 'taxi',
      pickupPoint: h.pickupPoint,
      pickupAt: shuttle?.departsAt ?? null,
      newDeparture: departure,
      backBy: departure ? new Date(Date.parse(departure) - BACK_BEFORE_DEPARTURE_MS).toISOString() : null,
    });
  }
  return out;
}
