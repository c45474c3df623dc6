import type { HubState } from './model.ts';
import type { Voucher } from './voucher-model.ts';
import { carrierOf } from './entitlements/carrier.ts';
import { requestOfVoucher } from './voucher-request.ts';
import { redeemedCents } from './redemption.ts';

/**
 * Money in and out of vouchers, for billing: per airline what was issued, what outlets took and what
 * was never spent (the airline keeps it), and per outlet and airline what the outlet invoices.
 * Only issued vouchers count (pending and declined never were money); a voided voucher counts as
 * issued, and what was not spent of it as unredeemed.
 */
export interface AirlineBilling {
  airline: string;
  currency: string;
  issuedCount: number;
  issuedMinor: number;
  /** Vouchers with at least one redemption. */
  redeemedCount: number;
  redeemedMinor: number;
  unredeemedMinor: number;
}

export interface OutletBilling {
  outletId: string;
  outletName: string;
  airline: string;
  currency: string;
  /** Redemptions (receipts), not vouchers: one voucher may be spent in several goes. */
  redemptions: number;
  redeemedMinor: number;
}

export interface VoucherBilling {
  airlines: AirlineBilling[];
  outlets: OutletBilling[];
}

function airlineOf(state: Pick<HubState, 'requests' | 'flights'>, v: Voucher): string {
  const flightId = requestOfVoucher(state.requests, v)?.flightId ?? v.bound?.flightId;
  const flight = flightId === undefined ? undefined : state.flights[flightId];
  return flight ? carrierOf(flight.number) : '??';
}

export function voucherBilling(state: Pick<HubState, 'requests' | 'flights' | 'vouchers' | 'outlets'>): VoucherBilling {
  const airlines = new Map<string, AirlineBilling>();
  const outlets = new Map<string, OutletBilling>();
  for (const v of Object.values(state.vouchers)) {
    if (v.status !== 'issued') continue;
    const airline = airlineOf(state, v);
    const key = `${airline}\u0000${v.currency}`;
    const a = airlines.get(key) ?? {
      airline,
      currency: v.currency,
      issuedCount: 0,
      issuedMinor: 0,
      redeemedCount: 0,
      redeemedMinor: 0,
      unredeemedMinor: 0,
    };
    const spent = redeemedCents(v);
    a.issuedCount++;
    a.issuedMinor += v.amountCents;
    if (spent > 0) a.redeemedCount++;
    a.redeemedMinor += spent;
    a.unredeemedMinor += v.amountCents - spent;
    airlines.set(key, a);
    for (const r of v.redemptions ?? []) {
      const okey = `${r.outletId}\u0000${airline}\u0000${v.currency}`;
      const o = outlets.get(okey) ?? {
        outletId: r.outletId,
        outletName: state.outlets?.[r.outletId]?.name ?? r.outletName,
        airline,
        currency: v.currency,
        redemptions: 0,
        redeemedMinor: 0,
      };
      o.redemptions++;
      o.redeemedMinor += r.amountCents;
      outlets.set(okey, o);
    }
  }
  return {
    airlines: [...airlines.values()].sort((a, b) => a.airline.localeCompare(b.airline) || a.currency.localeCompare(b.currency)),
    outlets: [...outlets.values()].sort((a, b) => a.outletName.localeCompare(b.outletName) || a.airline.localeCompare(b.airline)),
  };
}

/** Share of the issued value that outlets took, 0–1; null before anything was issued. */
export function redemptionRate(b: VoucherBilling): number | null {
  const issued = b.airlines.reduce((n, a) => n + a.issuedMinor, 0);
  return issued === 0 ? null : b.airlines.reduce((n, a) => n + a.redeemedMinor, 0) / issued;
}
