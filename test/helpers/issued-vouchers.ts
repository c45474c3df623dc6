import { v7 as uuidv7 } from 'uuid';
import type { Actor, VoucherKind } from '../../core/index.ts';
import type { HubFixture } from './hub-fixture.ts';
import type { TestDevice } from './socket-clients.ts';
import { AMIRA, createRequest, KIOSK, op, requestIdOf } from './ops.ts';

export interface VoucherToIssue {
  /** Who the tablet is signed in as (Amira unless said). */
  actor?: Actor;
  kind?: VoucherKind;
  amountCents?: number;
}

/** Issues a voucher on a request from a staff tablet and waits for the hub's yes; the voucher's id. */
export async function issueVoucher(tablet: TestDevice, requestId: string, v: VoucherToIssue = {}): Promise<string> {
  const voucherId = uuidv7();
  const payload = { voucherId, requestId, kind: v.kind ?? 'meal', amountCents: v.amountCents ?? 1500, currency: 'EUR' };
  const ack = await tablet.submit(op(v.actor ?? AMIRA, { type: 'voucher.issue', payload }));
  if (!ack.ok) throw new Error(`voucher.issue refused: ${ack.reason}`);
  return voucherId;
}

/**
 * Where outlet tests start: a request from the K32 kiosk (on AF1634 unless `request` says otherwise)
 * with a €15 meal voucher Amira issued on it; the kiosk and Amira's tablet stay connected for the test.
 */
export async function requestWithMealVoucher(
  env: HubFixture,
  surname: string,
  request: Parameters<typeof createRequest>[0] = {},
): Promise<{ requestId: string; voucherId: string; code: string; kiosk: TestDevice; agent: TestDevice }> {
  const kiosk = await env.kiosk('K32');
  const agent = await env.staff('A101');
  const body = createRequest({ ...request, surname });
  const requestId = requestIdOf(body);
  const ack = await kiosk.submit(op(KIOSK, body));
  if (!ack.ok) throw new Error(`request.create refused: ${ack.reason}`);
  const voucherId = await issueVoucher(agent, requestId);
  return { requestId, voucherId, code: env.hub.hub.current.vouchers[voucherId]!.code, kiosk, agent };
}
