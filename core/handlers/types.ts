import type { HubState } from '../model.ts';
import type { OpOf, OpType } from '../ops.ts';
import type { Outcome } from '../outcome.ts';

export interface ApplyContext {
  /** Sequence number this operation gets if accepted. */
  seq: number;
  /** Hub time of acceptance. */
  at: string;
}

export type Handler<T extends OpType> = (state: HubState, op: OpOf<T>, ctx: ApplyContext) => Outcome;
export type HandlerMap = { [T in OpType]: Handler<T> };
