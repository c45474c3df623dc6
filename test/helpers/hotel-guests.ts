import type { HubFixture } from './hub-fixture.ts';
import type { TestDevice } from './socket-clients.ts';
import { partyWithRoom } from './party-with-room.ts';
import { createRequest } from './ops.ts';

/** A couple on the cancelled AF1780 asking at gate K41 for a hotel: a double room keeps them together. */
export const coupleAskingForHotel = (surname: string) =>
  createRequest({ gate: 'K41', flightNumber: 'AF1780', surname, needs: ['hotel'], party: { adults: 2, children: 0, infants: 0 } });

/**
 * The hotel desks' guests: two couples from the cancelled AF1780 ask at a K41 kiosk, and the duty
 * manager gives each a double room for `night` with a taxi: Chevalier at the Aérogare Roissy,
 * Bonnet at the Mesnil-Amelot. The kiosk and the manager's tablet stay connected for the test.
 */
export async function twoCouplesWithRooms(env: HubFixture, kioskId: string, night: string): Promise<{ kiosk: TestDevice; manager: TestDevice }> {
  const kiosk = await env.kiosk('K41', kioskId);
  const manager = await env.staff('M201');
  const devices = { kiosk, kioskId, manager };
  await partyWithRoom(devices, { surname: 'Chevalier', hotelId: 'aerogare-roissy', night });
  await partyWithRoom(devices, { surname: 'Bonnet', hotelId: 'mesnil-amelot', night });
  return { kiosk, manager };
}
