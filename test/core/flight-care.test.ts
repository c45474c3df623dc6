import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  replay,
  publicVouchersOf,
  viewOf,
  voucherAllowance,
  voucherDraftsForRequest,
  type HubState,
  type ListedPassenger,
  type LogEntry,
  type Op,
} from '../../core/index.ts';
import { planFlightCare } from '../../core/flight-care.ts';
import { vouchersBoundToPass } from '../../core/bound-vouchers.ts';
import { purgeEntry, purgedRecords } from '../../core/purge-log.ts';
import { storedOpProblem } from '../../core/stored-op.ts';
import { buildReport } from '../../core/report.ts';
import { demoState } from '../helpers/demo-state.ts';
import { accepted, by, MANAGER, NOW, run, voucherBody, withRequest } from '../helpers/core-fixtures.ts';
import { AMIRA, KIOSK, op, SYSTEM } from '../helpers/ops.ts';

const HOUR = 3600_000;

function passenger(sequence: number, surname: string, cabin: ListedPassenger['cabin'] = 'economy', ssr: string[] = []): ListedPassenger {
  return { surname, givenName: '', bookingRef: '', cabin, seat: '', sequence, ssr };
}

const LIST: ListedPassenger[] = [
  passenger(1, 'Moreau'),
  passenger(2, 'Martin'),
  passenger(3, 'Rossi', 'economy', ['WCHR']),
  passenger(4, 'Dubois', 'business'),
  passenger(5, 'Nguyen', 'business'),
];

function flightId(state: HubState, number = 'AF1634'): string {
  return Object.values(state.flights).find((f) => f.number === number)!.id;
}

/** The demo airport (AF1634 delayed 2 h 30, Barcelona, 830 km: a meal owed now) with its list, business meals at €25. */
function listedFlight(extra: Partial<HubState['airlines'][string]> = {}): { state: HubState; flightId: string } {
  let s = demoState(new Date(NOW));
  const id = flightId(s);
  s = accepted(s, by(MANAGER, { type: 'passengers.import', payload: { flightId: id, passengers: LIST } }));
  const af = s.airlines['AF']!;
  s = accepted(
    s,
    by(SYSTEM, { type: 'airline.upsert', payload: { ...af, mealVoucherByCabin: { business: { minor: 2500, currency: 'EUR' } }, ...extra } }),
  );
  return { state: s, flightId: id };
}

function issue(id: string, extra: Partial<Extract<Op, { type: 'vouchers.issueFlight' }>['payload']> = {}, at = NOW): Op {
  return by(MANAGER, { type: 'vouchers.issueFlight', payload: { flightId: id, kind: 'meal', ...extra } }, at);
}

function bound(state: HubState, id: string) {
  return Object.values(state.vouchers).filter((v) => v.bound?.flightId === id);
}

