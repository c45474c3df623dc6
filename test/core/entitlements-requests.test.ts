import { describe, expect, it } from 'vitest';
import {
  apply,
  emptyState,
  entitlementsForFlight,
  withAirportFacts,
  type Flight,
  entitlementsForRequest,
  parseOp,
  requestEntitlementSummary,
  type CareRequest,
  type HubState,
  type OpBody,
} from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, KIOSK, SYSTEM, createRequest, op } from '../helpers/ops.ts';
import { CLAIRE } from '../helpers/manager-ops.ts';

// 19:00 in Paris.
const NOW = '2026-11-23T18:00:00.000Z';

function accepted(state: HubState, body: OpBody, actor = KIOSK): HubState {
  const out = apply(state, op(actor, body, NOW), { seq: state.seq + 1, at: NOW });
  if (!out.ok) throw new Error(`rejected: ${out.reason}`);
  return out.state;
}

function requestOn(flightNumber: string, gate: string, over: Partial<Extract<OpBody, { type: 'request.create' }>['payload']> = {}) {
  const s = accepted(demoState(new Date(NOW)), createRequest({ flightNumber, gate, ...over }));
  return { state: s, request: Object.values(s.requests)[0] as CareRequest };
}

describe('entitlements for the demo airport', () => {
  it('AF1634 to Barcelona, 2 h 30 late: EU 261 meals for the party owed now, to be offered by 21:30 (scheduled + 2 h) at the latest', () => {
    const { state, request } = requestOn('AF1634', 'K32');
    const line = 'EU261 · meal €15 × 3 · 2 calls · owed now — to be offered by 21:30 at the latest';
    expect(requestEntitlementSummary(state, request, NOW)).toBe(line);
    expect(requestEntitlementSummary(state, request, '2026-11-23T20:30:00.000Z')).toBe(line);
  });

  it('AF0084 to San Francisco, 5 h late past midnight: 4 h threshold, hotel and transport', () => {
    const { state, request } = requestOn('AF0084', 'K36');
    expect(requestEntitlementSummary(state, request, NOW)).toBe(
      'EU261 · meal €15 × 3 · 2 calls · hotel 1 night · transport · owed now — to be offered by 00:00 at the latest',
    );
  });

  it('AF1780 to Rome, cancelled and rebooked next morning: care now and a hotel', () => {
    const { state, request } = requestOn('AF1780', 'K41');
    expect(requestEntitlementSummary(state, request, NOW)).toBe('EU261 · meal €15 × 3 · 2 calls · hotel 1 night · transport');
    const a = entitlementsForRequest(state, request)!;
    expect(a.entitlements.find((e) => e.kind === 'hotel')!.voucher).toEqual({
      voucherKind: 'hotel',
      unit: { minor: 15000, currency: 'EUR' },
      quantity: 1,
      total: { minor: 15000, currency: 'EUR' },
    });
  });

  it('AC0871 to Montreal, 3 h late on short notice: APPR food from 21:45 (2 h), where EU 261 would wait 4 h', () => {
    const { state, request } = requestOn('AC0871', 'K44');
    expect(requestEntitlementSummary(state, request, NOW)).toBe('APPR · meal €15 × 3 from 21:45 · calls from 21:45');
  });

  it('BA0305 to London, 2 h 15 late: meals and two calls', () => {
    const { state, request } = requestOn('BA0305', 'K38');
    expect(requestEntitlementSummary(state, request, NOW)).toBe('EU261 · meal €15 × 3 · 2 calls · owed now — to be offered by 21:15 at the latest');
  });

  it('an on-time flight shows that nothing is owed yet', () => {
    const { state, request } = requestOn('AF1012', 'K34');
    expect(requestEntitlementSummary(state, request, NOW)).toBe('EU261: nothing owed yet (on time)');
  });

  it('a short delay says when meals would start', () => {
    const { state, request } = requestOn('AF1012', 'K34');
    const f = state.flights[request.flightId]!;
    const late = new Date(Date.parse(f.scheduledDeparture) + 70 * 60_000).toISOString();
    const s = accepted(state, { type: 'flight.delay', payload: { flightId: f.id, estimatedDeparture: late } }, { kind: 'staff', id: 'M201' });
    expect(requestEntitlementSummary(s, request, NOW)).toBe(
      'EU261: nothing owed yet (delay 1 h 10); meals owed at once if the delay reaches 2 h (departure 22:30 or later, EU261)',
    );
  });

  it('a passenger asking for mobility help gets Art. 11 priority and care now', () => {
    const { state, request } = requestOn('AF1634', 'K32', { needs: ['mobility'], party: { adults: 1, children: 0, infants: 0 } });
    expect(requestEntitlementSummary(state, request, NOW)).toBe('EU261 · PRIORITY (Art. 11) · meal €15 × 1 · 2 calls');
  });

  it('a minor the kiosk declares unaccompanied gets Art. 11 priority', () => {
    const { state, request } = requestOn('AF1634', 'K32', { party: { adults: 1, children: 0, infants: 0 }, unaccompaniedMinor: true });
    expect(entitlementsForRequest(state, request)!.entitlements[0]).toMatchObject({
      kind: 'priority_care',
      reason: 'priority_passenger',
      from: null,
    });
  });

  it('children travelling without an adult are treated as unaccompanied minors', () => {
    const { state, request } = requestOn('AF1634', 'K32', { party: { adults: 0, children: 2, infants: 0 } });
    expect(entitlementsForRequest(state, request)!.entitlements[0]).toMatchObject({ kind: 'priority_care', reason: 'priority_passenger' });
  });

  it('an airline nobody configured still owes the law of the departure country, amounts left to staff', () => {
    const { state, request } = requestOn('AF1634', 'K32');
    const bare: HubState = { ...state, airlines: {} };
    expect(requestEntitlementSummary(bare, request, NOW)).toBe('EU261 · meal · 2 calls · owed now — to be offered by 21:30 at the latest');
  });

  it('a device state saved before airlines existed still gets an answer and takes airline updates', () => {
    const { state, request } = requestOn('AF1634', 'K32');
    const { airlines: _a, ...old } = state;
    const legacy = old as HubState;
    expect(requestEntitlementSummary(legacy, request, NOW)).toBe('EU261 · meal · 2 calls · owed now — to be offered by 21:30 at the latest');
    const s = accepted(
      legacy,
      {
        type: 'airline.upsert',
        payload: { code: 'AF', name: 'Air France', regimes: ['eu261'], mealVoucherPerPerson: { minor: 2000, currency: 'EUR' } },
      },
      SYSTEM,
    );
    expect(requestEntitlementSummary(s, request, NOW)).toBe('EU261 · meal €20 × 3 · 2 calls · owed now — to be offered by 21:30 at the latest');
  });

  it("a flight imported without countries or time zone borrows them from the airport's other flights", () => {
    const s = demoState(new Date(NOW));
    // Late evening in Paris but still the same day in UTC: only the Paris day makes it overnight.
    const bare: Flight = {
      id: 'AF1900-2026-11-23',
      number: 'AF1900',
      origin: 'CDG',
      destination: 'FCO',
      destinationName: 'Rome',
      distanceKm: 1105,
      gate: 'K41',
      scheduledDeparture: '2026-11-23T20:00:00.000Z',
      estimatedDeparture: '2026-11-23T23:30:00.000Z',
      status: 'delayed',
    };
    const s2 = accepted(s, { type: 'flight.upsert', payload: bare }, SYSTEM);
    expect(withAirportFacts(s2, bare)).toMatchObject({ originCountry: 'FR', originTimeZone: 'Europe/Paris', destinationCountry: 'IT' });
    expect(entitlementsForFlight(s2, bare)!.entitlements.map((e) => e.kind)).toEqual(['meal', 'communication', 'hotel', 'transport']);
    const alone = { ...emptyState(), flights: { [bare.id]: bare }, airlines: s.airlines };
    expect(entitlementsForFlight(alone, bare)!.entitlements.map((e) => e.kind)).toEqual(['meal', 'communication']);
  });

  it('a flight can be assessed before any request, for the kiosk home screen', () => {
    const s = demoState(new Date(NOW));
    const flight = Object.values(s.flights).find((f) => f.number === 'AF0084')!;
    expect(entitlementsForFlight(s, flight)!.entitlements.map((e) => e.kind)).toEqual(['meal', 'communication', 'hotel', 'transport']);
  });
});

