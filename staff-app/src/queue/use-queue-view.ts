import { useMemo } from 'react';
import { gateQueue, mapWrites, type CareRequest, type EntitlementFacts, type HubState, type Op, type Voucher } from '../../../core/index.ts';

export interface QueueView {
  /** Open requests at the watched gates, in queue order: sorted once per change, not per card. */
  open: CareRequest[];
  /** Their ids, in the same order. */
  openIds: string[];
  /** The ten most recently closed. */
  done: CareRequest[];
  /** Each request's vouchers, the same arrays until a voucher changes. */
  vouchers: ReadonlyMap<string, readonly Voucher[]>;
  /** Voucher ids still in this tablet's outbox; the same set object while its content is the same. */
  unconfirmed: ReadonlySet<string>;
  facts: EntitlementFacts;
}

const NONE: readonly Voucher[] = [];
export const noVouchers = NONE;

/**
 * What the queue screen derives from the state, each part recomputed only when its inputs change
 * (the reducer keeps unchanged objects identical), so the memoised cards receive identical props.
 */
export function useQueueView(state: HubState, gates: readonly string[], pending: readonly Op[]): QueueView {
  const gatesKey = gates.join(',');
  // The sync client writes into the maps in place: a map and its write count together say whether it changed.
  const requestWrites = mapWrites(state.requests);
  const voucherWrites = mapWrites(state.vouchers);
  // Kept in order as the sync client writes requests (core/queue-index.ts): the same lists until a request at these gates changes.
  const { open, openIds, done } = useMemo(() => gateQueue(state.requests, gatesKey.split(',')), [state.requests, requestWrites, gatesKey]);

  // Voucher operations are rare next to new requests: a request's array is rebuilt only when some voucher changed.
  const vouchers = useMemo(() => {
    const index = new Map<string, Voucher[]>();
    for (const v of Object.values(state.vouchers)) {
      if (v.requestId === null) continue;
      const list = index.get(v.requestId);
      if (list) list.push(v);
      else index.set(v.requestId, [v]);
    }
    for (const list of index.values()) list.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || (a.id < b.id ? -1 : 1));
    return index as ReadonlyMap<string, readonly Voucher[]>;
  }, [state.vouchers, voucherWrites]);

  const unconfirmedKey = pending.flatMap((op) => (op.type === 'voucher.issue' ? [op.payload.voucherId] : [])).join(' ');
  const unconfirmed = useMemo(() => new Set(unconfirmedKey ? unconfirmedKey.split(' ') : []), [unconfirmedKey]);
  const facts = useMemo(() => ({ flights: state.flights, airlines: state.airlines }), [state.flights, state.airlines]);
  return { open, openIds, done, vouchers, unconfirmed, facts };
}
