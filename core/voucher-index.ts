import type { Voucher } from './voucher-model.ts';

type Vouchers = Record<string, Voucher>;

interface VoucherIndex {
  codes: Set<string>;
  byRequest: Map<string, Set<string>>;
  byRequester: Map<string, Set<string>>;
  /** Vouchers bound to listed passengers (whole-flight issue, top-ups), by flight id. */
  byFlight: Map<string, Set<string>>;
}

/**
 * Voucher ids by the fields that never change once a voucher exists (code, request, requester),
 * so issuing one is not a scan of every voucher of the day. Keyed by the map object, as
 * ticket-index.ts: a copied map starts a fresh index on first use; a map written in place stays
 * current through noteVoucher. Only ids are held: callers read the voucher itself from the map,
 * so a voucher replaced under the same id (approved, declined, purged) is seen as it is now.
 */
const index = new WeakMap<Vouchers, VoucherIndex>();

function add(ix: VoucherIndex, v: Voucher): void {
  ix.codes.add(v.code);
  if (v.requestId !== null) addTo(ix.byRequest, v.requestId, v.id);
  if (v.bound) addTo(ix.byFlight, v.bound.flightId, v.id);
  addTo(ix.byRequester, v.requestedBy, v.id);
}

function addTo(m: Map<string, Set<string>>, key: string, id: string): void {
  const ids = m.get(key);
  if (ids) ids.add(id);
  else m.set(key, new Set([id]));
}

function indexOf(vouchers: Vouchers): VoucherIndex {
  let ix = index.get(vouchers);
  if (!ix) {
    ix = { codes: new Set(), byRequest: new Map(), byRequester: new Map(), byFlight: new Map() };
    for (const v of Object.values(vouchers)) add(ix, v);
    index.set(vouchers, ix);
  }
  return ix;
}

function pick(vouchers: Vouchers, ids: Set<string> | undefined): Voucher[] {
  const out: Voucher[] = [];
  for (const id of ids ?? []) {
    const v = vouchers[id];
    if (v) out.push(v);
  }
  return out;
}

export function voucherCodeInUse(vouchers: Vouchers, code: string): boolean {
  return indexOf(vouchers).codes.has(code);
}

export function vouchersOfRequest(vouchers: Vouchers, requestId: string): Voucher[] {
  return pick(vouchers, indexOf(vouchers).byRequest.get(requestId));
}

/** The vouchers given to a flight's listed passengers (`Voucher.bound`), in no order. */
export function vouchersBoundToFlight(vouchers: Vouchers, flightId: string): Voucher[] {
  return pick(vouchers, indexOf(vouchers).byFlight.get(flightId));
}

export function vouchersRequestedBy(vouchers: Vouchers, staffId: string): Voucher[] {
  return pick(vouchers, indexOf(vouchers).byRequester.get(staffId));
}

/** Called after `vouchers` was changed in place to hold `v`. */
export function noteVoucher(vouchers: Vouchers, v: Voucher): void {
  const ix = index.get(vouchers);
  if (ix) add(ix, v);
}
