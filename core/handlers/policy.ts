import type { Handler } from './types.ts';

/** Replaces the whole policy; who and when are kept with it (and in the log). */
export const policySet: Handler<'policy.set'> = (state, op, ctx) => ({
  ok: true,
  state: { ...state, policy: { ...op.payload, updatedAt: ctx.at, updatedBy: op.actor.id } },
});
