import type { OutletKind, OutletVoucher as HubOutletVoucher, RedeemRefusal, RedeemRefusalCode, RoomType, VoucherKind } from '../../core/plain.ts';
import type { OfflineRisk } from '../../core/offline-risk.ts';

/*
 * The outlet's three calls to the hub (server/outlet-routes.ts). The hub decides every spend;
 * the outlet only asks, and says what the hub answered.
 */

/** What the hub answers about an enrolled outlet (state.outlets). */
export interface OutletInfo {
  id: string;
  name: string;
  kind: OutletKind;
  accepts: VoucherKind[];
}

export type RefusalCode = RedeemRefusalCode;

/** A refusal as the hub names it: a code and what it names, for the outlet to word in its own language. */
export type NamedRefusal = RedeemRefusal extends infer R ? (R extends { code: infer C; params: infer P } ? { code: C; params: P } : never) : never;

/**
 * A voucher as an outlet may see it (core/outlet-voucher.ts: the surname's initial only). `refusalParams`
 * is absent from a hub older than the outlet: the English `refusal` is shown then.
 */
export type OutletVoucher = Omit<HubOutletVoucher, 'refusalParams'> & Partial<Pick<HubOutletVoucher, 'refusalParams'>>;

export interface Receipt {
  id: string;
  reference: string;
  outletName: string;
  amountCents: number;
  remainingCents: number;
  at: string;
  code: string;
  kind: VoucherKind;
  currency: string;
  /** Written by this outlet offline: to be confirmed by the hub (outlet/src/offline/). */
  offline?: true;
}

/** A refusal from the hub, with its status: 401 means this outlet's token is no longer accepted. */
export class HubRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The hub's name for the reason, where it gives one, so the screen can say it in the outlet's language. */
    readonly refusal?: string,
    readonly allocated?: number,
    /** What a refused redemption names (voucher, where it was spent, what is left…), with `refusal` as its code. */
    readonly params?: NamedRefusal['params'],
  ) {
    super(message);
  }
}

/** No answer at all (network down, hub stopped): the caller may retry the very same request. */
export class HubUnreachable extends Error {}

async function call<T>(path: string, body: unknown, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new HubUnreachable('the hub cannot be reached');
  }
  const answer = (await res.json().catch(() => ({}))) as T & {
    error?: string;
    refusal?: string;
    allocated?: number;
    params?: NamedRefusal['params'];
  };
  if (!res.ok) throw new HubRefusal(res.status, answer.error ?? `the hub answered ${res.status}`, answer.refusal, answer.allocated, answer.params);
  return answer;
}

export interface EnrollForm {
  outletId: string;
  name: string;
  kind: OutletKind;
  accepts: VoucherKind[];
  /** The hotel a hotel desk works for; only for that kind. */
  hotelId?: string;
  staffId: string;
  pin: string;
}

/** A hotel a desk may be enrolled for: the hub tells a set-up screen no more than its name. */
export interface HotelChoice {
  id: string;
  name: string;
}

export function enrollableHotels(): Promise<{ hotels: HotelChoice[] }> {
  return call('/api/outlets/hotels', undefined);
}

export function enrollOutlet(form: EnrollForm): Promise<{ token: string; expiresAt: string; outlet: OutletInfo }> {
  return call('/api/outlets/enroll', form);
}

/** Who this token's outlet is: for an outlet opened from a link carrying its token. */
export function whoAmI(token: string): Promise<{ outlet: OutletInfo; expiresAt: string; offlineRisk: OfflineRisk }> {
  return call('/api/outlet/me', undefined, token);
}

export function lookUp(token: string, scan: string): Promise<{ outlet: string; vouchers: OutletVoucher[]; offlineRisk: OfflineRisk }> {
  return call('/api/outlet/lookup', { scan }, token);
}

export function redeem(token: string, redemptionId: string, voucherId: string, amountCents: number): Promise<{ receipt: Receipt }> {
  return call('/api/outlet/redeem', { redemptionId, voucherId, amountCents }, token);
}

export interface DeskGuest {
  allocationId: string;
  ticket: string;
  surname: string;
  flightNumber: string;
  people: number;
  rooms: string[];
  status: 'allocated' | 'checked_in' | 'released' | 'no_show';
}

/** Rooms of one type the hotel holds for the airport on the night, and how many of them are allocated or checked in. */
export interface DeskRooms {
  type: RoomType;
  held: number;
  taken: number;
}

export function deskGuests(token: string): Promise<{ hotel: { id: string; name: string }; night: string; guests: DeskGuest[]; rooms: DeskRooms[] }> {
  return call('/api/outlet/hotel/guests', undefined, token);
}

/** How many rooms of a type the desk's hotel holds on a night (the rate stays the duty manager's); never fewer than allocated: the hub decides. */
export function deskSetRooms(token: string, night: string, type: RoomType, count: number): Promise<{ ok: true }> {
  return call('/api/outlet/hotel/rooms', { night, type, count }, token);
}

export function deskMark(token: string, allocationId: string, outcome: 'checkin' | 'no-show'): Promise<{ ok: true }> {
  return call(`/api/outlet/hotel/${outcome}`, { allocationId }, token);
}
