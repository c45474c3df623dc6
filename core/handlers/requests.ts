import type { ApplyContext, Handler, OpSpecs } from './types.ts';
import type { CareRequest, HubState } from '../model.ts';
import { reject, type Rejection } from '../outcome.ts';
import type { OpOf } from '../ops.ts';
import { findFlight } from '../flights.ts';
import { freeTicketFor } from '../ticket-index.ts';
import { addItems, describeItems, takeFromStock } from '../stock.ts';
import { closedReason, coversGate, historyEntry, isRejection, SEEN_WITH_REQUEST, STAFF, staffName, staffRequest, withRequest } from './shared.ts';
import { NEW_REQUEST } from './new-request.ts';
import { withClaim } from './request-claim.ts';
import { deviceMadeKioskRequests } from '../kiosk-device-index.ts';

const MAX_BACKDATE_MS = 24 * 3600 * 1000;

/** A kiosk that was offline submits later: the wait starts when the passenger asked, within reason. */
function clampCreatedAt(deviceAt: string, hubAt: string): string {
  const d = Date.parse(deviceAt);
  const h = Date.parse(hubAt);
  return new Date(Math.min(h, Math.max(d, h - MAX_BACKDATE_MS))).toISOString();
}

/**
 * Staff may ask on a passenger's behalf, but only at their own gates (a duty manager at any), and
 * never in a kiosk's name: the request's device decides which kiosk screen shows the ticket, so a
 * staff-made request naming a kiosk's device would plant a ticket on a public screen.
 */
function staffCreateRefusal(state: HubState, op: OpOf<'request.create'>): Rejection | null {
  if (op.actor.kind !== 'staff') return null;
  if (!coversGate(state, op.actor.id, op.payload.gate)) {
    return reject('forbidden', `gate ${op.payload.gate} is not one of your gates`);
  }
  if (deviceMadeKioskRequests(state.requests, op.device)) {
    return reject('forbidden', `device ${op.device} is a kiosk: staff requests come from the staff member's own device`);
  }
  return null;
}

/**
 * A new request from its payload, once the caller has checked who may ask: the one place a
 * request is born, for kiosks and staff (request.create) and for a passenger's phone (phone.ask).
 */
export function newRequest(state: HubState, op: OpOf<'request.create' | 'phone.ask'>, ctx: ApplyContext): CareRequest | Rejection {
  const p = op.payload;
  if (state.requests[p.requestId]) return reject('conflict', 'this request was already submitted');
  if (!state.gates[p.gate]) return reject('not_found', `gate ${p.gate} does not exist`);
  const flight = findFlight(state, p.flightNumber, ctx.at);
  if (!flight) {
    return reject('not_found', `no flight ${p.flightNumber} departs today: check the number on your boarding pass`);
  }
  const ticket = freeTicketFor(state.requests, p.requestId);
  const createdAt = clampCreatedAt(op.at, ctx.at);
  return {
    id: p.requestId,
    ticket,
    gate: p.gate,
    flightId: flight.id,
    flightNumber: flight.number,
    surname: p.surname,
    needs: [...new Set(p.needs)],
    party: p.party,
    language: p.language,
    unaccompaniedMinor: p.unaccompaniedMinor ?? false,
    ...(p.checkInSequence === undefined ? {} : { checkInSequence: p.checkInSequence }),
    note: p.note,
    device: op.device,
    status: 'received',
    createdAt,
    claimedBy: null,
    claimedByName: null,
    claimedAt: null,
    deliveredAt: null,
    handedOut: {},
    cancelReason: null,
    staffNotes: [],
    history: [{ at: createdAt, seq: ctx.seq, action: 'received', by: op.actor.id }],
  };
}

export const requestCreate: Handler<'request.create'> = (state, op, ctx) => {
  if (state.requests[op.payload.requestId]) return reject('conflict', 'this request was already submitted');
  if (!state.gates[op.payload.gate]) return reject('not_found', `gate ${op.payload.gate} does not exist`);
  const staffRefusal = staffCreateRefusal(state, op);
  if (staffRefusal) return staffRefusal;
  const request = newRequest(state, op, ctx);
  if (isRejection(request)) return request;
  return { ok: true, state: withRequest(state, request, ctx) };
};

export const requestClaim: Handler<'request.claim'> = (state, op, ctx) => {
  const r = staffRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  if (r.status === 'claimed' && r.claimedBy !== op.actor.id) {
    return reject('conflict', `already claimed by ${r.claimedByName ?? r.claimedBy}`);
  }
  if (r.status === 'delivered') return reject('conflict', 'this request was already delivered');
  if (r.status === 'cancelled') return reject('conflict', 'this request was cancelled');
  if (r.status === 'claimed') return { ok: true, state };
  const holder = { id: op.actor.id, name: staffName(state, op.actor.id) };
  return { ok: true, state: withClaim(state, r, holder, historyEntry(ctx, op, 'claimed'), ctx) };
};

export const requestDeliver: Handler<'request.deliver'> = (state, op, ctx) => {
  const r = staffRequest(state, op, op.payload.requestId);
  if (isRejection(r)) return r;
  const closed = closedReason(r);
  if (closed) return reject('conflict', closed);
  if (r.status === 'claimed' && r.claimedBy !== op.actor.id) {
    return reject('conflict', `claimed by ${r.claimedByName ?? r.claimedBy}: only they can mark it delivered`);
  }
  const items = op.payload.items ?? {};
  const gateStock = state.stock[r.gate];
  if (!gateStock) return reject('not_found', `gate ${r.gate} has no stock record`);
  const taken = takeFromStock(gateStock, items, r.gate);
  if (!taken.ok) return reject('conflict', taken.reason);
  const partial = op.payload.partial === true;
  // Delivering an unclaimed request is allowed: the agent was simply fast.
  const name = staffName(state, op.actor.id);
  const next: CareRequest = {
    ...r,
    status: partial ? 'claimed' : 'delivered',
    claimedBy: op.actor.id,
    claimedByName: name,
    claimedAt: r.claimedAt ?? ctx.at,
    deliveredAt: partial ? null : ctx.at,
    handedOut: addItems(r.handedOut, items),
    history: [...r.history, historyEntry(ctx, op, partial ? 'delivered partly' : 'delivered', describeItems(items))],
  };
  return { ok: true, state: { ...withRequest(state, next, ctx), stock: { ...state.stock, [r.gate]: taken.stock } } };
};

export const requestSpecs: OpSpecs<'request.create' | 'request.claim' | 'request.deliver'> = {
  'request.create': {
    submitters: ['kiosk', ...STAFF],
    handler: requestCreate,
    ...NEW_REQUEST,
  },
  'request.claim': { submitters: STAFF, handler: requestClaim, visibility: SEEN_WITH_REQUEST, purge: 'no passenger data' },
  'request.deliver': { submitters: STAFF, handler: requestDeliver, visibility: SEEN_WITH_REQUEST, purge: 'no passenger data' },
};
