import type { Handler, OpSpecs } from './types.ts';
import { reject } from '../outcome.ts';
import { coversGate, REFERENCE_DATA } from './shared.ts';

const MAX_STOCK = 100000;

export const stockRestock: Handler<'stock.restock'> = (state, op) => {
  const { gate, item, quantity } = op.payload;
  const current = state.stock[gate];
  if (!current) return reject('not_found', `gate ${gate} does not exist`);
  if (op.actor.kind === 'staff' && !coversGate(state, op.actor.id, gate)) {
    return reject('forbidden', `gate ${gate} is not one of your gates`);
  }
  if (current[item] + quantity > MAX_STOCK) return reject('invalid', `a gate holds at most ${MAX_STOCK} of an item`);
  return { ok: true, state: { ...state, stock: { ...state.stock, [gate]: { ...current, [item]: current[item] + quantity } } } };
};

export const stockSpecs: OpSpecs<'stock.restock'> = {
  'stock.restock': { submitters: ['system', 'agent', 'duty_manager'], handler: stockRestock, ...REFERENCE_DATA },
};
