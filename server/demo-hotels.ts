import type { OpBody, RoomType } from '../core/index.ts';
import { tonight } from '../core/index.ts';
import { emptyState } from '../core/state.ts';

const HOUR = 3600_000;

/** Two hotels near CDG with rooms held for tonight and a shuttle every hour: what a duty manager sets up before a bad evening. */
export function demoHotelBodies(now: Date): OpBody[] {
  const night = tonight({ ...emptyState(), airport: { code: 'CDG', timeZone: 'Europe/Paris' } }, now.toISOString());
  const bodies: OpBody[] = [
    {
      type: 'hotel.upsert',
      payload: {
        id: 'aerogare-roissy',
        name: 'Hôtel Aérogare Roissy',
        address: '6 allée du Verger, 95700 Roissy-en-France',
        distanceKm: 1.5,
        phone: '+33 1 48 62 00 00',
        deskHours: '24 h',
        transport: 'shuttle',
        pickupPoint: 'Terminal 2E, arrivals level, exit 10, shuttle stop 4',
        meals: ['dinner', 'breakfast'],
      },
    },
    {
      type: 'hotel.upsert',
      payload: {
        id: 'mesnil-amelot',
        name: 'Hôtel du Mesnil',
        address: '2 rue de la Fontaine, 77990 Le Mesnil-Amelot',
        distanceKm: 6,
        phone: '+33 1 60 03 00 00',
        deskHours: '06:00–00:30',
        transport: 'taxi',
        pickupPoint: 'Terminal 2E, arrivals level, exit 8, taxi rank',
        meals: ['breakfast'],
      },
    },
  ];
  const blocks: Array<[string, RoomType, number, number]> = [
    ['aerogare-roissy', 'single', 10, 9500],
    ['aerogare-roissy', 'double', 20, 12000],
    ['aerogare-roissy', 'family', 6, 16000],
    ['aerogare-roissy', 'accessible', 4, 12000],
    ['mesnil-amelot', 'single', 8, 8000],
    ['mesnil-amelot', 'double', 12, 9500],
    ['mesnil-amelot', 'family', 2, 13000],
    ['mesnil-amelot', 'accessible', 1, 9500],
  ];
  for (const [hotelId, type, count, rateCents] of blocks)
    bodies.push({ type: 'hotel.rooms', payload: { hotelId, night, type, count, rateCents, currency: 'EUR' } });
  const firstRun = Math.ceil((now.getTime() + HOUR) / (HOUR / 4)) * (HOUR / 4);
  for (let i = 0; i < 4; i++) {
    bodies.push({
      type: 'hotel.shuttle',
      // Fixed ids so that a reseeded demo names the same runs.
      payload: {
        shuttleId: `0190a000-0000-7000-8000-00000000000${i + 1}`,
        hotelId: 'aerogare-roissy',
        departsAt: new Date(firstRun + i * HOUR).toISOString(),
        seats: 30,
      },
    });
  }
  return bodies;
}
