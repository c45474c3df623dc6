import type { Role } from './model.ts';
import type { Actor, OpType } from './ops.ts';

/** Who may submit which operation. The hub also checks identity; this is the business rule. */
const ALLOWED: Record<OpType, ReadonlyArray<'kiosk' | Role | 'system'>> = {
  'request.create': ['kiosk', 'agent', 'duty_manager'],
  'request.claim': ['agent', 'duty_manager'],
  'request.deliver': ['agent', 'duty_manager'],
  'request.release': ['agent', 'duty_manager'],
  'request.reassign': ['agent', 'duty_manager'],
  'request.cancel': ['agent', 'duty_manager'],
  'request.note': ['agent', 'duty_manager'],
  'stock.restock': ['system', 'agent', 'duty_manager'],
  'voucher.issue': ['agent', 'duty_manager'],
  'voucher.escalate': ['agent', 'duty_manager'],
  'voucher.approve': ['duty_manager'],
  'voucher.decline': ['duty_manager'],
  'policy.set': ['system', 'duty_manager'],
  'gate.upsert': ['system'],
  'flight.upsert': ['system', 'duty_manager'],
  'staff.upsert': ['system'],
  'stock.set': ['system', 'duty_manager'],
  'flight.delay': ['system', 'duty_manager'],
  'flight.cancel': ['system', 'duty_manager'],
  'flight.gate': ['system', 'duty_manager'],
  'notice.publish': ['duty_manager'],
  // Only the hub's clock decides when kiosks see a notice.
  'notice.reveal': ['system'],
  'airline.upsert': ['system', 'duty_manager'],
  // Only the hub's clock decides when passengers' personal data goes.
  'passengers.purge': ['system'],
  'airport.set': ['system', 'duty_manager'],
};

export function mayPerform(actor: Actor, role: Role | undefined, type: OpType): boolean {
  const who = actor.kind === 'staff' ? role : actor.kind;
  return who !== undefined && ALLOWED[type].includes(who);
}
