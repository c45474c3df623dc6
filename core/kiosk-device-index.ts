import type { CareRequest } from './model.ts';

type Requests = Record<string, CareRequest>;

interface KioskDeviceIndex {
  /** Per device, the requests that device made as a kiosk. */
  byDevice: Map<string, Set<string>>;
  /** Each indexed request's device, so a request rewritten in place leaves the right set. */
  deviceOf: Map<string, string>;
}

/** A kiosk's requests carry the kiosk as both device and first actor; staff-made ones name the staff member. */
function madeByKiosk(r: CareRequest): boolean {
  return r.history[0]?.by === r.device;
}

/**
 * The devices that made requests as kiosks, so a staff member's request.create can be refused
 * under a kiosk's device id without a scan of every request of the day. Keyed by the map object as
 * passenger-index.ts: a copied map starts a fresh index on first use; a map written in place stays
 * current through noteKioskRequest.
 */
const index = new WeakMap<Requests, KioskDeviceIndex>();

function place(ix: KioskDeviceIndex, r: CareRequest): void {
  const old = ix.deviceOf.get(r.id);
  if (old !== undefined) {
    ix.byDevice.get(old)?.delete(r.id);
    ix.deviceOf.delete(r.id);
  }
  if (!madeByKiosk(r)) return;
  ix.deviceOf.set(r.id, r.device);
  const ids = ix.byDevice.get(r.device);
  if (ids) ids.add(r.id);
  else ix.byDevice.set(r.device, new Set([r.id]));
}

/** Whether any stored request was made by `device` as a kiosk. */
export function deviceMadeKioskRequests(requests: Requests, device: string): boolean {
  let ix = index.get(requests);
  if (!ix) {
    ix = { byDevice: new Map(), deviceOf: new Map() };
    for (const r of Object.values(requests)) place(ix, r);
    index.set(requests, ix);
  }
  return (ix.byDevice.get(device)?.size ?? 0) > 0;
}

/**
 * Called after `requests` was changed in place to hold `r`, in place of `prev` if there was one. A
 * request rewritten by the same device and first actor stays in its set: taking it out and putting it
 * back on every claim or note churned a set as large as a kiosk's day of requests.
 */
export function noteKioskRequest(requests: Requests, r: CareRequest, prev?: CareRequest): void {
  const ix = index.get(requests);
  if (!ix || (prev && prev.device === r.device && madeByKiosk(prev) === madeByKiosk(r))) return;
  place(ix, r);
}
