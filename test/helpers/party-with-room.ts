import { expect } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { OpBody, RoomType } from '../../core/index.ts';
import { createRequest, KIOSK, op } from './ops.ts';
import type { TestDevice } from './socket-clients.ts';

import { CLAIRE } from './manager-ops.ts';

/**
 * A party on AF1780 (the demo's cancelled flight: a hotel is owed) asking at a K41 kiosk, then given
 * one room by the duty manager, with a taxi: what a hotel desk then expects.
 */
export async function partyWithRoom(
  devices: { kiosk: TestDevice; kioskId: string; manager: TestDevice },
  party: { surname: string; hotelId: string; night: string; room?: RoomType },
): Promise<{ requestId: string; allocationId: string }> {
  const room = party.room ?? 'double';
  const body = createRequest({
    gate: 'K41',
    flightNumber: 'AF1780',
    surname: party.surname,
    needs: ['hotel'],
    party: { adults: room === 'single' ? 1 : 2, children: 0, infants: 0 },
  });
  const requestId = body.type === 'request.create' ? body.payload.requestId : '';
  expect(await devices.kiosk.submit(op({ ...KIOSK, id: devices.kioskId }, body))).toMatchObject({ ok: true });
  const allocationId = uuidv7();
  const alloc: OpBody = {
    type: 'room.allocate',
    payload: { allocationId, requestId, hotelId: party.hotelId, night: party.night, rooms: [room], transport: { kind: 'taxi' } },
  };
  expect(await devices.manager.submit(op(CLAIRE, alloc))).toMatchObject({ ok: true });
  return { requestId, allocationId };
}
