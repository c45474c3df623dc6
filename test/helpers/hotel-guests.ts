import { v7 as uuidv7 } from 'uuid';
import type { OpBody } from '../../core/index.ts';
import type { HubFixture } from './hub-fixture.ts';
import type { TestDevice } from './socket-clients.ts';
import { CLAIRE } from './manager-ops.ts';
import { createRequest, KIOSK, op } from './ops.ts';

/**
 * The hotel desks' guests: two couples from the cancelled AF1780 ask at a K41 kiosk, and the duty
 * manager gives each a double room for `night` with a taxi: Chevalier at the Aérogare Roissy,
 * Bonnet at the Mesnil-Amelot. The kiosk and the manager's tablet stay connected for the test.
 */
export async function twoCouplesWithRooms(env: HubFixture, kioskId: string, night: string): Promise<{ kiosk: TestDevice; manager: TestDevice }> {
  const kiosk = await env.kiosk('K41', kioskId);
  const manager = await env.staff('M201');
  for (const [surname, hotelId] of [
    ['Chevalier', 'aerogare-roissy'],
    ['Bonnet', 'mesnil-amelot'],
  ] as const) {
    const body = createRequest({ gate: 'K41', flightNumber: 'AF1780', surname, needs: ['hotel'], party: { adults: 2, children: 0, infants: 0 } });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    const asked = await kiosk.submit(op({ ...KIOSK, id: kioskId }, body));
    if (!asked.ok) throw new Error(`request.create refused: ${asked.reason}`);
    const alloc: OpBody = {
      type: 'room.allocate',
      payload: { allocationId: uuidv7(), requestId, hotelId, night, rooms: ['double'], transport: { kind: 'taxi' } },
    };
    const allocated = await manager.submit(op(CLAIRE, alloc));
    if (!allocated.ok) throw new Error(`room.allocate refused: ${allocated.reason}`);
  }
  return { kiosk, manager };
}
