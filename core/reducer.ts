import type { HubState, Role } from './model.ts';
import type { Op, LogEntry } from './ops.ts';
import { reject, type Outcome } from './outcome.ts';
import { mayPerform } from './permissions.ts';
import { specOf } from './registry.ts';
import type { ApplyContext } from './handlers/types.ts';

export type { ApplyContext } from './handlers/types.ts';

function roleOf(state: HubState, op: Op): Role | undefined {
  return op.actor.kind === 'staff' ? state.staff[op.actor.id]?.role : undefined;
}

/**
 * The one place business rules run, on the hub and on every device alike.
 * Pure: same state, operation and context always give the same outcome
 * (with `ctx.inPlace`, the accepted outcome reuses the caller's requests and vouchers maps; see ApplyContext).
 */
export function apply(state: HubState, op: Op, ctx: ApplyContext): Outcome {
  if (op.actor.kind === 'staff' && !state.staff[op.actor.id]) {
    return reject('forbidden', `unknown staff member ${op.actor.id}`);
  }
  if (!mayPerform(op.actor, roleOf(state, op), op.type)) {
    return reject('forbidden', `${op.actor.kind === 'staff' ? roleOf(state, op) : op.actor.kind} may not perform ${op.type}`);
  }
  const out = specOf(op.type).handler(state, op, ctx);
  return out.ok ? { ok: true, state: { ...out.state, seq: ctx.seq } } : out;
}

/**
 * Folds an accepted log onto a state; an entry the hub accepted but this state rejects is reported.
 * `inPlace` only for a state the caller owns (see ApplyContext).
 */
export function replay(state: HubState, entries: readonly LogEntry[], opts: { inPlace?: boolean } = {}): { state: HubState; failed: LogEntry[] } {
  let s = state;
  const failed: LogEntry[] = [];
  for (const e of entries) {
    if (e.seq <= s.seq) continue;
    const out = apply(s, e.op, { seq: e.seq, at: e.at, inPlace: opts.inPlace });
    if (out.ok) s = out.state;
    else failed.push(e);
  }
  return { state: s, failed };
}
