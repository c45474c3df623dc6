import { v7 as uuidv7 } from 'uuid';
import type { HubState, OpBody, RoomType } from '../../core/index.ts';
import { MANAGER, NOW, accepted, by } from './core-fixtures.ts';
import { KIOSK, createRequest, op } from './ops.ts';

/** The night the core tests allocate (NOW is 18:00 UTC on 23 November). */
export const NIGHT = '2026-11-23';

export interface HotelSpec {
  id: string;
  distanceKm: number;
  rooms: Partial<Record<RoomType, number>>;
  transport?: 'shuttle' | 'taxi';
  /** Seats of each shuttle run (leaving 19:00, 20:00... UTC). */
  shuttles?: number[];
}

export function hotelBodies(h: HotelSpec, night = NIGHT): OpBody[] {
  const bodies: OpBody[] = [
    {
      type: 'hotel.upsert',
      payload: {
        id: h.id,
        name: `Hotel ${h.id}`,
        address: `${h.distanceKm} rue de l'Aéroport, 95700 Roissy-en-France`,
        distanceKm: h.distanceKm,
        phone: '+33 1 49 19 19 19',
        deskHours: '24 h',
        transport: h.transport ?? 'shuttle',
        pickupPoint: 'Terminal 2E, exit 10, bus stop 4',
        meals: ['breakfast'],
      },
    },
  ];
  for (const [type, count] of Object.entries(h.rooms) as [RoomType, number][]) {
    bodies.push({
      type: 'hotel.rooms',
      payload: { hotelId: h.id, night, type, count, rateCents: type === 'family' ? 14000 : 9000, currency: 'EUR' },
    });
  }
  (h.shuttles ?? []).forEach((seats, i) => {
    bodies.push({ type: 'hotel.shuttle', payload: { shuttleId: uuidv7(), hotelId: h.id, departsAt: `2026-11-23T${19 + i}:00:00.000Z`, seats } });
  });
  return bodies;
}

export function withHotels(state: HubState, hotels: HotelSpec[]): HubState {
  let s = state;
  for (const h of hotels) for (const b of hotelBodies(h)) s = accepted(s, by(MANAGER, b));
  return s;
}

export interface PartySpec {
  adults: number;
  children: number;
  infants: number;
  mobility?: boolean;
  minor?: boolean;
}

/** Requests on the cancelled AF1780 (gate K41, rebooked next morning: a hotel is owed). */
export function withParties(state: HubState, parties: PartySpec[]): { state: HubState; ids: string[] } {
  let s = state;
  const ids: string[] = [];
  for (const p of parties) {
    const body = createRequest({
      gate: 'K41',
      flightNumber: 'AF1780',
      needs: p.mobility ? ['hotel', 'mobility'] : ['hotel'],
      party: { adults: p.adults, children: p.children, infants: p.infants },
      ...(p.minor ? { unaccompaniedMinor: true } : {}),
    });
    s = accepted(s, op(KIOSK, body, NOW));
    if (body.type === 'request.create') ids.push(body.payload.requestId);
  }
  return { state: s, ids };
}

/** A small hotel of its own for hub tests ('tiny': taxi from exit 8, no meals) holding `doubles` double rooms on `night`. */
export function tinyHotel(night: string, doubles: number): OpBody[] {
  return [
    {
      type: 'hotel.upsert',
      payload: {
        id: 'tiny',
        name: 'Hôtel Minuscule',
        address: '1 rue Courte, 95700 Roissy',
        distanceKm: 3,
        phone: '+33 1 00 00 00 00',
        deskHours: '24 h',
        transport: 'taxi',
        pickupPoint: 'Exit 8',
        meals: [],
      },
    },
    { type: 'hotel.rooms', payload: { hotelId: 'tiny', night, type: 'double', count: doubles, rateCents: 9900, currency: 'EUR' } },
  ];
}
