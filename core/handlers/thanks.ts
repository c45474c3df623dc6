import type { Handler, OpSpecs } from './types.ts';
import { reject } from '../outcome.ts';
import { phoneLinkOpen } from '../personal-data.ts';
import { REDACTED } from '../redacted.ts';
import { historyEntry, scopeByRequestId, withRequest } from './shared.ts';
import { ofPurgedRequest } from './purge-rules.ts';

/**
 * After delivery the passenger may leave one word for the team, from their phone (the hub submits
 * it once it has checked the link). It is kept on the request, not on whoever served it: the words
 * are for the team, and nothing counts or ranks them per agent.
 */
export const thanksLeave: Handler<'thanks.leave'> = (state, op, ctx) => {
  const r = state.requests[op.payload.requestId];
  if (!r) return reject('not_found', 'this request does not exist');
  if (!phoneLinkOpen(r)) return reject('forbidden', 'this ticket is closed: its messages were deleted');
  if (r.status !== 'delivered') return reject('conflict', 'a word for the team can be left once your request has been delivered');
  if (r.thanks) return reject('conflict', 'you already left a word for the team: thank you');
  return {
    ok: true,
    state: withRequest(
      state,
      { ...r, thanks: { at: ctx.at, text: op.payload.text }, history: [...r.history, historyEntry(ctx, op, 'passenger left a word for the team')] },
      ctx,
    ),
  };
};

export const thanksSpecs: OpSpecs<'thanks.leave'> = {
  'thanks.leave': {
    submitters: ['system'],
    handler: thanksLeave,
    // Staff read the words (duty managers on the board); a kiosk is a public screen and gets none of them.
    visibility: { to: 'request', scope: scopeByRequestId, kiosk: (p) => ({ ...p, text: REDACTED }) },
    purge: { texts: ['text'], of: ofPurgedRequest },
  },
};
