import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { apply, remainingCents, type HubState, type OfflineRisk, type Op } from '../../core/index.ts';
import { accepted, by, MANAGER, NOW, run, voucherBody, withRequest } from '../helpers/core-fixtures.ts';
import { AMIRA, op, SYSTEM } from '../helpers/ops.ts';
import { flightHoldsPersonalData, purgeFlight } from '../../core/personal-data.ts';
import { purgeEntry, purgedRecords } from '../../core/purge-log.ts';

const OUTLETS = ['outlet-cafe-2e-0001', 'outlet-brasserie-01', 'outlet-kiosque-001'] as const;
const CAFE = OUTLETS[0];
const TAXI = 'outlet-taxi-2e-0001';
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString();

function setRisk(state: HubState, outletId: string, risk: OfflineRisk, at = NOW): HubState {
  return accepted(state, by(MANAGER, { type: 'outlet.offlineRisk', payload: { outletId, risk } }, at), at);
}

/** Three meal outlets allowed each voucher once offline, a taxi desk, and one issued €15 meal voucher. */
function setUp(risk: OfflineRisk = { mode: 'once' }): { state: HubState; voucherId: string; requestId: string } {
  const { state: s0, id: requestId } = withRequest();
  let s = s0;
  for (const id of OUTLETS) {
    s = accepted(
      s,
      by(MANAGER, { type: 'outlet.enroll', payload: { outletId: id, name: `Outlet ${id.slice(7, 12)}`, kind: 'cafe', accepts: ['meal'] } }),
    );
    s = setRisk(s, id, risk);
  }
  s = accepted(s, by(MANAGER, { type: 'outlet.enroll', payload: { outletId: TAXI, name: 'Taxi desk', kind: 'taxi-desk', accepts: ['taxi'] } }));
  s = setRisk(s, TAXI, { mode: 'once' });
  const issue = voucherBody(requestId, 1500);
  s = accepted(s, op(AMIRA, issue, NOW));
  return { state: s, voucherId: issue.payload.voucherId, requestId };
}

function online(voucherId: string, amountCents: number, outletId: string, at: string, redemptionId = uuidv7()): Op {
  return op(SYSTEM, { type: 'voucher.redeem', payload: { redemptionId, voucherId, outletId, amountCents } }, at);
}

function offline(voucherId: string, amountCents: number, outletId: string, at: string, redemptionId = uuidv7()): Op {
  return op(SYSTEM, { type: 'voucher.redeemOffline', payload: { redemptionId, voucherId, outletId, amountCents, at } }, at);
}

