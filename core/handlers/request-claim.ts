import type { CareRequest, HistoryEntry, HubState } from '../model.ts';
import type { ApplyContext } from './types.ts';
import { withRequest } from './shared.ts';

/** The state with `r` held by `holder` from now (claimed, or reassigned to them), the step kept in its history. */
export function withClaim(state: HubState, r: CareRequest, holder: { id: string; name: string }, step: HistoryEntry, ctx: ApplyContext): HubState {
  const held: CareRequest = {
    ...r,
    status: 'claimed',
    claimedBy: holder.id,
    claimedByName: holder.name,
    claimedAt: ctx.at,
    history: [...r.history, step],
  };
  return withRequest(state, held, ctx);
}