describe('a whole flight in one tap', () => {
  it('gives every listed passenger the meal owed, by cabin, each voucher bound to the pass and with its own code', () => {
    const { state, flightId: id } = listedFlight();
    const plan = planFlightCare(state, { flightId: id }, NOW);
    expect(plan).toMatchObject({ ok: true, plan: { passengers: 5, totalMinor: 3 * 1500 + 2 * 2500, currency: 'EUR' } });
    const s = accepted(state, issue(id, { expect: { vouchers: 5, totalMinor: 9500 } }));
    const given = bound(s, id);
    expect(given).toHaveLength(5);
    expect(new Set(given.map((v) => v.code)).size).toBe(5);
    expect(given.find((v) => v.bound!.sequence === 4)).toMatchObject({
      kind: 'meal',
      amountCents: 2500,
      status: 'issued',
      requestId: null,
      authorisedBy: 'M201',
      bound: { flightId: id, surname: 'Dubois', sequence: 4, cabin: 'business', step: 1 },
    });
    // The pass (flight, name as printed, sequence) finds it; another sequence or name does not.
    expect(vouchersBoundToPass(s, id, 'MOREAU', 1).map((v) => v.amountCents)).toEqual([1500]);
    expect(vouchersBoundToPass(s, id, 'MOREAU', 2)).toEqual([]);
    expect(vouchersBoundToPass(s, id, 'SMITH', 1)).toEqual([]);
  });

  it('a second identical tap gives nothing twice, and says so', () => {
    const { state, flightId: id } = listedFlight();
    const s = accepted(state, issue(id));
    expect(run(s, issue(id))).toMatchObject({ ok: false, code: 'conflict', reason: expect.stringContaining('already holds') });
    expect(bound(s, id)).toHaveLength(5);
  });

  it('a part of the flight: one cabin, then the rest without doubling the first', () => {
    const { state, flightId: id } = listedFlight();
    const business = accepted(state, issue(id, { cabins: ['business'] }));
    expect(
      bound(business, id)
        .map((v) => v.bound!.sequence)
        .sort(),
    ).toEqual([4, 5]);
    const all = accepted(business, issue(id));
    expect(bound(all, id)).toHaveLength(5);
  });

  it('refuses when the flight changed since the confirmation, and for a flight already gone or without a list', () => {
    const { state, flightId: id } = listedFlight();
    expect(run(state, issue(id, { expect: { vouchers: 4, totalMinor: 9500 } }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('changed since you confirmed: it is now 5 meal vouchers to 5 passengers, 95.00 EUR'),
    });
    const left = new Date(Date.parse(state.flights[id]!.estimatedDeparture) + 60_000).toISOString();
    expect(run(state, issue(id, {}, left), left)).toMatchObject({ ok: false, reason: expect.stringContaining('has left') });
    expect(run(state, issue(flightId(state, 'AF0084')))).toMatchObject({ ok: false, reason: expect.stringContaining('no passenger list') });
  });

  it('nobody owed yet: only Art. 11 passengers (wheelchair) get care at once under the threshold', () => {
    let { state, flightId: id } = listedFlight();
    const f = state.flights[id]!;
    const short = new Date(Date.parse(f.scheduledDeparture) + HOUR).toISOString();
    state = accepted(state, by(MANAGER, { type: 'flight.delay', payload: { flightId: id, estimatedDeparture: short } }));
    const s = accepted(state, issue(id));
    expect(bound(s, id).map((v) => v.bound!.surname)).toEqual(['Rossi']);
  });

  it('only duty managers and the hub: agents and kiosks are refused', () => {
    const { state, flightId: id } = listedFlight();
    expect(run(state, op(AMIRA, { type: 'vouchers.issueFlight', payload: { flightId: id, kind: 'meal' } }, NOW))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(run(state, op(KIOSK, { type: 'vouchers.issueFlight', payload: { flightId: id, kind: 'meal' } }, NOW))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('the kiosk ticket of a listed passenger who scanned their pass shows the voucher; kiosks never hold the others', () => {
    const { state, flightId: id } = listedFlight();
    const s = accepted(state, issue(id));
    const { state: withTicket, id: requestId } = withRequest({ surname: 'MOREAU', checkInSequence: 1 }, s);
    expect(publicVouchersOf(withTicket, requestId)).toEqual([expect.objectContaining({ amountCents: 1500, code: expect.stringMatching(/^GC-/) })]);
    const kiosk = viewOf(withTicket, { kind: 'kiosk', device: KIOSK.id, gate: 'K32' });
    expect(Object.values(kiosk.vouchers).filter((v) => v.bound)).toEqual([]);
  });

  it('the hub (in place) and a tablet (pure) create the same vouchers', () => {
    const { state, flightId: id } = listedFlight();
    const o = issue(id);
    const pure = accepted(state, o);
    const copy = structuredClone(state);
    const inPlace = replay(copy, [{ seq: state.seq + 1, at: NOW, op: o }], { inPlace: true }).state;
    expect(Object.keys(inPlace.vouchers).sort()).toEqual(Object.keys(pure.vouchers).sort());
  });

  it('counts on the report for its flight', () => {
    const { state, flightId: id } = listedFlight();
    const s = accepted(state, issue(id));
    const row = buildReport(s, NOW).flights.find((f) => f.flightId === id)!;
    expect(row).toMatchObject({ vouchers: 5, spendCents: 9500 });
  });
});

describe('top-ups for a rolling delay', () => {
  it('the next meal once to those given care, never to the others, never twice', () => {
    let { state, flightId: id } = listedFlight({ mealEveryHours: 3 });
    state = accepted(state, issue(id, { cabins: ['economy'] }));
    expect(run(state, issue(id, { topUp: true }))).toMatchObject({ ok: false, reason: expect.stringContaining('no top-up due') });
    const f = state.flights[id]!;
    const later = new Date(Date.parse(f.estimatedDeparture) + 4 * HOUR).toISOString();
    state = accepted(state, by(MANAGER, { type: 'flight.delay', payload: { flightId: id, estimatedDeparture: later } }));
    const topped = accepted(state, issue(id, { topUp: true }));
    const steps = bound(topped, id).map((v) => `${v.bound!.sequence}:${v.bound!.step}`);
    // Rossi (wheelchair, Art. 11) is owed care from the scheduled departure, so one more meal than those counted from the threshold.
    expect(steps.sort()).toEqual(['1:1', '1:2', '2:1', '2:2', '3:1', '3:2', '3:3']);
    expect(run(topped, issue(id, { topUp: true }))).toMatchObject({ ok: false });
  });

  it('any sequence of delay changes, issues and top-ups gives at most one voucher per passenger per step, none after departure', () => {
    const base = listedFlight({ mealEveryHours: 2 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('delay' as const), hours: fc.integer({ min: 0, max: 14 }) }),
      fc.record({ kind: fc.constant('issue' as const), topUp: fc.boolean(), business: fc.boolean() }),
      fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 0, max: 6 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 14 }), (steps) => {
        let s = base.state;
        const f = s.flights[base.flightId]!;
        let now = Date.parse(NOW);
        for (const st of steps) {
          const at = new Date(now).toISOString();
          if (st.kind === 'wait') now += st.hours * HOUR;
          else if (st.kind === 'delay') {
            const est = new Date(Date.parse(f.scheduledDeparture) + st.hours * HOUR).toISOString();
            const out = run(s, by(MANAGER, { type: 'flight.delay', payload: { flightId: base.flightId, estimatedDeparture: est } }, at), at);
            if (out.ok) s = out.state;
          } else {
            const out = run(s, issue(base.flightId, { topUp: st.topUp, ...(st.business ? { cabins: ['business'] } : {}) }, at), at);
            if (out.ok) {
              const before = bound(s, base.flightId).length;
              const flight = out.state.flights[base.flightId]!;
              // Nothing is given once the flight has left.
              expect(Math.max(Date.parse(flight.estimatedDeparture), Date.parse(flight.scheduledDeparture))).toBeGreaterThan(now);
              expect(bound(out.state, base.flightId).length).toBeGreaterThan(before);
              s = out.state;
            }
          }
        }
        const keys = bound(s, base.flightId).map((v) => `${v.bound!.sequence}:${v.bound!.step}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('purge', () => {
  it('blanks the bound names, in the state and in a log that still replays to the same vouchers', () => {
    const { state, flightId: id } = listedFlight();
    const s0 = demoState(new Date(NOW));
    const af = s0.airlines['AF']!;
    const ops: Op[] = [
      by(MANAGER, { type: 'passengers.import', payload: { flightId: id, passengers: LIST } }),
      by(SYSTEM, { type: 'airline.upsert', payload: state.airlines['AF']! ?? af }),
      issue(id),
    ];
    const entries: LogEntry[] = ops.map((o, i) => ({ seq: s0.seq + 1 + i, at: NOW, op: o }));
    const later = new Date(Date.parse(state.flights[id]!.estimatedDeparture) + 25 * HOUR).toISOString();
    entries.push({ seq: s0.seq + 4, at: later, op: op(SYSTEM, { type: 'passengers.purge', payload: { flightId: id } }, later) });
    const { state: purged, failed } = replay(s0, entries);
    expect(failed).toEqual([]);
    const given = bound(purged, id);
    expect(given).toHaveLength(5);
    expect(given.every((v) => v.bound!.surname === '')).toBe(true);
    const records = purgedRecords(purged, [id]);
    const blanked = entries.map((e) => purgeEntry(e, records));
    expect(JSON.stringify(blanked)).not.toContain('Moreau');
    for (const e of blanked) expect(storedOpProblem(e.op)).toBeNull();
    const again = replay(s0, blanked);
    expect(again.failed).toEqual([]);
    expect(again.state.vouchers).toEqual(purged.vouchers);
  });
});

describe('what the whole flight gave counts on the passenger’s ticket', () => {
  /** Moreau (sequence 1, economy) at the kiosk by scanning the pass, alone or with a party. */
  function scanned(state: HubState, party = { adults: 1, children: 0, infants: 0 }, checkInSequence: number | null = 1) {
    return withRequest({ surname: 'MOREAU', party, ...(checkInSequence === null ? {} : { checkInSequence }) }, state);
  }

  /** The agents' cap per passenger set to one meal (€15). */
  function capOneMeal(state: HubState): HubState {
    return {
      ...state,
      policy: { ...state.policy, limits: { ...state.policy.limits, agent: { capPerPassengerCents: 1500, budgetPerShiftCents: 100_00 } } },
    };
  }

  it('an agent cannot give a second meal beyond the cap to a passenger the flight issue already fed', () => {
    const { state, flightId: id } = listedFlight();
    const fed = capOneMeal(accepted(state, issue(id)));
    const { state: s, id: requestId } = scanned(fed);
    expect(voucherAllowance(s, 'A101', 'agent', s.requests[requestId]!, NOW)).toMatchObject({ alreadyIssuedCents: 1500, capLeftCents: 0 });
    expect(run(s, by(AMIRA, voucherBody(requestId, 1500)))).toMatchObject({
      ok: false,
      code: 'limit',
      reason: expect.stringContaining('0.00 EUR left'),
    });
    // Without the flight issue the same meal is within the cap.
    const { state: unfed, id: other } = scanned(capOneMeal(state));
    expect(run(unfed, by(AMIRA, voucherBody(other, 1500))).ok).toBe(true);
  });

  it('a second request typed by hand (no pass) is the same passenger: the pass’s voucher still counts', () => {
    const { state, flightId: id } = listedFlight();
    const { state: s1 } = scanned(accepted(state, issue(id)));
    const { state: s2, id: typed } = scanned(s1, undefined, null);
    expect(s2.requests[typed]!.checkInSequence).toBeUndefined();
    expect(voucherAllowance(s2, 'A101', 'agent', s2.requests[typed]!, NOW).alreadyIssuedCents).toBe(1500);
  });

  it('the voucher form is filled with what is still owed: the rest of the party, or nothing for a passenger alone', () => {
    const { state, flightId: id } = listedFlight();
    const fed = accepted(state, issue(id));
    const { state: alone, id: one } = scanned(fed);
    expect(voucherDraftsForRequest(alone, alone.requests[one]!, NOW).find((d) => d.kind === 'meal')).toMatchObject({
      alreadyCovered: true,
      amountCents: 0,
      givenToPassCents: 1500,
    });
    const { state: family, id: three } = scanned(fed, { adults: 2, children: 1, infants: 0 });
    expect(voucherDraftsForRequest(family, family.requests[three]!, NOW).find((d) => d.kind === 'meal')).toMatchObject({
      alreadyCovered: false,
      amountCents: 3000,
      givenToPassCents: 1500,
      description: expect.stringContaining('less 15.00 EUR given on the pass'),
    });
    // Before the flight issue, the whole party's meal.
    const { state: before, id: unfed } = scanned(state, { adults: 2, children: 1, infants: 0 });
    expect(voucherDraftsForRequest(before, before.requests[unfed]!, NOW).find((d) => d.kind === 'meal')).toMatchObject({
      amountCents: 4500,
      givenToPassCents: 0,
    });
  });
});
