import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CareRequest, HubState, Voucher } from '../../core/model.ts';
import { issuedToPassenger, usedShiftBudget } from '../../core/policy.ts';
import { voucherCodeInUse } from '../../core/voucher-index.ts';
import { withRequest, withVoucher } from '../../core/handlers/shared.ts';
import type { ApplyContext } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { bornRequest } from '../helpers/born-request.ts';
import { purgeFlight } from '../../core/personal-data.ts';

/* The scans the indexes replace, kept here as the reference they must agree with. */
function scanIssuedToPassenger(state: HubState, request: CareRequest): number {
  const same = (r: CareRequest) => r.flightId === request.flightId && r.surname.trim().toLowerCase() === request.surname.trim().toLowerCase();
  let sum = 0;
  for (const v of Object.values(state.vouchers)) {
    const r = v.requestId === null ? undefined : state.requests[v.requestId];
    if (v.status === 'issued' && r && same(r)) sum += v.amountCents;
  }
  return sum;
}

function scanShiftBudget(state: HubState, staffId: string, at: string): number {
  const from = Date.parse(at) - state.policy.shiftHours * 3600_000;
  let sum = 0;
  for (const v of Object.values(state.vouchers)) {
    if (
      v.status === 'issued' &&
      !v.bound &&
      v.authorisedBy === staffId &&
      v.requestedBy === staffId &&
      Date.parse(v.decidedAt ?? v.requestedAt) > from
    )
      sum += v.amountCents;
  }
  return sum;
}

const STAFF = ['A101', 'A102', 'M201'];
const SURNAMES = ['Durand', ' durand', 'DURAND ', 'Okafor', 'Lee'];
const BASE = Date.parse('2026-11-23T06:00:00.000Z');
const iso = (hours: number) => new Date(BASE + hours * 3600_000).toISOString();
/** The demo airport that morning, before any passenger asked. */
const AIRPORT = demoState(new Date(BASE));
const FLIGHTS = ['AF1634', 'AF0084'].map((number) => Object.values(AIRPORT.flights).find((f) => f.number === number)!);
/** A fresh copy of the airport: the in-place writes below must not reach the next run. */
const airport = (): HubState => ({ ...AIRPORT, requests: {}, vouchers: {} });

/** A passenger's request at K32, born the way the hub makes one. */
function request(state: HubState, n: number, flightNumber: string, surname: string, ctx: ApplyContext): CareRequest {
  return bornRequest(
    state,
    { requestId: `r${n}`, flightNumber, surname, needs: ['water'], party: { adults: 1, children: 0, infants: 0 }, language: 'en' },
    ctx,
  );
}

type Event =
  | { kind: 'request'; flight: number; surname: number }
  | { kind: 'voucher'; request: number; by: number; amount: number; hour: number; pending: boolean; bound: boolean }
  | { kind: 'decide'; voucher: number; by: number; approve: boolean; hour: number }
  | { kind: 'redate'; voucher: number; hour: number }
  | { kind: 'reamount'; voucher: number; amount: number }
  | { kind: 'reauthorise'; voucher: number; by: number }
  | { kind: 'purge'; flight: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), flight: fc.nat(1), surname: fc.nat(SURNAMES.length - 1) }),
  fc.record({
    kind: fc.constant('voucher' as const),
    request: fc.nat(12),
    by: fc.nat(2),
    amount: fc.integer({ min: 1, max: 50_000 }),
    hour: fc.nat(30),
    pending: fc.boolean(),
    bound: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('decide' as const), voucher: fc.nat(12), by: fc.nat(2), approve: fc.boolean(), hour: fc.nat(30) }),
  fc.record({ kind: fc.constant('purge' as const), flight: fc.nat(1) }),
  // A voucher written again under its id with another decision time: the budget index must move it.
  fc.record({ kind: fc.constant('redate' as const), voucher: fc.nat(12), hour: fc.nat(30) }),
  // Written again with another amount at the same time: the budget's running sums must follow.
  fc.record({ kind: fc.constant('reamount' as const), voucher: fc.nat(12), amount: fc.integer({ min: 1, max: 50_000 }) }),
  // Written again as authorised by someone else: it leaves its issuer's budget (or joins it).
  fc.record({ kind: fc.constant('reauthorise' as const), voucher: fc.nat(12), by: fc.nat(2) }),
);

