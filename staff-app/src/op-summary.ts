import { moneyText, type HubState, type Op, type OpOf, type OpType } from '../../core/index.ts';
import { VOUCHER_LABEL } from './labels.ts';

/** `about(requestId)` names the passenger, " for MOREAU (K7Q-2F4)", or nothing when this tablet does not hold the request. */
type Summary<T extends OpType> = (op: OpOf<T>, about: (requestId: string) => string) => string;

/**
 * One line per operation type, keyed like the core registry (core/registry.ts) so that a new
 * operation does not compile until the tablet can name it when the hub refuses it.
 */
const SUMMARY: { [T in OpType]: Summary<T> } = {
  'request.create': (op, about) => `Request${about(op.payload.requestId)}`,
  'request.claim': (op, about) => `Claim${about(op.payload.requestId)}`,
  'request.deliver': (op, about) => `Delivery${about(op.payload.requestId)}`,
  'request.release': (op, about) => `Release${about(op.payload.requestId)}`,
  'request.reassign': (op, about) => `Reassignment${about(op.payload.requestId)}`,
  'request.cancel': (op, about) => `Cancellation${about(op.payload.requestId)}`,
  'request.note': (op, about) => `Note${about(op.payload.requestId)}`,
  'stock.restock': (op) => `Restock at ${op.payload.gate}`,
  'voucher.issue': ({ payload: p }, about) =>
    `${VOUCHER_LABEL[p.kind]} voucher ${moneyText({ minor: p.amountCents, currency: p.currency })}${about(p.requestId)}`,
  'voucher.escalate': (op, about) => `Escalation${about(op.payload.requestId)}`,
  'voucher.approve': () => 'Approval',
  'voucher.decline': () => 'Decline',
  'policy.set': () => 'Limits change',
  'gate.upsert': (op) => `Gate ${op.payload.id}`,
  'flight.upsert': (op) => `Flight ${op.payload.number}`,
  'staff.upsert': (op) => `Staff member ${op.payload.id}`,
  'stock.set': (op) => `Stock count at ${op.payload.gate}`,
  'flight.delay': () => 'Delay',
  'flight.cancel': () => 'Flight cancellation',
  'flight.gate': (op) => `Gate change to ${op.payload.gate}`,
  'notice.publish': () => 'Notice',
  'notice.reveal': () => 'Notice shown on kiosks',
  'airline.upsert': (op) => `Airline rules for ${op.payload.code}`,
  'passengers.purge': () => 'Personal data purge',
  'outlet.enroll': (op) => `Outlet ${op.payload.name}`,
  'outlet.revoke': () => 'Outlet revoked',
  'voucher.redeem': () => 'Redemption at an outlet',
  'outlet.offlineRisk': () => 'Offline limit of an outlet',
  'voucher.redeemOffline': () => 'Redemption at an outlet while offline',
  'redemption.resolve': () => 'Conflict marked resolved',
  'voucher.void': () => 'Voucher void',
  'vouchers.issueFlight': (op) => `${op.payload.topUp ? 'Meal top-up' : 'Meal vouchers'} for a whole flight`,
  'passengers.import': (op) => `Passenger list (${op.payload.passengers.length})`,
  'thread.passenger': (op, about) => `Passenger's message${about(op.payload.requestId)}`,
  'thread.staff': (op, about) => `Answer to the passenger${about(op.payload.requestId)}`,
  'phone.revoke': (op, about) => `Phone link revocation${about(op.payload.requestId)}`,
  'thanks.leave': () => "Passenger's word for the team",
  'phone.ask': (op, about) => `Request from the passenger's phone${about(op.payload.requestId)}`,
  'airport.set': (op) => `Airport ${op.payload.code} on ${op.payload.timeZone} time`,
  'hotel.upsert': (op) => `Hotel ${op.payload.name}`,
  'hotel.rooms': (op) => `${op.payload.type} rooms on the night of ${op.payload.night}`,
  'hotel.shuttle': () => 'Shuttle run',
  'room.allocate': (op, about) => `Room${about(op.payload.requestId)}`,
  'room.move': () => 'Room move',
  'room.release': (op) => (op.payload.outcome === 'no_show' ? 'No-show' : 'Room release'),
  'room.checkin': () => 'Hotel check-in',
  // Never reaches a tablet: the hub makes it for kiosks only.
  'kiosk.view': () => 'Kiosk view',
};

/** Names a refused operation so the agent knows which action and which passenger it was. */
export function opSummary(op: Op, state: HubState): string {
  const about = (requestId: string) => {
    const r = state.requests[requestId];
    return r ? ` for ${r.surname.toUpperCase()} (${r.ticket})` : '';
  };
  // Each summary takes its own operation type; seen through the union of all types it needs this widening.
  return (SUMMARY[op.type] as Summary<OpType>)(op, about);
}
