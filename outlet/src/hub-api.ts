import type { OutletKind, VoucherKind } from '../../core/plain.ts';

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

export type RefusalCode = 'not_issued' | 'voided' | 'expired' | 'wrong_kind' | 'spent' | 'too_much';

/** A voucher as an outlet may see it: the surname's initial only. */
export interface OutletVoucher {
  voucherId: string;
  code: string;
  kind: VoucherKind;
  amountCents: number;
  remainingCents: number;
  currency: string;
  validUntil: string | null;
  initial: string;
  refusal: string | null;
  refusalCode: RefusalCode | null;
}

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
}

/** A refusal from the hub, with its status: 401 means this outlet's token is no longer accepted. */
export class HubRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** No answer at all (network down, hub stopped): the caller may retry the very same request. */
export class HubUnreachable extends Error {}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new HubUnreachable('the hub cannot be reached');
  }
  const answer = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new HubRefusal(res.status, answer.error ?? `the hub answered ${res.status}`);
  return answer;
}

export interface EnrollForm {
  outletId: string;
  name: string;
  kind: OutletKind;
  accepts: VoucherKind[];
  staffId: string;
  pin: string;
}

export function enrollOutlet(form: EnrollForm): Promise<{ token: string; expiresAt: string; outlet: OutletInfo }> {
  return post('/api/outlets/enroll', form);
}

export function lookUp(token: string, scan: string): Promise<{ outlet: string; vouchers: OutletVoucher[] }> {
  return post('/api/outlet/lookup', { scan }, token);
}

export function redeem(token: string, redemptionId: string, voucherId: string, amountCents: number): Promise<{ receipt: Receipt }> {
  return post('/api/outlet/redeem', { redemptionId, voucherId, amountCents }, token);
}
