import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AirlineConfig, EntitlementFlight, PassengerProfile, Regime } from '../../core/index.ts';
import {
  AirlineConfig as AirlineConfigSchema,
  ENTITLEMENT_MESSAGE_KEYS,
  applicableRegimes,
  assessEntitlements,
  entitlementMessageKey,
  regimesByLaw,
} from '../../core/index.ts';
import { after, kinds } from '../helpers/entitlement-fixtures.ts';

const regimes = fc.subarray<Regime>(['eu261', 'uk261', 'appr']);
const ownPolicy = fc.option(fc.record({ careFromMinutes: fc.integer({ min: 0, max: 600 }) }), { nil: undefined });

const mealEveryHours = fc.option(fc.integer({ min: 2, max: 24 }), { nil: undefined });

const airline: fc.Arbitrary<AirlineConfig> = fc
  .record({ regimes, ownPolicy, mealEveryHours })
  .filter((a) => a.regimes.length > 0 || a.ownPolicy !== undefined)
  .map(({ regimes: r, ownPolicy: p, mealEveryHours: every }) => ({
    code: 'XX',
    name: 'Test Air',
    regimes: r,
    ...(p ? { ownPolicy: p } : {}),
    ...(every ? { mealEveryHours: every } : {}),
    mealVoucherPerPerson: { minor: 1500, currency: 'EUR' },
  }));

const country = fc.constantFrom('FR', 'ES', 'GB', 'CA', 'US', 'RE', undefined);
const zone = fc.constantFrom('Europe/Paris', 'Europe/London', 'America/Toronto', 'UTC', undefined);
const scheduled = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z') / 60_000, max: Date.parse('2027-01-01T00:00:00Z') / 60_000 })
  .map((m) => new Date(m * 60_000).toISOString());

/** A flight minus its delay: the delay is varied by each property. */
const baseFlight = fc.record({
  distanceKm: fc.integer({ min: 0, max: 20000 }),
  scheduledDeparture: scheduled,
  cancelled: fc.boolean(),
  originCountry: country,
  destinationCountry: country,
  originTimeZone: zone,
  noticeMinutes: fc.option(fc.integer({ min: 0, max: 48 * 60 }), { nil: undefined }),
  disruptionCause: fc.constantFrom('within_control' as const, 'safety' as const, 'outside_control' as const, undefined),
});

const passenger: fc.Arbitrary<PassengerProfile> = fc.record({
  persons: fc.integer({ min: 1, max: 9 }),
  reducedMobility: fc.boolean(),
  unaccompaniedChild: fc.boolean(),
});

type Base = typeof baseFlight extends fc.Arbitrary<infer T> ? T : never;

function withDelay(b: Base, delayMinutes: number): EntitlementFlight {
  const { cancelled, noticeMinutes, ...rest } = b;
  const f: EntitlementFlight = {
    ...rest,
    estimatedDeparture: after(b.scheduledDeparture, delayMinutes),
    status: cancelled ? 'cancelled' : delayMinutes > 0 ? 'delayed' : 'scheduled',
  };
  return noticeMinutes === undefined ? f : { ...f, delayAnnouncedAt: after(b.scheduledDeparture, -noticeMinutes) };
}

const delay = fc.integer({ min: 0, max: 36 * 60 });

