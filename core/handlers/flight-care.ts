import type { Handler, OpSpecs } from './types.ts';
import type { Voucher } from '../voucher-model.ts';
import { reject } from '../outcome.ts';
import { emptyPlanReason, planFlightCare, planSummary, type FlightCareKind, type PlannedVoucher } from '../flight-care.ts';
import { derivedUuid } from '../derived-id.ts';
import { voucherCode } from '../voucher-code.ts';
import { voucherCodeInUse } from '../voucher-index.ts';
import { storeVoucherInPlace } from '../in-place-writes.ts';
import { staffName } from './shared.ts';
import { moneyText } from '../money.ts';

const CABIN_WORD = { first: 'First', business: 'Business', premium_economy: 'Premium economy', economy: 'Economy' } as const;

/**
 * One voucher per listed passenger and meal step owed now (or per booking, for a taxi there and back), decided by the hub from its own list
 * and rules; a step a passenger already holds is never issued again, so a second identical tap, a
 * retry or an automatic top-up racing a manual one gives nothing twice.
 */
export const vouchersIssueFlight: Handler<'vouchers.issueFlight'> = (state, op, ctx) => {
  const p = op.payload;
  const choice = { flightId: p.flightId, kind: p.kind, ...(p.cabins ? { cabins: p.cabins } : {}), ...(p.topUp ? { topUp: true } : {}) };
  const planned = planFlightCare(state, choice, ctx.at);
  if (!planned.ok) return reject('conflict', planned.reason);
  const plan = planned.plan;
  const empty = emptyPlanReason(plan, choice);
  if (empty) return reject('conflict', empty);
  if (p.expect && (p.expect.vouchers !== plan.vouchers.length || p.expect.totalMinor !== plan.totalMinor)) {
    return reject('conflict', `${plan.flight.number} changed since you confirmed: it is now ${planSummary(plan)}; check and confirm again`);
  }
  const name = op.actor.kind === 'system' ? 'GateCare' : staffName(state, op.actor.id);
  const vouchers = ctx.inPlace ? state.vouchers : { ...state.vouchers };
  const batchCodes = new Set<string>();
  for (const planned of plan.vouchers) {
    const v = boundVoucher(
      planned,
      plan.kind,
      op.id,
      plan.flight,
      plan.currency,
      op.actor.id,
      name,
      ctx.at,
      (code) => batchCodes.has(code) || voucherCodeInUse(state.vouchers, code),
    );
    if (!v) return reject('conflict', 'voucher codes collided, please issue again');
    batchCodes.add(v.code);
    if (ctx.inPlace) storeVoucherInPlace(vouchers, v);
    else vouchers[v.id] = v;
  }
  return { ok: true, state: { ...state, vouchers } };
};

function boundVoucher(
  p: PlannedVoucher,
  kind: FlightCareKind,
  opId: string,
  flight: { id: string; gate: string; number: string },
  currency: string,
  by: string,
  byName: string,
  at: string,
  taken: (code: string) => boolean,
): Voucher | null {
  // Ids follow from the operation, so every device replaying it creates the same vouchers; a code
  // already in use (40 bits: rare) moves to the next derivation, the same everywhere too.
  for (let attempt = 0; attempt < 8; attempt++) {
    const id = derivedUuid(`${opId}|${p.sequence}|${kind}|${p.step}|${attempt}`);
    const code = voucherCode(id);
    if (taken(code)) continue;
    const amount = moneyText({ minor: p.amountMinor, currency });
    return {
      id,
      code,
      requestId: null,
      gate: flight.gate,
      kind,
      amountCents: p.amountMinor,
      currency,
      description:
        kind === 'taxi'
          ? `Taxi there and back for ${flight.number}, ${p.booking && p.booking.passengers > 1 ? `${p.booking.passengers} passengers of one booking` : 'one passenger'}: ${amount}`
          : `Meal ${p.step > 1 ? `${p.step} ` : ''}for ${flight.number}, ${CABIN_WORD[p.cabin]}: ${amount}`,
      status: 'issued',
      requestedBy: by,
      requestedByName: byName,
      requestedAt: at,
      escalationNote: '',
      authorisedBy: by,
      authorisedByName: byName,
      decidedAt: at,
      declineReason: null,
      bound: {
        flightId: flight.id,
        surname: p.surname,
        sequence: p.sequence,
        cabin: p.cabin,
        step: p.step,
        ...(p.booking ? { riders: p.booking.riders } : {}),
      },
    };
  }
  return null;
}

export const flightCareSpecs: OpSpecs<'vouchers.issueFlight'> = {
  'vouchers.issueFlight': {
    // A duty manager's tap, or the hub's own automatic top-up when the airline's rules say so.
    submitters: ['duty_manager', 'system'],
    handler: vouchersIssueFlight,
    // It binds vouchers to every listed passenger's name: staff only, like the list itself.
    visibility: { to: 'staff' },
    // The names are the list's (passengers.import); the operation itself holds a flight, cabins and totals.
    purge: 'no passenger data',
  },
};
