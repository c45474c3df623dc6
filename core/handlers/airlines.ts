import type { Handler } from './types.ts';

export const airlineUpsert: Handler<'airline.upsert'> = (state, op) => {
  const a = op.payload;
  // A device's saved state from before airlines existed has no `airlines` map.
  return { ok: true, state: { ...state, airlines: { ...(state.airlines ?? {}), [a.code]: a } } };
};
