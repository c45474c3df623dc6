import type { Role } from './model.ts';
import type { Actor, OpType } from './ops.ts';

/** Who may submit which operation. The hub also checks identity; this is the business rule. */
const ALLOWED: Record<OpType, ReadonlyArray<'kiosk' | Role | 'system'>> = {
  'request.create': ['kiosk', 'agent', 'duty_manager'],
  'request.claim': ['agent', 'duty_manager'],
  'request.deliver': ['agent', 'duty_manager'],
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
};

export function mayPerform(actor: Actor, role: Role | undefined, type: OpType): boolean {
  const who = actor.kind === 'staff' ? role : actor.kind;
  return who !== undefined && ALLOWED[type].includes(who);
}
