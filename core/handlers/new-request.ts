import type { HubState } from '../model.ts';
import { REDACTED } from '../redacted.ts';
import { ofPurgedRequest } from './purge-rules.ts';
import type { RequestScope } from './types.ts';

/**
 * A new request, asked at a kiosk or from a passenger's phone: its own gate and device see it
 * (it does not exist before this operation, so its scope is what it asks for), a kiosk without
 * the name and note, and a purge blanks both.
 */
/**
 * A new request, asked at a kiosk or from a passenger's phone. It does not exist before this
 * operation, so its scope is what it asks for (gate and device); a kiosk gets it without the name
 * and note (a phone's ask was made by no kiosk, so none receives it whole), and a purge blanks both.
 */
export const NEW_REQUEST = {
  visibility: {
    to: 'request',
    scope: (_state: HubState, op: { payload: { gate: string }; device: string }): RequestScope => ({ gate: op.payload.gate, device: op.device }),
    kiosk: <P extends { surname: string; note: string }>(p: P): P => ({ ...p, surname: REDACTED, note: REDACTED }),
  },
  purge: { texts: ['surname', 'note'], of: ofPurgedRequest },
} as const;
