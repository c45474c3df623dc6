import { v7 as uuidv7 } from 'uuid';
import type { Actor, Op, OpBody } from './ops.ts';
import { SCHEMA_VERSION } from './values.ts';

/** Who submits an operation, from which device, and when (that device's clock). */
export interface OpOrigin {
  actor: Actor;
  device: string;
  at: Date | string;
}

/**
 * The one place an operation's envelope is built: a fresh UUIDv7 (ids are created where the
 * operation is, see the sync design) and the current schema version. Zod-free, so the kiosk's
 * sync client can use it. `id` is given where the operation must keep an id chosen earlier (an
 * outlet's redemption or a phone's message, retried after a lost answer, is applied once).
 */
export function makeOp(from: OpOrigin, body: OpBody, id: string = uuidv7()): Op {
  const at = typeof from.at === 'string' ? from.at : from.at.toISOString();
  return { v: SCHEMA_VERSION, id, actor: from.actor, device: from.device, at, ...body };
}
