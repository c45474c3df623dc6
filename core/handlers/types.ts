import type { HubState } from '../model.ts';
import type { OpOf, OpType } from '../ops.ts';
import type { Outcome } from '../outcome.ts';

export interface ApplyContext {
  /** Sequence number this operation gets if accepted. */
  seq: number;
  /** Hub time of acceptance. */
  at: string;
  /**
   * Set only by a caller that owns `state` and never reads the old version again (the hub):
   * request updates then go into the existing requests map instead of a copy, so an
   * operation costs the same with 30 requests or 30,000. Rejections never modify anything.
   */
  inPlace?: boolean;
}

export type Handler<T extends OpType> = (state: HubState, op: OpOf<T>, ctx: ApplyContext) => Outcome;
export type HandlerMap = { [T in OpType]: Handler<T> };
