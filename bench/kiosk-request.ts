import { v7 as uuidv7 } from 'uuid';
import { makeOp, type Op } from '../core/index.ts';

/** The n-th care request a bench kiosk sends: a varied mix of needs, parties and languages. */
export function kioskRequest(k: { device: string; gate: string }, flight: string, n: number, surname = `Traveller${n}`): Op {
  return makeOp(
    { actor: { kind: 'kiosk', id: k.device }, device: k.device, at: new Date() },
    {
      type: 'request.create',
      payload: {
        requestId: uuidv7(),
        gate: k.gate,
        flightNumber: flight,
        surname,
        needs: n % 3 === 0 ? ['water', 'food'] : ['blanket'],
        party: { adults: 1 + (n % 2), children: n % 3 === 0 ? 1 : 0, infants: 0 },
        language: (['en', 'fr', 'es', 'de'] as const)[n % 4]!,
        note: '',
      },
    },
  );
}
