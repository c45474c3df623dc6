import type { Role } from './model.ts';
import type { Actor, OpType } from './ops.ts';
import { specOf } from './registry.ts';

/** Who may submit which operation (each registry entry's `submitters`). The hub also checks identity; this is the business rule. */
export function mayPerform(actor: Actor, role: Role | undefined, type: OpType): boolean {
  const who = actor.kind === 'staff' ? role : actor.kind;
  return who !== undefined && specOf(type).submitters.includes(who);
}