/** Applies one event in place, as the hub does, and returns the new state. */
function step(state: HubState, e: Event, n: number): HubState {
  const ctx = { seq: n, at: iso(0), inPlace: true };
  const ids = Object.keys(state.vouchers);
  switch (e.kind) {
    case 'request':
      return withRequest(state, request(state, n, FLIGHTS[e.flight]!.number, SURNAMES[e.surname]!, ctx), ctx);
    case 'voucher': {
      const by = STAFF[e.by]!;
      const v: Voucher = {
        id: `v${n}`,
        code: `C${n % 7}-${n}`,
        // A whole flight's voucher is bound to a pass, not to a request.
        requestId: e.bound ? null : `r${e.request}`,
        gate: 'K32',
        kind: 'meal',
        amountCents: e.amount,
        currency: 'EUR',
        description: 'lunch',
        status: e.pending ? 'pending' : 'issued',
        requestedBy: by,
        requestedByName: by,
        requestedAt: iso(e.hour),
        escalationNote: '',
        authorisedBy: e.pending ? null : by,
        authorisedByName: e.pending ? null : by,
        decidedAt: e.pending ? null : iso(e.hour),
        declineReason: null,
        // A whole flight's voucher, as issued to a listed passenger: never on anyone's shift budget.
        ...(e.bound ? { bound: { flightId: FLIGHTS[0]!.id, surname: 'Durand', sequence: n, cabin: 'economy' as const, step: 1 } } : {}),
      };
      return withVoucher(state, v, ctx);
    }
    case 'decide': {
      const v = ids.length ? state.vouchers[ids[e.voucher % ids.length]!]! : undefined;
      if (!v || v.status !== 'pending') return state;
      const by = STAFF[e.by]!;
      return withVoucher(
        state,
        { ...v, status: e.approve ? 'issued' : 'declined', authorisedBy: by, authorisedByName: by, decidedAt: iso(e.hour) },
        ctx,
      );
    }
    case 'purge':
      return purgeFlight(state, FLIGHTS[e.flight]!.id, true);
    case 'redate': {
      const v = ids.length ? state.vouchers[ids[e.voucher % ids.length]!]! : undefined;
      return v ? withVoucher(state, { ...v, decidedAt: iso(e.hour) }, ctx) : state;
    }
    case 'reamount': {
      const v = ids.length ? state.vouchers[ids[e.voucher % ids.length]!]! : undefined;
      return v ? withVoucher(state, { ...v, amountCents: e.amount }, ctx) : state;
    }
    case 'reauthorise': {
      const v = ids.length ? state.vouchers[ids[e.voucher % ids.length]!]! : undefined;
      return v ? withVoucher(state, { ...v, authorisedBy: STAFF[e.by]!, authorisedByName: STAFF[e.by]! }, ctx) : state;
    }
  }
}

function expectSameAsScan(state: HubState): void {
  for (const r of Object.values(state.requests)) expect(issuedToPassenger(state, r)).toBe(scanIssuedToPassenger(state, r));
  for (const staffId of STAFF) {
    for (const hour of [0, 8, 13, 24, 31]) expect(usedShiftBudget(state, staffId, iso(hour))).toBe(scanShiftBudget(state, staffId, iso(hour)));
  }
  const codes = new Set(Object.values(state.vouchers).map((v) => v.code));
  for (let n = 0; n < 40; n++) {
    const code = `C${n % 7}-${n}`;
    expect(voucherCodeInUse(state.vouchers, code)).toBe(codes.has(code));
  }
}

describe('voucher limits read from indexes agree with a scan of every voucher', () => {
  it('after every in-place write, approvals and purges included', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        // Asking after each write builds the indexes early, so every later write must keep them current.
        let state = airport();
        events.forEach((e, n) => {
          state = step(state, e, n);
          expectSameAsScan(state);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("keeps an agent's running budget sums right when vouchers leave, move or change in the middle of their shift", () => {
    // Mostly vouchers that count against two agents' budgets, so each holds several and the rewrites hit the middle.
    const budgetEvent: fc.Arbitrary<Event> = fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('voucher' as const),
          request: fc.nat(12),
          by: fc.nat(1),
          amount: fc.integer({ min: 1, max: 50_000 }),
          hour: fc.nat(30),
          pending: fc.constant(false),
          bound: fc.constant(false),
        }),
        weight: 4,
      },
      fc.record({ kind: fc.constant('redate' as const), voucher: fc.nat(30), hour: fc.nat(30) }),
      fc.record({ kind: fc.constant('reamount' as const), voucher: fc.nat(30), amount: fc.integer({ min: 1, max: 50_000 }) }),
      fc.record({ kind: fc.constant('reauthorise' as const), voucher: fc.nat(30), by: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(budgetEvent, { maxLength: 60 }), (events) => {
        let state = airport();
        events.forEach((e, n) => {
          state = step(state, e, n);
          expectSameAsScan(state);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('on copied maps (the pure reducer, a state loaded from disk)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let state = airport();
        events.forEach((e, n) => (state = step(state, e, n)));
        expectSameAsScan({ ...state, requests: { ...state.requests }, vouchers: { ...state.vouchers } });
      }),
      { numRuns: 150 },
    );
  });
});
