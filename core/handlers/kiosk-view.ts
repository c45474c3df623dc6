import type { Handler, OpSpecs } from './types.ts';

/** Puts the records a `kiosk.view` carries in place; a kiosk's state is small, so copies are cheap. */
export const kioskView: Handler<'kiosk.view'> = (state, op) => {
  const { requests, vouchers, roomAllocations } = op.payload;
  if (!requests.length && !vouchers.length && !roomAllocations.length) return { ok: true, state };
  const next = { ...state, requests: { ...state.requests }, vouchers: { ...state.vouchers } };
  for (const r of requests) next.requests[r.id] = r;
  for (const v of vouchers) next.vouchers[v.id] = v;
  if (roomAllocations.length) {
    next.roomAllocations = { ...(state.roomAllocations ?? {}) };
    for (const a of roomAllocations) next.roomAllocations[a.id] = a;
  }
  return { ok: true, state: next };
};

export const kioskViewSpecs: OpSpecs<'kiosk.view'> = {
  // Made by the hub for kiosks only (core/kiosk-entry.ts), never submitted by a device nor logged.
  'kiosk.view': {
    submitters: ['system'],
    handler: kioskView,
    visibility: { to: 'staff' },
    // Never in the log, and its records are already in the kiosk's form (no surname, note or remark).
    purge: 'no passenger data',
  },
};
