import { Op, OpBody, describeZodError, type OpType } from './ops.ts';
import { PURGED } from './personal-data.ts';
import { purgedTextFields } from './purge-log.ts';

/** Long enough for every minimum a blanked text had to meet when it was accepted, short enough for every maximum. */
const STAND_IN = 'purged';

/**
 * Why a stored operation is not one the hub could have accepted, or null when it is. A purge blanks
 * personal texts in the log (purge-log.ts) that the op schema requires; those are checked as if still
 * written, so a purged log reads back while a damaged one does not.
 */
export function storedOpProblem(op: unknown): string | null {
  const r = Op.safeParse(op);
  if (r.success) return null;
  const refilled = refillPurged(op);
  if (refilled !== op && Op.safeParse(refilled).success) return null;
  return describeZodError(r.error);
}

function refillPurged(op: unknown): unknown {
  if (typeof op !== 'object' || op === null) return op;
  const { type, payload } = op as { type?: unknown; payload?: unknown };
  if (type === 'passengers.import') return refillPurgedList(op, payload);
  if (!isOpType(type) || typeof payload !== 'object' || payload === null) return op;
  const fields = purgedTextFields(type);
  const filled: Record<string, unknown> = { ...payload };
  let changed = false;
  for (const f of fields) {
    if (filled[f] === PURGED) {
      filled[f] = STAND_IN;
      changed = true;
    }
  }
  return changed ? { ...op, payload: filled } : op;
}

/** A purged list keeps its passengers with the surnames blanked (purge-log.ts), which the list schema requires. */
function refillPurgedList(op: object, payload: unknown): unknown {
  const passengers = (payload as { passengers?: unknown } | null)?.passengers;
  if (!Array.isArray(passengers)) return op;
  let changed = false;
  const filled = passengers.map((p: unknown) => {
    if (typeof p !== 'object' || p === null || (p as { surname?: unknown }).surname !== PURGED) return p;
    changed = true;
    return { ...p, surname: STAND_IN };
  });
  return changed ? { ...op, payload: { ...(payload as object), passengers: filled } } : op;
}

const OP_TYPES: ReadonlySet<unknown> = new Set(OpBody.options.map((o) => o.shape.type.value));
const isOpType = (type: unknown): type is OpType => OP_TYPES.has(type);
