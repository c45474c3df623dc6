import type { HubState } from './model.ts';
import type { LogEntry, Op, OpType } from './ops.ts';
import type { PurgedRecords } from './handlers/types.ts';
import { PURGED } from './personal-data.ts';
import { specOf } from './registry.ts';

export type { PurgedRecords } from './handlers/types.ts';

/** The records of one flight's passengers in `state` (after the purge, the ids are all that remain). */
export function purgedRecords(state: HubState, flightIds: readonly string[]): PurgedRecords {
  const flights = new Set(flightIds);
  const requests = new Set<string>();
  for (const r of Object.values(state.requests)) if (flights.has(r.flightId)) requests.add(r.id);
  const vouchers = new Set<string>();
  for (const v of Object.values(state.vouchers)) {
    if (v.requestId === null ? v.bound !== undefined && flights.has(v.bound.flightId) : requests.has(v.requestId)) vouchers.add(v.id);
  }
  const conflicts = new Set<string>();
  for (const c of Object.values(state.redemptionConflicts ?? {})) if (vouchers.has(c.voucherId)) conflicts.add(c.id);
  return { requests, vouchers, flights, conflicts };
}

/**
 * A logged operation with the same personal text blanked that the purge blanked in the state
 * (core/personal-data.ts), or the entry itself when it holds none. What goes is the operation's
 * registry entry's `purge` rule. Replaying the blanked log gives the purged state: the texts were
 * never used to decide anything, counts and times stay.
 */
export function purgeEntry(entry: LogEntry, purged: PurgedRecords): LogEntry {
  const op = blankOp(entry.op, purged);
  return op === entry.op ? entry : { ...entry, op };
}

function blankOp(op: Op, purged: PurgedRecords): Op {
  const rule = specOf(op.type).purge;
  if (rule === 'no passenger data') return op;
  if ('blank' in rule) {
    const payload = rule.blank(op.payload, purged);
    return payload === op.payload ? op : withPayload(op, payload);
  }
  if (!rule.of(op.payload, purged)) return op;
  const payload: Record<string, unknown> = { ...op.payload };
  let changed = false;
  for (const key of rule.texts) {
    if (payload[key] === undefined) continue;
    payload[key] = PURGED;
    changed = true;
  }
  return changed ? withPayload(op, payload) : op;
}

/** The operation with a payload its own rule produced from its payload: the same type, seen through the union. */
function withPayload(op: Op, payload: object): Op {
  return { ...op, payload } as Op;
}

/** The payload texts a purge may leave empty in a logged operation of this type: a stored entry is checked with these refilled. */
export function purgedTextFields(type: OpType): readonly string[] {
  const rule = specOf(type).purge;
  return typeof rule === 'object' && 'texts' in rule ? rule.texts : [];
}
