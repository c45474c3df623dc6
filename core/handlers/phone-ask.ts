import type { Handler, OpSpecs } from './types.ts';
import { reject } from '../outcome.ts';
import { phoneLinkOpen } from '../personal-data.ts';
import { newRequest } from './requests.ts';
import { isRejection, withRequest } from './shared.ts';
import { NEW_REQUEST } from './new-request.ts';

/** A phone may start a few more requests from one ticket; beyond that the passenger talks to the gate. */
export const MAX_PHONE_ASKS = 5;

/**
 * The passenger asks for something new from their phone. Only the hub submits it, after checking
 * the link and filling gate, flight, surname and language from the ticket the link opens
 * (server/phone-sockets.ts); the phone chose only needs, party and note.
 *
 * A tablet at the new request's gate may not hold the asking ticket (the flight moved gates): it
 * still creates the request, and only a state holding the ticket records the ask on it.
 */
export const phoneAsk: Handler<'phone.ask'> = (state, op, ctx) => {
  const from = state.requests[op.payload.fromRequestId];
  if (from && !phoneLinkOpen(from)) return reject('forbidden', 'this ticket is closed: ask at the gate');
  if (from && (from.phoneAsks?.length ?? 0) >= MAX_PHONE_ASKS) {
    return reject('limit', `${MAX_PHONE_ASKS} requests were already asked from this phone: please speak to the staff at the gate`);
  }
  const made = newRequest(state, op, ctx);
  if (isRejection(made)) return made;
  const asked = withRequest(state, { ...made, askedFromRequestId: op.payload.fromRequestId }, ctx);
  return { ok: true, state: from ? withRequest(asked, { ...from, phoneAsks: [...(from.phoneAsks ?? []), made.id] }, ctx) : asked };
};

export const phoneAskSpecs: OpSpecs<'phone.ask'> = {
  'phone.ask': {
    submitters: ['system'],
    handler: phoneAsk,
    // Like a kiosk's request: the new request's gate sees it; no kiosk made it, so none receives it whole.
    ...NEW_REQUEST,
  },
};