describe('entitlement engine properties', () => {
  it('more delay never means fewer entitlements, nor later ones', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, delay, (b, a, p, d1, d2) => {
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const less = assessEntitlements({ flight: withDelay(b, short), airline: a, passenger: p });
        const more = assessEntitlements({ flight: withDelay(b, long), airline: a, passenger: p });
        for (const e of less.entitlements) {
          const same = more.entitlements.find((m) => m.kind === e.kind);
          expect(same, `${e.kind} lost when the delay grew from ${short} to ${long} min`).toBeDefined();
          if (e.from === null) expect(same!.from).toBeNull();
          else if (same!.from !== null) expect(Date.parse(same!.from)).toBeLessThanOrEqual(Date.parse(e.from));
          expect(same!.voucher?.quantity ?? 0).toBeGreaterThanOrEqual(e.voucher?.quantity ?? 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('only the law of the flight and what the airline config adds grant anything', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, (b, a, p, d) => {
        const f = withDelay(b, d);
        const out = assessEntitlements({ flight: f, airline: a, passenger: p });
        const byLaw = regimesByLaw(f.originCountry, f.destinationCountry, a.country);
        const allowed = [...new Set([...byLaw, ...a.regimes]), ...(a.ownPolicy ? ['airline_policy'] : [])];
        expect([...out.sources].sort()).toEqual(allowed.sort());
        for (const r of byLaw) expect(out.sources).toContain(r);
        for (const e of out.entitlements) expect(allowed).toContain(e.source);
      }),
    );
  });

  it('the law is a floor: an airline listing fewer laws never owes less than the law gives', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, fc.constantFrom('FR', 'GB', 'CA', undefined), (b, a, p, d, carrierCountry) => {
        const f = withDelay(b, d);
        const configured = { ...a, ...(carrierCountry ? { country: carrierCountry } : {}) };
        const lawOnly: AirlineConfig = { ...configured, regimes: [] };
        const { ownPolicy: _p, ...noPolicy } = lawOnly;
        const floor = assessEntitlements({ flight: f, airline: noPolicy, passenger: p });
        const withConfig = assessEntitlements({ flight: f, airline: configured, passenger: p });
        expect(applicableRegimes(f, noPolicy)).toEqual(regimesByLaw(f.originCountry, f.destinationCountry, carrierCountry));
        for (const e of floor.entitlements) {
          const same = withConfig.entitlements.find((x) => x.kind === e.kind);
          expect(same, `${e.kind} owed by law lost by the airline's configuration`).toBeDefined();
          if (e.from === null) expect(same!.from).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a regime or an own policy never takes anything away', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, fc.constantFrom<Regime>('eu261', 'uk261', 'appr'), (b, a, p, d, extra) => {
        const f = withDelay(b, d);
        const before = kinds(assessEntitlements({ flight: f, airline: a, passenger: p }));
        const wider: AirlineConfig = {
          ...a,
          regimes: a.regimes.includes(extra) ? a.regimes : [...a.regimes, extra],
          ownPolicy: { careFromMinutes: Math.min(a.ownPolicy?.careFromMinutes ?? 30, 30) },
        };
        const after_ = kinds(assessEntitlements({ flight: f, airline: wider, passenger: p }));
        for (const k of before) expect(after_).toContain(k);
      }),
    );
  });

  it('reduced mobility or an unaccompanied child never gets less than other passengers', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, (b, a, p, d) => {
        const f = withDelay(b, d);
        const plain = kinds(assessEntitlements({ flight: f, airline: a, passenger: { ...p, reducedMobility: false, unaccompaniedChild: false } }));
        const priority = kinds(assessEntitlements({ flight: f, airline: a, passenger: { ...p, reducedMobility: true } }));
        for (const k of plain) expect(priority).toContain(k);
      }),
    );
  });

  it('an undisrupted flight owes nothing; hotel never comes without transport; meal vouchers cover the whole party', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, (b, a, p, d) => {
        const out = assessEntitlements({ flight: withDelay(b, d), airline: a, passenger: p });
        if (!b.cancelled && d === 0) expect(out.entitlements).toEqual([]);
        const k = kinds(out);
        expect(k.includes('hotel')).toBe(k.includes('transport'));
        const meal = out.entitlements.find((e) => e.kind === 'meal');
        if (meal) {
          expect(meal.voucher!.quantity).toBe(p.persons * Number(meal.params.mealsPerPerson));
          expect(meal.voucher!.total).toEqual({ minor: 1500 * meal.voucher!.quantity, currency: 'EUR' });
        }
      }),
    );
  });

  it('the announced next threshold is exactly where meals start', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, (b, a, p, d) => {
        const next = assessEntitlements({ flight: withDelay(b, d), airline: a, passenger: p }).nextThreshold;
        if (!next) return;
        expect(next.delayMinutes).toBeGreaterThan(d);
        const at = assessEntitlements({ flight: withDelay(b, next.delayMinutes), airline: a, passenger: p });
        expect(kinds(at)).toContain('meal');
        const meal = at.entitlements.find((e) => e.kind === 'meal')!;
        // EU 261 / UK261 owe it as soon as such a delay is announced, offered by then at the latest; other rules count the wait.
        if (next.basis === 'expected_delay') expect([meal.from, meal.offerBy]).toEqual([null, next.at]);
        else expect(meal.from).toBe(next.at);
        const before = assessEntitlements({ flight: withDelay(b, next.delayMinutes - 1), airline: a, passenger: p });
        expect(kinds(before)).not.toContain('meal');
      }),
      {
        numRuns: 300,
        examples: [
          // Canada to France on a UK261 airline: APPR and UK261 both at 2 h; UK261 owes meals as soon as that is announced.
          [
            {
              distanceKm: 0,
              scheduledDeparture: '2026-01-01T00:00:00.000Z',
              cancelled: false,
              originCountry: 'CA',
              destinationCountry: 'FR',
              originTimeZone: 'Europe/Paris',
              noticeMinutes: undefined,
              disruptionCause: 'within_control',
            },
            { code: 'XX', name: 'Test Air', regimes: ['uk261'], mealVoucherPerPerson: { minor: 1500, currency: 'EUR' } },
            { persons: 1, reducedMobility: false, unaccompaniedChild: false },
            1,
          ],
        ],
      },
    );
  });

  it('every entitlement has a message key the apps know', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, (b, a, p, d) => {
        for (const e of assessEntitlements({ flight: withDelay(b, d), airline: a, passenger: p }).entitlements) {
          expect(ENTITLEMENT_MESSAGE_KEYS).toContain(entitlementMessageKey(e));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the cause of the disruption never changes what EU 261 or UK261 owe', () => {
    fc.assert(
      fc.property(baseFlight, airline, passenger, delay, (b, a, p, d) => {
        const law: AirlineConfig = { ...a, regimes: a.regimes.filter((r) => r !== 'appr') };
        // APPR binds every flight to or from Canada, and its care depends on the cause.
        if (b.originCountry === 'CA' || b.destinationCountry === 'CA') return;
        const f = withDelay(b, d);
        const within = assessEntitlements({ flight: { ...f, disruptionCause: 'within_control' }, airline: law, passenger: p });
        const weather = assessEntitlements({ flight: { ...f, disruptionCause: 'outside_control' }, airline: law, passenger: p });
        expect(weather).toEqual(within);
      }),
    );
  });

  it('every generated airline config passes its own schema', () => {
    fc.assert(
      fc.property(airline, (a) => {
        expect(AirlineConfigSchema.safeParse(a).success).toBe(true);
      }),
    );
  });
});