describe('a delay the duty manager publishes', () => {
  const CLAIRE = { kind: 'staff' as const, id: 'M201' };

  it('is announced at the hub time of the change, so APPR care follows a late announcement', () => {
    const s = demoState(new Date(NOW));
    const ac = Object.values(s.flights).find((f) => f.number === 'AC0871')!;
    // Told the day before: APPR owes nothing, EU 261 waits 4 h on 5530 km.
    const early = { ...s, flights: { ...s.flights, [ac.id]: { ...ac, delayAnnouncedAt: '2026-11-22T12:00:00.000Z' } } };
    expect(entitlementsForFlight(early, early.flights[ac.id]!)!.entitlements).toEqual([]);
    const later = new Date(Date.parse(ac.scheduledDeparture) + 150 * 60_000).toISOString();
    const s2 = accepted(early, { type: 'flight.delay', payload: { flightId: ac.id, estimatedDeparture: later } }, CLAIRE);
    expect(s2.flights[ac.id]!.delayAnnouncedAt).toBe(NOW);
    expect(entitlementsForFlight(s2, s2.flights[ac.id]!)!.entitlements.map((e) => `${e.kind}:${e.source}`)).toEqual([
      'meal:appr',
      'communication:appr',
    ]);
  });

  it("a delay published as outside the carrier's control (weather) ends APPR care, not EU 261", () => {
    const s = demoState(new Date(NOW));
    const ac = Object.values(s.flights).find((f) => f.number === 'AC0871')!;
    const s2 = accepted(
      s,
      { type: 'flight.delay', payload: { flightId: ac.id, estimatedDeparture: ac.estimatedDeparture, cause: 'outside_control' } },
      CLAIRE,
    );
    expect(s2.flights[ac.id]!.disruptionCause).toBe('outside_control');
    // 3 h on 5530 km: EU 261 waits for 4 h, so nothing yet, and the next threshold is EU 261's.
    const a = entitlementsForFlight(s2, s2.flights[ac.id]!)!;
    expect(a.entitlements).toEqual([]);
    expect(a.nextThreshold).toMatchObject({ source: 'eu261', delayMinutes: 240 });
  });

  it('a cancellation rebooked for tomorrow morning brings the hotel', () => {
    const s = demoState(new Date(NOW));
    const madrid = Object.values(s.flights).find((f) => f.number === 'AF1012')!;
    const s2 = accepted(s, { type: 'flight.cancel', payload: { flightId: madrid.id, rebookedDeparture: '2026-11-24T07:00:00.000Z' } }, CLAIRE);
    expect(entitlementsForFlight(s2, s2.flights[madrid.id]!)!.entitlements.map((e) => e.kind)).toEqual([
      'meal',
      'communication',
      'hotel',
      'transport',
    ]);
  });
});

