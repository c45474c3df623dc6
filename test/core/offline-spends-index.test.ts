import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Voucher } from '../../core/model.ts';
import type { Redemption } from '../../core/voucher-model.ts';
import { offlineRiskProblem, offlineSpendsOf, offlineSpendsToJudge, type OfflineRisk, type OfflineSpend } from '../../core/offline-risk.ts';
import { storeVoucherInPlace } from '../../core/in-place-writes.ts';

const OUTLETS = ['cafe-2e-hall-k', 'brasserie-2e-k'];
const VOUCHERS = ['v1', 'v2', 'v3', 'v4', 'v5'];

/** Every voucher's receipts read, as the hub did before the index: the reference. */
function scanOfflineSpends(vouchers: Record<string, Voucher>, outletId: string): OfflineSpend[] {
  const spends: OfflineSpend[] = [];
  for (const v of Object.values(vouchers))
    for (const r of v.redemptions ?? [])
      if (r.outletId === outletId && r.offline) spends.push({ voucherId: v.id, amountCents: r.amountCents, currency: v.currency, at: r.at });
  return spends;
}

function voucher(id: string, redemptions: Redemption[]): Voucher {
  return {
    id,
    code: `GC-${id.toUpperCase()}-0000`,
    requestId: `request-${id}`,
    gate: 'K32',
    kind: 'meal',
    amountCents: 1500,
    currency: 'EUR',
    description: 'meal',
    status: 'issued',
    requestedBy: 'A101',
    requestedByName: 'Amira',
    requestedAt: '2026-12-01T18:00:00.000Z',
    escalationNote: '',
    authorisedBy: 'A101',
    authorisedByName: 'Amira',
    decidedAt: '2026-12-01T18:00:00.000Z',
    declineReason: null,
    ...(redemptions.length ? { redemptions } : {}),
  };
}

const receipt = fc.record({
  voucher: fc.constantFrom(...VOUCHERS),
  outlet: fc.constantFrom(...OUTLETS),
  offline: fc.boolean(),
  amount: fc.integer({ min: 1, max: 500 }),
  minute: fc.integer({ min: 0, max: 59 }),
});

const byVoucherAndTime = (a: OfflineSpend, b: OfflineSpend): number =>
  a.voucherId.localeCompare(b.voucherId) || a.at.localeCompare(b.at) || a.amountCents - b.amountCents;

/**
 * The vouchers after these receipts, each replacing its voucher's record with one more redemption as
 * the hub writes it; `before(i, vouchers)` runs before the i-th (to read the index at that moment).
 */
function withReceipts(
  receipts: Array<typeof receipt extends fc.Arbitrary<infer R> ? R : never>,
  before?: (i: number, vouchers: Record<string, Voucher>) => unknown,
): Record<string, Voucher> {
  const vouchers: Record<string, Voucher> = {};
  for (const id of VOUCHERS) storeVoucherInPlace(vouchers, voucher(id, []));
  receipts.forEach((x, i) => {
    before?.(i, vouchers);
    const current = vouchers[x.voucher]!;
    const r: Redemption = {
      id: `receipt-${i}`,
      reference: `R-${i}`,
      outletId: x.outlet,
      outletName: x.outlet,
      amountCents: x.amount,
      at: `2026-12-01T19:${String(x.minute).padStart(2, '0')}:00.000Z`,
      ...(x.offline ? { offline: { receivedAt: '2026-12-01T20:00:00.000Z' } } : {}),
    };
    storeVoucherInPlace(vouchers, { ...current, redemptions: [...(current.redemptions ?? []), r] });
  });
  return vouchers;
}

describe("an outlet's offline spends, read from the vouchers it took offline", () => {
  it('equal a reading of every voucher’s receipts after any receipts, whenever first read', () => {
    fc.assert(
      fc.property(fc.array(receipt, { maxLength: 40 }), fc.nat(40), (receipts, readAt) => {
        const vouchers = withReceipts(receipts, (i, vs) => i === readAt && offlineSpendsOf(vs, OUTLETS[0]!));
        for (const outlet of OUTLETS) {
          expect([...offlineSpendsOf(vouchers, outlet)].sort(byVoucherAndTime)).toEqual(scanOfflineSpends(vouchers, outlet).sort(byVoucherAndTime));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('judge a new spend as the whole list would, whatever the risk settings in force', () => {
    const risk: fc.Arbitrary<OfflineRisk> = fc.oneof(
      fc.constant({ mode: 'off' as const }),
      fc.constant({ mode: 'once' as const }),
      fc.record({
        mode: fc.constant('capped' as const),
        currency: fc.constantFrom('EUR', 'GBP'),
        perVoucherCents: fc.integer({ min: 1, max: 600 }),
        totalCents: fc.integer({ min: 1, max: 3000 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(receipt, { maxLength: 30 }),
        fc.array(risk, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...VOUCHERS),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 59 }),
        (receipts, risks, voucherId, amount, minute) => {
          const vouchers = withReceipts(receipts);
          const v = vouchers[voucherId]!;
          const outlet = OUTLETS[0]!;
          const spend: OfflineSpend = {
            voucherId,
            amountCents: amount,
            currency: v.currency,
            at: `2026-12-01T19:${String(minute).padStart(2, '0')}:30.000Z`,
          };
          const all = offlineSpendsOf(vouchers, outlet);
          const judged = offlineSpendsToJudge(vouchers, outlet, v, risks);
          for (const r of risks) expect(offlineRiskProblem(r, spend, v, judged)).toBe(offlineRiskProblem(r, spend, v, all));
        },
      ),
      { numRuns: 300 },
    );
  });
});
