import { describe, expect, it } from 'vitest';
import type { AirlineConfig, EntitlementFlight, Regime } from '../../core/index.ts';
import { entitlementsForFlight } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { SCHEDULED, after, assess, flight } from '../helpers/entitlement-fixtures.ts';

/** Every configuration a duty manager can save, and the empty one an old or hand-made record may hold. */
const CONFIGS: Record<string, Regime[]> = {
  none: [],
  'APPR only': ['appr'],
  'EU only': ['eu261'],
  'UK only': ['uk261'],
  'EU + UK': ['eu261', 'uk261'],
  'EU + APPR': ['eu261', 'appr'],
  'UK + APPR': ['uk261', 'appr'],
  'all three': ['eu261', 'uk261', 'appr'],
};

const carrier = (regimes: Regime[], country: string): AirlineConfig => ({
  code: country === 'FR' ? 'AF' : country === 'GB' ? 'BA' : 'AC',
  name: 'Test carrier',
  regimes,
  country,
  mealVoucherPerPerson: { minor: 1500, currency: 'EUR' },
});

// Short notice, so APPR's 2 h wait counts wherever APPR applies.
const told = after(SCHEDULED, -30);
const fromParis = flight({ distanceKm: 830, destinationCountry: 'ES', delayMinutes: 150, delayAnnouncedAt: told });
const fromLondon = flight({
  distanceKm: 344,
  originCountry: 'GB',
  destinationCountry: 'FR',
  originTimeZone: 'Europe/London',
  delayMinutes: 150,
  delayAnnouncedAt: told,
});
// Over 3500 km from outside the EU: EU 261 from 4 h, APPR after 2 h of waiting.
const montrealToParis = (delayMinutes: number): EntitlementFlight =>
  flight({
    distanceKm: 5530,
    originCountry: 'CA',
    destinationCountry: 'FR',
    originTimeZone: 'America/Toronto',
    delayMinutes,
    delayAnnouncedAt: told,
  });

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('the law is a floor: airline configuration only adds (issue 12, item 5)', () => {
  describe.each(Object.entries(CONFIGS))('airline configured with %s', (_label, regimes) => {
    it('from Paris, any carrier: EU 261 always applies; meals owed now, by scheduled + 2 h', () => {
      for (const country of ['FR', 'GB', 'CA', 'US']) {
        const a = assess(fromParis, carrier(regimes, country));
        expect(a.sources).toContain('eu261');
        expect(sorted(a.sources)).toEqual(sorted([...new Set<Regime>(['eu261', ...regimes])]));
        const meal = a.entitlements.find((e) => e.kind === 'meal')!;
        expect(meal).toMatchObject({ from: null, offerBy: after(SCHEDULED, 120) });
        expect(meal.legalBasis).toMatch(/^(EU 261\/2004|UK261) Art\. 6\(1\)\(a\)\(i\), Art\. 9\(1\)\(a\)$/);
      }
    });

    it('from London, any carrier: UK261 always applies; EU 261 into Paris only for an EU carrier or when configured', () => {
      const eu = assess(fromLondon, carrier(regimes, 'FR'));
      expect(sorted(eu.sources)).toEqual(sorted([...new Set<Regime>(['eu261', 'uk261', ...regimes])]));
      const uk = assess(fromLondon, carrier(regimes, 'GB'));
      expect(sorted(uk.sources)).toEqual(sorted([...new Set<Regime>(['uk261', ...regimes])]));
      for (const a of [eu, uk]) expect(a.entitlements.find((e) => e.kind === 'meal')).toMatchObject({ from: null, offerBy: after(SCHEDULED, 120) });
    });

    it('from Montreal into Paris: APPR always; EU 261 as well on an EU carrier, not on a non-EU one unless configured', () => {
      const euCarrier = assess(montrealToParis(250), carrier(regimes, 'FR'));
      expect(sorted(euCarrier.sources)).toEqual(sorted([...new Set<Regime>(['eu261', 'appr', ...regimes])]));
      // 4 h 10 late: EU 261's 4 h threshold is reached, so meals are owed now rather than after the 2 h wait.
      expect(euCarrier.entitlements.find((e) => e.kind === 'meal')).toMatchObject({ source: 'eu261', from: null, offerBy: after(SCHEDULED, 240) });

      const other = assess(montrealToParis(250), carrier(regimes, 'CA'));
      expect(sorted(other.sources)).toEqual(sorted([...new Set<Regime>(['appr', ...regimes])]));
      const meal = other.entitlements.find((e) => e.kind === 'meal')!;
      // A law the airline applies of its own accord (EU 261 or UK261 here) owes its care like the law would.
      if (regimes.includes('eu261')) expect(meal).toMatchObject({ source: 'eu261', from: null });
      else if (regimes.includes('uk261')) expect(meal).toMatchObject({ source: 'uk261', from: null });
      else expect(meal).toMatchObject({ source: 'appr', from: after(SCHEDULED, 120), offerBy: null });
    });
  });

  it("the airline's own policy adds earlier care on top of the law, never instead of it", () => {
    const a = assess({ ...fromParis, estimatedDeparture: after(SCHEDULED, 90) }, { ...carrier([], 'FR'), ownPolicy: { careFromMinutes: 60 } });
    expect(a.sources).toEqual(['eu261', 'airline_policy']);
    expect(a.entitlements.find((e) => e.kind === 'meal')).toMatchObject({ source: 'airline_policy', from: after(SCHEDULED, 60) });
    expect(a.nextThreshold).toBeNull();
  });

  it('the demo airport: Air France configured with APPR only still owes EU 261 on AF1634 from Paris', () => {
    const s = demoState(new Date('2026-11-23T18:00:00.000Z'));
    const af1634 = Object.values(s.flights).find((f) => f.number === 'AF1634')!;
    const aprOnly = { ...s, airlines: { ...s.airlines, AF: { ...s.airlines.AF!, regimes: ['appr' as const] } } };
    const a = entitlementsForFlight(aprOnly, af1634)!;
    expect(a.sources).toEqual(['eu261', 'appr']);
    expect(a.entitlements.find((e) => e.kind === 'meal')).toMatchObject({ source: 'eu261', from: null });
  });
});