describe('an outlet redeeming offline', () => {
  it('a duty manager sets the limit per outlet; nobody else can, and a revoked outlet gets none', () => {
    const { state } = setUp({ mode: 'off' });
    const capped: OfflineRisk = { mode: 'capped', currency: 'EUR', perVoucherCents: 1000, totalCents: 3000 };
    const s = setRisk(state, CAFE, capped, minutes(1));
    expect(s.outlets![CAFE]!.offlineRisk!.at(-1)).toMatchObject({ risk: capped, by: 'M201', since: minutes(1) });
    const body = { type: 'outlet.offlineRisk' as const, payload: { outletId: CAFE, risk: { mode: 'once' as const } } };
    expect(run(s, op(AMIRA, body, NOW))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(s, op(SYSTEM, body, NOW))).toMatchObject({ ok: false, code: 'forbidden' });
    const revoked = accepted(s, by(MANAGER, { type: 'outlet.revoke', payload: { outletId: CAFE } }));
    expect(run(revoked, by(MANAGER, body))).toMatchObject({ ok: false, reason: expect.stringContaining('revoked') });
  });

  it('accepts an offline receipt with its true time even after the voucher was spent online, and records the conflict', () => {
    const { state, voucherId, requestId } = setUp();
    const spentOnline = accepted(state, online(voucherId, 1000, OUTLETS[1], minutes(5)), minutes(5));
    const late = offline(voucherId, 900, CAFE, minutes(3));
    const s = accepted(spentOnline, late, minutes(20));
    const v = s.vouchers[voucherId]!;
    expect(v.redemptions!.map((r) => r.amountCents)).toEqual([1000, 900]);
    expect(v.redemptions![1]).toMatchObject({ at: minutes(3), offline: { receivedAt: minutes(20) }, outletId: CAFE });
    expect(remainingCents(v)).toBe(0);
    const conflicts = Object.values(s.redemptionConflicts ?? {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ voucherId, code: v.code, overspendCents: 400, voided: false, detectedAt: minutes(20) });
    expect(conflicts[0]!.receipts.map((r) => r.outletId)).toEqual([OUTLETS[1], CAFE]);
    expect(s.requests[requestId]!.history.at(-1)).toMatchObject({
      action: 'voucher redeemed offline',
      detail: expect.stringContaining('4.00 EUR spent twice'),
    });
    // The same receipt sent again is not spent again.
    expect(run(s, late, minutes(21))).toMatchObject({ ok: false, reason: 'this redemption was already recorded' });
  });

  it('spent offline after a void: kept, and the whole amount is a conflict', () => {
    const { state, voucherId } = setUp();
    const voided = accepted(state, by(MANAGER, { type: 'voucher.void', payload: { voucherId, reason: 'reported lost' } }, minutes(1)), minutes(1));
    const s = accepted(voided, offline(voucherId, 500, CAFE, minutes(2)), minutes(10));
    expect(Object.values(s.redemptionConflicts!)[0]).toMatchObject({ overspendCents: 500, voided: true });
  });

  it('refuses what no honest outlet could have written', () => {
    const { state, voucherId, requestId } = setUp();
    const hub = minutes(30);
    const refused = (o: Op) => run(state, o, hub);
    expect(refused(offline(uuidv7(), 500, CAFE, minutes(1)))).toMatchObject({ ok: false, code: 'not_found' });
    expect(refused(offline(voucherId, 500, CAFE, minutes(40)))).toMatchObject({ ok: false, reason: expect.stringContaining('is in the future') });
    expect(refused(offline(voucherId, 500, CAFE, minutes(-10)))).toMatchObject({ ok: false, reason: expect.stringContaining('before') });
    expect(refused(offline(voucherId, 500, TAXI, minutes(1)))).toMatchObject({ ok: false, reason: 'Taxi desk does not take meal vouchers' });
    expect(refused(offline(voucherId, 1600, CAFE, minutes(1)))).toMatchObject({
      ok: false,
      code: 'limit',
      reason: expect.stringContaining('more than the value'),
    });
    expect(refused(offline(voucherId, 500, 'outlet-nowhere-0001', minutes(1)))).toMatchObject({ ok: false, code: 'forbidden' });
    // Issued after the receipt's time: the outlet could not have seen it.
    const later = voucherBody(requestId, 800);
    const s = accepted(state, op(AMIRA, later, minutes(10)), minutes(10));
    expect(run(s, offline(later.payload.voucherId, 500, CAFE, minutes(5)), hub)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('the outlet could not have seen it'),
    });
    // Pending approval: never issued.
    const pending = voucherBody(requestId, 90000, 'voucher.escalate');
    const withPending = accepted(state, op(AMIRA, pending, NOW));
    expect(run(withPending, offline(pending.payload.voucherId, 500, CAFE, minutes(1)), hub)).toMatchObject({ ok: false, code: 'invalid' });
    // Past the voucher's validity.
    const flight = state.flights[state.requests[requestId]!.flightId]!;
    const after = new Date(Date.parse(flight.estimatedDeparture) + 60_000).toISOString();
    expect(run(state, offline(voucherId, 500, CAFE, after), after)).toMatchObject({ ok: false, reason: expect.stringContaining('had expired') });
    // Only the hub submits it, for an outlet it authenticated.
    const forged = offline(voucherId, 500, CAFE, minutes(1));
    expect(run(state, { ...forged, actor: AMIRA }, hub)).toMatchObject({ ok: false, code: 'forbidden' });
    // A revoked outlet's queue is refused.
    const revoked = accepted(state, by(MANAGER, { type: 'outlet.revoke', payload: { outletId: CAFE } }, minutes(2)), minutes(2));
    expect(run(revoked, offline(voucherId, 500, CAFE, minutes(1)), hub)).toMatchObject({ ok: false, reason: expect.stringContaining('revoked') });
  });

  it('holds the outlet to its limit: off, once per voucher, a cap per voucher and in all', () => {
    const off = setUp({ mode: 'off' });
    expect(run(off.state, offline(off.voucherId, 500, CAFE, minutes(1)), minutes(5))).toMatchObject({
      ok: false,
      code: 'limit',
      reason: expect.stringContaining('may not take vouchers offline'),
    });
    const once = setUp();
    const first = accepted(once.state, offline(once.voucherId, 500, CAFE, minutes(1)), minutes(5));
    expect(run(first, offline(once.voucherId, 500, CAFE, minutes(2)), minutes(5))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('once per voucher'),
    });

    const capped = setUp({ mode: 'capped', currency: 'EUR', perVoucherCents: 700, totalCents: 1000 });
    expect(run(capped.state, offline(capped.voucherId, 800, CAFE, minutes(1)), minutes(5))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('above the offline limit of 7.00 EUR a voucher'),
    });
    const second = voucherBody(capped.requestId, 1500);
    let s = accepted(capped.state, op(AMIRA, second, NOW));
    s = accepted(s, offline(capped.voucherId, 700, CAFE, minutes(1)), minutes(5));
    expect(run(s, offline(second.payload.voucherId, 400, CAFE, minutes(2)), minutes(5))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('in all (3.00 EUR left)'),
    });
    expect(run(s, offline(second.payload.voucherId, 300, CAFE, minutes(2)), minutes(5)).ok).toBe(true);
  });

  it('a limit lowered while the outlet was offline still counts for what it took in the following hours', () => {
    const { state: s0, voucherId } = setUp();
    // Vouchers good for a day after the departure, so only the limit decides.
    const state = accepted(s0, op(SYSTEM, { type: 'airline.upsert', payload: { ...s0.airlines['AF']!, voucherValidHours: 72 } }, NOW));
    const lowered = setRisk(state, CAFE, { mode: 'off' }, minutes(10));
    // Written at minute 20, before the outlet could hear of the change: judged by the setting it had.
    expect(run(lowered, offline(voucherId, 500, CAFE, minutes(20)), minutes(30)).ok).toBe(true);
    // Written 13 hours after the change: the old setting no longer counts.
    const much = minutes(10 + 13 * 60);
    expect(run(lowered, offline(voucherId, 500, CAFE, much), much)).toMatchObject({ ok: false, code: 'limit' });
  });

  it('a duty manager marks a conflict resolved, once; the record stays', () => {
    const { state, voucherId } = setUp();
    let s = accepted(state, online(voucherId, 1500, OUTLETS[1], minutes(5)), minutes(5));
    s = accepted(s, offline(voucherId, 1500, CAFE, minutes(4)), minutes(9));
    const id = Object.keys(s.redemptionConflicts!)[0]!;
    const resolve = { type: 'redemption.resolve' as const, payload: { conflictId: id, note: 'Café refunded by the airline' } };
    expect(run(s, op(AMIRA, resolve, minutes(10)), minutes(10))).toMatchObject({ ok: false, code: 'forbidden' });
    const done = accepted(s, by(MANAGER, resolve, minutes(10)), minutes(10));
    expect(done.redemptionConflicts![id]).toMatchObject({ overspendCents: 1500, resolved: { by: 'M201', note: 'Café refunded by the airline' } });
    expect(run(done, by(MANAGER, resolve, minutes(11)), minutes(11))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already resolved'),
    });
  });

  it('a passenger purge blanks how a conflict on their voucher was settled, in the state and in the log', () => {
    const { state, voucherId, requestId } = setUp();
    let s = accepted(state, online(voucherId, 1500, OUTLETS[1], minutes(5)), minutes(5));
    s = accepted(s, offline(voucherId, 1500, CAFE, minutes(4)), minutes(9));
    const id = Object.keys(s.redemptionConflicts!)[0]!;
    const resolve = by(MANAGER, { type: 'redemption.resolve', payload: { conflictId: id, note: 'Mme Moreau paid the difference' } }, minutes(10));
    s = accepted(s, resolve, minutes(10));
    const flightId = s.requests[requestId]!.flightId;
    const purged = purgeFlight(s, flightId);
    expect(purged.redemptionConflicts![id]).toMatchObject({ overspendCents: 1500, resolved: { by: 'M201', note: '' } });
    expect(flightHoldsPersonalData(purged, flightId)).toBe(false);
    // A flight whose only remaining personal text is a settlement note is still due for a purge.
    const onlyTheNote = { ...purged, redemptionConflicts: s.redemptionConflicts };
    expect(flightHoldsPersonalData(onlyTheNote, flightId)).toBe(true);
    const logged = purgeEntry({ seq: 9, at: minutes(10), op: resolve }, purgedRecords(purged, [flightId]));
    expect(logged.op).toMatchObject({ type: 'redemption.resolve', payload: { conflictId: id, note: '' } });
  });

  it('any interleaving of online and offline redemptions at several outlets: every offline receipt once, a conflict exactly when more was spent than the value', () => {
    const attempt = fc.record({
      outlet: fc.constantFrom(...OUTLETS),
      amount: fc.integer({ min: 1, max: 1500 }),
      written: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.array(attempt, { maxLength: 6 }),
        // Each outlet is offline at most once with this voucher (its limit: once), and its queue arrives `delay` minutes later, maybe twice.
        fc.array(
          fc.record({
            written: fc.integer({ min: 0, max: 30 }),
            amount: fc.integer({ min: 1, max: 1500 }),
            delay: fc.integer({ min: 0, max: 40 }),
            resent: fc.boolean(),
          }),
          {
            minLength: OUTLETS.length,
            maxLength: OUTLETS.length,
          },
        ),
        fc.array(fc.boolean(), { minLength: OUTLETS.length, maxLength: OUTLETS.length }),
        (onlineAttempts, offlineWrites, offlineAt) => {
          const { state, voucherId } = setUp();
          type Event = { step: number; op: Op; offlineId?: string };
          const events: Event[] = onlineAttempts.map((a) => ({ step: a.written, op: online(voucherId, a.amount, a.outlet, minutes(a.written)) }));
          const offlineIds: string[] = [];
          OUTLETS.forEach((outlet, i) => {
            if (!offlineAt[i]) return;
            const w = offlineWrites[i]!;
            const id = uuidv7();
            offlineIds.push(id);
            const o = offline(voucherId, w.amount, outlet, minutes(w.written), id);
            events.push({ step: w.written + w.delay, op: o, offlineId: id });
            if (w.resent) events.push({ step: w.written + w.delay + 1, op: o, offlineId: id });
          });
          events.sort((a, b) => a.step - b.step);
          let s = state;
          for (const e of events) {
            const out = apply(s, e.op, { seq: s.seq + 1, at: minutes(e.step) });
            if (out.ok) s = out.state;
            else if (e.op.type === 'voucher.redeem') expect(out.code).toBe('conflict');
            else expect(out.reason).toBe('this redemption was already recorded');
          }
          const v = s.vouchers[voucherId]!;
          const receipts = v.redemptions ?? [];
          for (const id of offlineIds) expect(receipts.filter((r) => r.id === id)).toHaveLength(1);
          const spent = receipts.reduce((sum, r) => sum + r.amountCents, 0);
          const conflicts = Object.values(s.redemptionConflicts ?? {});
          expect(conflicts.length > 0).toBe(spent > 1500);
          expect(conflicts.reduce((sum, c) => sum + c.overspendCents, 0)).toBe(Math.max(0, spent - 1500));
          expect(remainingCents(v)).toBe(Math.max(0, 1500 - spent));
          // Each conflict names the receipt that went over and every receipt before it.
          for (const c of conflicts) expect(c.receipts.at(-1)!.id).toBe(c.id);
        },
      ),
      { numRuns: 200 },
    );
  });
});
