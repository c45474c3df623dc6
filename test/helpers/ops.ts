import { v7 as uuidv7 } from 'uuid';
import { makeOp, type Actor, type Op, type OpBody } from '../../core/index.ts';

export const KIOSK: Actor = { kind: 'kiosk', id: 'kiosk-test-0001' };
export const AMIRA: Actor = { kind: 'staff', id: 'A101' };
export const LUCAS: Actor = { kind: 'staff', id: 'A102' };
export const SYSTEM: Actor = { kind: 'system', id: 'test' };

export function op(actor: Actor, body: OpBody, at = new Date().toISOString()): Op {
  return makeOp({ actor, device: actor.kind === 'kiosk' ? actor.id : `dev-${actor.id}`, at }, body);
}

/** The request a `request.create` body makes (a test that built the body knows its kind). */
export function requestIdOf(body: OpBody): string {
  if (body.type !== 'request.create') throw new Error(`${body.type} creates no request`);
  return body.payload.requestId;
}

export function createRequest(overrides: Partial<Extract<OpBody, { type: 'request.create' }>['payload']> = {}): OpBody {
  return {
    type: 'request.create',
    payload: {
      requestId: uuidv7(),
      gate: 'K32',
      flightNumber: 'AF1634',
      surname: 'Moreau',
      needs: ['water', 'blanket'],
      party: { adults: 2, children: 1, infants: 0 },
      language: 'fr',
      note: '',
      ...overrides,
    },
  };
}
