import type { Handler, OpSpecs } from './types.ts';
import { REFERENCE_DATA } from './shared.ts';
import { reject } from '../outcome.ts';
import { emptyStock } from '../stock.ts';

export const gateUpsert: Handler<'gate.upsert'> = (state, op) => {
  const g = op.payload;
  return {
    ok: true,
    state: {
      ...state,
      gates: { ...state.gates, [g.id]: g },
      stock: state.stock[g.id] ? state.stock : { ...state.stock, [g.id]: emptyStock() },
    },
  };
};

export const flightUpsert: Handler<'flight.upsert'> = (state, op) => {
  const f = op.payload;
  if (!state.gates[f.gate]) return reject('not_found', `gate ${f.gate} does not exist`);
  return { ok: true, state: { ...state, flights: { ...state.flights, [f.id]: f } } };
};

export const staffUpsert: Handler<'staff.upsert'> = (state, op) => {
  const s = op.payload;
  const unknown = s.gates.find((g) => !state.gates[g]);
  if (unknown) return reject('not_found', `gate ${unknown} does not exist`);
  return { ok: true, state: { ...state, staff: { ...state.staff, [s.id]: s } } };
};

export const stockSet: Handler<'stock.set'> = (state, op) => {
  const { gate, item, quantity } = op.payload;
  const current = state.stock[gate];
  if (!current) return reject('not_found', `gate ${gate} does not exist`);
  return { ok: true, state: { ...state, stock: { ...state.stock, [gate]: { ...current, [item]: quantity } } } };
};

export const airportSet: Handler<'airport.set'> = (state, op) => ({ ok: true, state: { ...state, airport: op.payload } });

export const setupSpecs: OpSpecs<'gate.upsert' | 'flight.upsert' | 'staff.upsert' | 'stock.set' | 'airport.set'> = {
  'gate.upsert': { submitters: ['system'], handler: gateUpsert, ...REFERENCE_DATA },
  'flight.upsert': { submitters: ['system', 'duty_manager'], handler: flightUpsert, ...REFERENCE_DATA },
  // Kiosks hold no staff: they receive staff work on their requests as records (kiosk.view).
  'staff.upsert': { submitters: ['system'], handler: staffUpsert, visibility: { to: 'staff' }, purge: 'no passenger data' },
  'stock.set': { submitters: ['system', 'duty_manager'], handler: stockSet, ...REFERENCE_DATA },
  // Every screen reads its clock, kiosks included.
  'airport.set': { submitters: ['system', 'duty_manager'], handler: airportSet, ...REFERENCE_DATA },
};