describe('airline config operations', () => {
  const config = { code: 'LH', name: 'Lufthansa', regimes: ['eu261'], mealVoucherPerPerson: { minor: 1200, currency: 'EUR' } };

  it('the hub seeds it; an agent may not change it, a duty manager may', () => {
    const s = demoState(new Date(NOW));
    expect(Object.keys(s.airlines).sort()).toEqual(['AC', 'AF', 'BA']);
    const out = apply(s, op(AMIRA, { type: 'airline.upsert', payload: config } as OpBody, NOW), { seq: s.seq + 1, at: NOW });
    expect(out).toMatchObject({ ok: false, code: 'forbidden' });
    const byManager = apply(s, op(CLAIRE, { type: 'airline.upsert', payload: config } as OpBody, NOW), { seq: s.seq + 1, at: NOW });
    expect(byManager.ok && byManager.state.airlines.LH).toEqual(config);
  });

  it.each([
    [{ ...config, regimes: [] }, 'at least one passenger-rights law (EU 261, UK261, Canada APPR) or its own policy'],
    [{ ...config, regimes: ['eu261', 'eu261'] }, 'each law is listed once'],
    [{ ...config, regimes: ['us-dot'] }, 'regimes.0'],
    [{ ...config, code: 'LHX' }, 'two-character IATA designator'],
    [{ ...config, mealVoucherPerPerson: { amount: 12.345, currency: 'EUR' } }, 'at most two decimals'],
    [{ ...config, mealVoucherPerPerson: { amount: 12, currency: 'euro' } }, 'three-letter ISO code'],
    [{ ...config, ownPolicy: { careFromMinutes: -5 } }, 'ownPolicy.careFromMinutes'],
  ])('refuses a bad config with a clear message (%#)', (payload, message) => {
    const parsed = parseOp(op(SYSTEM, { type: 'airline.upsert', payload } as OpBody, NOW));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(message);
  });

  it('refuses a flight with an unknown time zone or country code', () => {
    const s = demoState(new Date(NOW));
    const f = Object.values(s.flights)[0]!;
    for (const [field, value, message] of [
      ['originTimeZone', 'Europe/Atlantis', 'unknown time zone'],
      ['destinationCountry', 'France', 'two capital letters'],
      ['delayAnnouncedAt', 'yesterday', 'delayAnnouncedAt'],
    ] as const) {
      const parsed = parseOp(op(SYSTEM, { type: 'flight.upsert', payload: { ...f, [field]: value } } as OpBody, NOW));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain(message);
    }
  });
});
