import type { ApplyContext, CareRequest, HubState, OpBody } from '../../core/index.ts';
import { newRequest } from '../../core/handlers/requests.ts';
import { KIOSK, createRequest, op } from './ops.ts';

type CreatePayload = Extract<OpBody, { type: 'request.create' }>['payload'];

/**
 * A passenger's request born the way the hub makes one (the handler's `newRequest`) on `state`,
 * so a test never hand-copies the request's fields and drifts from the model.
 */
export function bornRequest(state: HubState, overrides: Partial<CreatePayload>, ctx: ApplyContext): CareRequest {
  const body = createRequest(overrides);
  if (body.type !== 'request.create') throw new Error('createRequest builds request.create');
  const born = newRequest(state, { ...op(KIOSK, body, ctx.at), type: body.type, payload: body.payload }, ctx);
  if ('ok' in born) throw new Error(born.reason);
  return born;
}
