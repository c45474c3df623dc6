import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parseOp, pendingEscalations, voucherAllowance, voucherCode, vouchersOf, viewOf, type HubState } from '../../core/index.ts';
import { AMIRA, KIOSK, LUCAS } from '../helpers/ops.ts';
import { MANAGER, NOW, accepted, by, run, voucherBody, withRequest } from '../helpers/core-fixtures.ts';

// Default policy: agents 250.00 EUR per passenger, 3000.00 EUR per 12 h shift.
const solo = { adults: 1, children: 0, infants: 0 };

describe('vouchers within empowered limits', () => {
  it('under the cap an agent issues at once, with a unique code on the request', () => {
    const { state, id } = withRequest({ party: solo });
    const body = voucherBody(id, 15_00);
    const s = accepted(state, by(AMIRA, body));
    const [v] = vouchersOf(s, id);
    expect(v).toMatchObject({
      status: 'issued',
      kind: 'meal',
      amountCents: 1500,
      currency: 'EUR',
      authorisedBy: 'A101',
      code: voucherCode(body.payload.voucherId),
    });
    expect(v!.code).toMatch(/^GC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(s.requests[id]!.history.at(-1)).toMatchObject({ action: 'voucher issued', by: 'A101' });
  });

  it('exactly the cap is fine, one cent more is refused with the reason and the way forward', () => {
    const { state, id } = withRequest({ party: solo });
    expect(run(state, by(AMIRA, voucherBody(id, 250_00))).ok).toBe(true);
    const out = run(state, by(AMIRA, voucherBody(id, 250_01)));
    expect(out).toMatchObject({ ok: false, code: 'limit' });
    if (!out.ok) {
      expect(out.reason).toBe(
        '250.01 EUR is above the cap for this passenger (250.00 EUR left of 250.00 EUR): send it to a duty manager for approval',
      );
    }
  });

  it('the cap grows with the party and counts what every agent already gave the same passenger', () => {
    const { state, id } = withRequest({ party: { adults: 2, children: 1, infants: 0 }, surname: 'Moreau' });
    let s = accepted(state, by(AMIRA, voucherBody(id, 600_00)));
    // The same family asks again at another request, and tries another agent.
    const again = withRequest({ party: { adults: 2, children: 1, infants: 0 }, surname: 'MOREAU' }, s);
    s = again.state;
    expect(voucherAllowance(s, 'A102', 'agent', s.requests[again.id]!, NOW).capLeftCents).toBe(150_00);
    expect(run(s, by(LUCAS, voucherBody(again.id, 150_01)))).toMatchObject({ ok: false, code: 'limit' });
    expect(run(s, by(LUCAS, voucherBody(again.id, 150_00))).ok).toBe(true);
  });

  it('the shift budget is per staff member over the policy window', () => {
    let s: HubState = withRequest({ party: solo }).state;
    // 12 passengers at 250.00 each use up the 3000.00 budget.
    for (let i = 0; i < 12; i++) {
      const r = withRequest({ party: solo, surname: `P${i}` }, s);
      s = accepted(r.state, by(AMIRA, voucherBody(r.id, 250_00)));
    }
    const next = withRequest({ party: solo, surname: 'Last' }, s);
    const out = run(next.state, by(AMIRA, voucherBody(next.id, 1)));
    expect(out).toMatchObject({ ok: false, code: 'limit' });
    if (!out.ok) expect(out.reason).toContain('above your remaining shift budget (0.00 EUR left of 3000.00 EUR)');
    // A colleague has their own budget.
    expect(run(next.state, by(LUCAS, voucherBody(next.id, 50_00))).ok).toBe(true);
    // Thirteen hours later the 12-hour window has moved on.
    expect(run(next.state, by(AMIRA, voucherBody(next.id, 50_00)), '2026-11-24T07:00:01.000Z').ok).toBe(true);
  });

  it('refuses a voucher in another currency, for a cancelled request, or from a kiosk', () => {
    const { state, id } = withRequest({ party: solo });
    const usd = voucherBody(id, 10_00);
    (usd.payload as { currency: string }).currency = 'USD';
    expect(run(state, by(AMIRA, usd))).toMatchObject({ ok: false, reason: 'vouchers here are issued in EUR, not USD' });
    const cancelled = accepted(state, by(AMIRA, { type: 'request.cancel', payload: { requestId: id, reason: 'left' } }));
    expect(run(cancelled, by(AMIRA, voucherBody(id, 10_00)))).toMatchObject({ ok: false, reason: 'this request was cancelled' });
    expect(run(state, by(KIOSK, voucherBody(id, 10_00)))).toMatchObject({ ok: false, code: 'forbidden' });
    const dup = voucherBody(id, 10_00);
    const once = accepted(state, by(AMIRA, dup));
    expect(run(once, by(AMIRA, dup))).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('above the cap, an escalation waits for a duty manager, who approves it', () => {
    const { state, id } = withRequest({ party: solo });
    const body = voucherBody(id, 380_00, 'voucher.escalate', 'hotel');
    (body.payload as { note?: string }).note = 'overnight, no room under 250';
    let s = accepted(state, by(AMIRA, body));
    expect(pendingEscalations(s).map((v) => [v.requestedByName, v.amountCents, v.escalationNote])).toEqual([
      ['Amira', 380_00, 'overnight, no room under 250'],
    ]);
    expect(run(s, by(AMIRA, { type: 'voucher.approve', payload: { voucherId: body.payload.voucherId } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    s = accepted(s, by(MANAGER, { type: 'voucher.approve', payload: { voucherId: body.payload.voucherId } }));
    expect(s.vouchers[body.payload.voucherId]).toMatchObject({ status: 'issued', authorisedBy: 'M201', authorisedByName: 'Claire' });
    expect(pendingEscalations(s)).toEqual([]);
    // Approved vouchers count towards the passenger's cap, but not the agent's own budget.
    const a = voucherAllowance(s, 'A101', 'agent', s.requests[id]!, NOW);
    expect(a).toMatchObject({ alreadyIssuedCents: 380_00, capLeftCents: 0, budgetUsedCents: 0 });
    expect(run(s, by(MANAGER, { type: 'voucher.decline', payload: { voucherId: body.payload.voucherId, reason: 'too late now' } }))).toMatchObject({
      ok: false,
      reason: 'already approved by Claire',
    });
  });

  it('a declined escalation carries the reason and issues nothing', () => {
    const { state, id } = withRequest({ party: solo });
    const body = voucherBody(id, 300_00, 'voucher.escalate', 'taxi');
    let s = accepted(state, by(AMIRA, body));
    s = accepted(s, by(MANAGER, { type: 'voucher.decline', payload: { voucherId: body.payload.voucherId, reason: 'use the shuttle bus' } }));
    expect(s.vouchers[body.payload.voucherId]).toMatchObject({ status: 'declined', declineReason: 'use the shuttle bus' });
    expect(voucherAllowance(s, 'A101', 'agent', s.requests[id]!, NOW).alreadyIssuedCents).toBe(0);
    expect(s.requests[id]!.history.at(-1)).toMatchObject({ action: 'voucher declined', by: 'M201' });
  });

  it('the passenger’s kiosk sees the vouchers of its own requests only', () => {
    const { state, id } = withRequest({ party: solo });
    const s = accepted(state, by(AMIRA, voucherBody(id, 12_00)));
    const other = withRequest({ party: solo }, s);
    const s2 = accepted(other.state, by(AMIRA, voucherBody(other.id, 9_00)));
    const mine = viewOf(s2, { kind: 'kiosk', device: KIOSK.id, gate: 'K32' });
    expect(Object.keys(mine.vouchers)).toHaveLength(2);
    const stranger = viewOf(s2, { kind: 'kiosk', device: 'kiosk-other', gate: 'K32' });
    expect(Object.keys(stranger.vouchers)).toHaveLength(0);
  });
});

describe('policy', () => {
  const rules = {
    currency: 'EUR',
    shiftHours: 8,
    limits: {
      agent: { capPerPassengerCents: 20_00, budgetPerShiftCents: 200_00 },
      duty_manager: { capPerPassengerCents: 500_00, budgetPerShiftCents: 5000_00 },
    },
    lowStock: { water: 20, blanket: 5, snack: 10, baby_kit: 2 },
  };

  it('only a duty manager changes it, and who and when are kept', () => {
    const { state, id } = withRequest({ party: solo });
    expect(state.policy).toEqual(DEFAULT_POLICY);
    expect(run(state, by(AMIRA, { type: 'policy.set', payload: rules }))).toMatchObject({ ok: false, code: 'forbidden' });
    const s = accepted(state, by(MANAGER, { type: 'policy.set', payload: rules }), '2026-11-23T18:10:00.000Z');
    expect(s.policy).toEqual({ ...rules, updatedAt: '2026-11-23T18:10:00.000Z', updatedBy: 'M201' });
    // The new cap applies to every agent at once.
    expect(run(s, by(AMIRA, voucherBody(id, 20_01)))).toMatchObject({ ok: false, code: 'limit' });
    expect(run(s, by(LUCAS, voucherBody(id, 20_01)))).toMatchObject({ ok: false, code: 'limit' });
    expect(run(s, by(LUCAS, voucherBody(id, 20_00))).ok).toBe(true);
  });

  it('a policy without a role’s limits, or with a negative cap, is refused with a clear reason', () => {
    const missing = parseOp(by(MANAGER, { type: 'policy.set', payload: { ...rules, limits: { agent: rules.limits.agent } } as typeof rules }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.reason).toContain('limits.duty_manager');
    const negative = parseOp(
      by(MANAGER, {
        type: 'policy.set',
        payload: { ...rules, limits: { ...rules.limits, agent: { capPerPassengerCents: -1, budgetPerShiftCents: 0 } } },
      }),
    );
    expect(negative.ok).toBe(false);
    expect(parseOp(by(MANAGER, { type: 'policy.set', payload: rules })).ok).toBe(true);
  });
});
