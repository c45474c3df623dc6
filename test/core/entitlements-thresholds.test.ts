import { describe, expect, it } from 'vitest';
import type { AirlineConfig } from '../../core/index.ts';
import { ALONE, CA_AIRLINE, EU_AIRLINE, SCHEDULED, UK_AIRLINE, after, assess, flight, owed } from '../helpers/entitlement-fixtures.ts';

const CARE = ['meal', 'communication'];
const NIGHT = ['meal', 'communication', 'hotel', 'transport'];

/** One minute below, at, and one minute above a delay threshold. */
function aroundDelay(threshold: number) {
  return [
    { delay: threshold - 1, owed: false },
    { delay: threshold, owed: true },
    { delay: threshold + 1, owed: true },
  ];
}

describe('EU 261 delay thresholds by distance (Art. 6)', () => {
  it.each(aroundDelay(120))('up to 1500 km: care from 2 h — delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(owed(flight({ distanceKm: 1500, delayMinutes: delay }))).toEqual(yes ? CARE : []);
  });

  it.each(aroundDelay(180))('1500–3500 km: care from 3 h — delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(owed(flight({ distanceKm: 2500, destinationCountry: 'MA', delayMinutes: delay }))).toEqual(yes ? CARE : []);
  });

  it.each(aroundDelay(240))('over 3500 km leaving the EU: care from 4 h — delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(owed(flight({ distanceKm: 8950, destinationCountry: 'US', delayMinutes: delay }))).toEqual(yes ? CARE : []);
  });

  it.each(aroundDelay(180))('intra-EU over 3500 km (Paris–Réunion): care from 3 h — delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(owed(flight({ distanceKm: 9350, destinationCountry: 'RE', delayMinutes: delay }))).toEqual(yes ? CARE : []);
  });

  it.each(aroundDelay(180))('intra-EU just over 1500 km: care from 3 h — delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(owed(flight({ distanceKm: 1501, destinationCountry: 'GR', delayMinutes: delay }))).toEqual(yes ? CARE : []);
  });

  it.each([
    { km: 1499, owed: true },
    { km: 1500, owed: true },
    { km: 1501, owed: false },
  ])('at exactly 2 h, $km km is owed=$owed (the 1500 km boundary)', ({ km, owed: yes }) => {
    expect(owed(flight({ distanceKm: km, delayMinutes: 120 }))).toEqual(yes ? CARE : []);
    expect(assess(flight({ distanceKm: km, delayMinutes: 120 })).distanceBand).toBe(km <= 1500 ? 'up_to_1500' : '1500_to_3500');
  });

  it.each([
    { km: 3499, owed: true },
    { km: 3500, owed: true },
    { km: 3501, owed: false },
  ])('at exactly 3 h leaving the EU, $km km is owed=$owed (the 3500 km boundary)', ({ km, owed: yes }) => {
    expect(owed(flight({ distanceKm: km, destinationCountry: 'EG', delayMinutes: 180 }))).toEqual(yes ? CARE : []);
  });

  it.each([3499, 3500, 3501])('at exactly 3 h inside the EU, %i km is owed (intra-EU keeps 3 h beyond 3500 km)', (km) => {
    expect(owed(flight({ distanceKm: km, destinationCountry: 'PT', delayMinutes: 180 }))).toEqual(CARE);
  });

  it('an unknown destination country is not treated as intra-EU (never a shorter threshold by guess)', () => {
    expect(owed(flight({ distanceKm: 9350, destinationCountry: undefined, delayMinutes: 180 }))).toEqual([]);
  });

  it('a 3 h delay announced on a 15:30 departure: meals owed now, to be offered by 18:30 Paris time at the latest (Art. 6(1)(b)(i), 6(2))', () => {
    const a = assess(flight({ distanceKm: 2100, destinationCountry: 'GR', delayMinutes: 200 }));
    const meal = a.entitlements.find((e) => e.kind === 'meal')!;
    expect(meal.from).toBeNull();
    expect(meal.offerBy).toBe('2026-11-23T17:30:00.000Z');
    expect(new Date(meal.offerBy!).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' })).toBe('18:30');
    expect(meal).toMatchObject({
      source: 'eu261',
      reason: 'delay_threshold',
      legalBasis: 'EU 261/2004 Art. 6(1)(b)(i), Art. 9(1)(a)',
      threshold: { delayMinutes: 180, distanceBand: '1500_to_3500', withinRegion: true, noticeUnderHours: null },
      params: {
        thresholdHours: 3,
        thresholdMinutes: 180,
        offerBy: '2026-11-23T17:30:00.000Z',
        delayMinutes: 200,
        amountMinor: 1200,
        currency: 'EUR',
      },
    });
    expect(meal.params.from).toBeUndefined();
    expect(a.entitlements.find((e) => e.kind === 'communication')!.legalBasis).toBe('EU 261/2004 Art. 6(1)(b)(i), Art. 9(2)');
    expect(a.entitlements.find((e) => e.kind === 'communication')!.params.count).toBe(2);
  });

  it('pre-fills a meal voucher: the airline amount per person times the party', () => {
    const a = assess(flight({ delayMinutes: 150 }), EU_AIRLINE, { ...ALONE, persons: 3 });
    expect(a.entitlements.find((e) => e.kind === 'meal')!.voucher).toEqual({
      voucherKind: 'meal',
      unit: { minor: 1200, currency: 'EUR' },
      quantity: 3,
      total: { minor: 3600, currency: 'EUR' },
    });
  });

  it('an airline without a meal amount still owes the meal, with the amount left to staff', () => {
    const { mealVoucherPerPerson: _m, ...noAmount } = EU_AIRLINE;
    const meal = assess(flight({ delayMinutes: 150 }), noAmount).entitlements.find((e) => e.kind === 'meal')!;
    expect(meal.voucher).toMatchObject({ unit: null, total: null, quantity: 1 });
  });
});

describe('overnight: hotel and transport when the new departure is the next local day (Art. 9(1)(b)(c))', () => {
  // 21:00 in Paris; 2 h threshold (800 km).
  const evening = '2026-11-23T20:00:00.000Z';

  it.each([
    { label: '23:59 the same day', estimated: '2026-11-23T22:59:00.000Z', expected: CARE },
    { label: '00:00 the next day', estimated: '2026-11-23T23:00:00.000Z', expected: NIGHT },
    { label: '00:01 the next day', estimated: '2026-11-23T23:01:00.000Z', expected: NIGHT },
  ])('new departure at $label (Paris)', ({ estimated, expected }) => {
    expect(owed(flight({ scheduledDeparture: evening, estimatedDeparture: estimated, status: 'delayed' }))).toEqual(expected);
  });

  it('counts the airport day, not the UTC day', () => {
    const f = flight({ scheduledDeparture: evening, estimatedDeparture: '2026-11-23T23:30:00.000Z', status: 'delayed' });
    expect(assess(f).overnight).toBe(true);
    expect(assess({ ...f, originTimeZone: 'UTC' }).overnight).toBe(false);
  });

  it('past midnight but under the distance threshold is no hotel (Art. 6 needs both)', () => {
    const f = flight({ scheduledDeparture: '2026-11-23T22:00:00.000Z', estimatedDeparture: '2026-11-23T23:30:00.000Z', status: 'delayed' });
    expect(assess(f).overnight).toBe(true);
    expect(owed(f)).toEqual([]);
  });

  it('pre-fills a hotel night and a taxi there and back', () => {
    const a = assess(flight({ scheduledDeparture: evening, estimatedDeparture: '2026-11-24T06:30:00.000Z', status: 'delayed' }));
    expect(a.entitlements.find((e) => e.kind === 'hotel')).toMatchObject({
      reason: 'overnight',
      from: null,
      offerBy: '2026-11-23T22:00:00.000Z',
      legalBasis: 'EU 261/2004 Art. 6(1)(a)(ii), Art. 9(1)(b)',
      voucher: { voucherKind: 'hotel', quantity: 1, total: { minor: 14000, currency: 'EUR' } },
      params: { nights: 1 },
    });
    expect(a.entitlements.find((e) => e.kind === 'transport')).toMatchObject({
      legalBasis: 'EU 261/2004 Art. 6(1)(a)(ii), Art. 9(1)(c)',
      voucher: { voucherKind: 'taxi', quantity: 2, total: { minor: 7000, currency: 'EUR' } },
    });
  });
});

describe('cancellation (Art. 5(1)(b))', () => {
  it('owes meals and calls at once, and a hotel when rebooked the next day', () => {
    const f = flight({ scheduledDeparture: '2026-11-23T19:45:00.000Z', estimatedDeparture: '2026-11-24T06:30:00.000Z', status: 'cancelled' });
    const a = assess(f);
    expect(a.entitlements.map((e) => [e.kind, e.reason, e.from])).toEqual([
      ['meal', 'cancellation', null],
      ['communication', 'cancellation', null],
      ['hotel', 'overnight', null],
      ['transport', 'overnight', null],
    ]);
  });

  it('rebooked the same evening: meals and calls, no hotel', () => {
    const f = flight({ delayMinutes: 60, status: 'cancelled' });
    expect(owed(f)).toEqual(CARE);
  });
});

describe('Art. 11: reduced mobility and unaccompanied children get care as soon as possible', () => {
  const prm = { ...ALONE, reducedMobility: true };
  const minor = { ...ALONE, unaccompaniedChild: true };

  it.each([
    { delay: 0, expected: [] },
    { delay: 1, expected: ['priority_care', 'meal', 'communication'] },
    { delay: 119, expected: ['priority_care', 'meal', 'communication'] },
  ])('reduced mobility, delay $delay min', ({ delay, expected }) => {
    expect(owed(flight({ delayMinutes: delay }), EU_AIRLINE, prm)).toEqual(expected);
    expect(owed(flight({ delayMinutes: delay }), EU_AIRLINE, minor)).toEqual(expected);
  });

  it('care is owed now, not from the threshold, and says why', () => {
    const meal = assess(flight({ delayMinutes: 150 }), EU_AIRLINE, minor).entitlements.find((e) => e.kind === 'meal')!;
    // Both Art. 6 and Art. 11 owe it now; Art. 11(2) "as soon as possible" has no later deadline, so it is the one cited.
    expect(meal).toMatchObject({ reason: 'priority_passenger', from: null, offerBy: null, legalBasis: 'EU 261/2004 Art. 11(2), Art. 9(1)(a)' });
    const priority = assess(flight({ delayMinutes: 150 }), EU_AIRLINE, minor).entitlements.find((e) => e.kind === 'priority_care')!;
    expect(priority.legalBasis).toBe('EU 261/2004 Art. 11(1)');
  });

  it('a short overnight delay still gives them the hotel', () => {
    const f = flight({ scheduledDeparture: '2026-11-23T22:00:00.000Z', estimatedDeparture: '2026-11-23T23:30:00.000Z', status: 'delayed' });
    expect(owed(f, EU_AIRLINE, prm)).toEqual(['priority_care', ...NIGHT]);
  });

  it('is not part of APPR care', () => {
    expect(owed(flight({ delayMinutes: 30, originCountry: 'CA', destinationCountry: 'FR' }), CA_AIRLINE, prm)).toEqual([]);
  });
});

describe('UK261 keeps the same thresholds', () => {
  const uk = (distanceKm: number, delayMinutes: number, destinationCountry = 'US') =>
    owed(flight({ distanceKm, delayMinutes, originCountry: 'GB', destinationCountry, originTimeZone: 'Europe/London' }), UK_AIRLINE);

  it.each(aroundDelay(120))('up to 1500 km, delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(uk(1500, delay, 'FR')).toEqual(yes ? CARE : []);
  });
  it.each(aroundDelay(180))('1500–3500 km, delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(uk(3500, delay, 'GR')).toEqual(yes ? CARE : []);
  });
  it.each(aroundDelay(240))('over 3500 km, delay $delay min owed=$owed', ({ delay, owed: yes }) => {
    expect(uk(3501, delay)).toEqual(yes ? CARE : []);
  });
  it('cites UK261', () => {
    expect(assess(flight({ delayMinutes: 130, originCountry: 'GB' }), UK_AIRLINE).entitlements[0]!.legalBasis).toBe(
      'UK261 Art. 6(1)(a)(i), Art. 9(1)(a)',
    );
  });
});

describe('Canada APPR s. 14: told less than 12 h before, and 2 h waited', () => {
  const ca = (delayMinutes: number, noticeMinutes?: number) =>
    flight({
      delayMinutes,
      originCountry: 'CA',
      destinationCountry: 'FR',
      originTimeZone: 'America/Toronto',
      delayAnnouncedAt: noticeMinutes === undefined ? undefined : after(SCHEDULED, -noticeMinutes),
    });

  it.each(aroundDelay(120))('short notice, waited $delay min: owed=$owed', ({ delay, owed: yes }) => {
    expect(owed(ca(delay, 60), CA_AIRLINE)).toEqual(yes ? CARE : []);
  });

  it.each([
    { notice: 12 * 60 - 1, owed: true },
    { notice: 12 * 60, owed: false },
    { notice: 12 * 60 + 1, owed: false },
  ])('told $notice min before departure, 3 h wait: owed=$owed', ({ notice, owed: yes }) => {
    expect(owed(ca(180, notice), CA_AIRLINE)).toEqual(yes ? CARE : []);
  });

  it('when nobody recorded the announcement, counts it as short notice', () => {
    expect(owed(ca(130), CA_AIRLINE)).toEqual(CARE);
  });

  it('the 2 h wait applies whatever the distance', () => {
    expect(owed({ ...ca(120, 30), distanceKm: 9000 }, CA_AIRLINE)).toEqual(CARE);
  });

  it('an overnight wait adds hotel and transport; food from 2 h after the original departure', () => {
    const f = { ...ca(0, 30), estimatedDeparture: '2026-11-24T14:00:00.000Z', status: 'delayed' as const };
    const a = assess(f, CA_AIRLINE);
    expect(a.entitlements.map((e) => [e.kind, e.reason, e.legalBasis])).toEqual([
      ['meal', 'short_notice_wait', 'APPR s. 14(1)(a)'],
      ['communication', 'short_notice_wait', 'APPR s. 14(1)(b)'],
      ['hotel', 'overnight', 'APPR s. 14(2)'],
      ['transport', 'overnight', 'APPR s. 14(2)'],
    ]);
    expect(a.entitlements[0]).toMatchObject({ from: after(SCHEDULED, 120), threshold: { delayMinutes: 120, noticeUnderHours: 12 } });
    expect(a.entitlements[0]!.params.communication).toBeUndefined();
    expect(a.entitlements[1]!.params.count).toBeUndefined();
  });

  it.each([
    { cause: undefined, owed: true },
    { cause: 'within_control' as const, owed: true },
    { cause: 'safety' as const, owed: true },
    { cause: 'outside_control' as const, owed: false },
  ])("cause $cause: APPR care owed=$owed (s. 10 owes none outside the carrier's control)", ({ cause, owed: yes }) => {
    const f = { ...ca(180, 60), disruptionCause: cause };
    expect(owed(f, CA_AIRLINE)).toEqual(yes ? CARE : []);
    expect(assess({ ...ca(60, 60), disruptionCause: cause }, CA_AIRLINE).nextThreshold).toEqual(
      yes ? { source: 'appr', basis: 'wait', delayMinutes: 120, at: after(SCHEDULED, 120) } : null,
    );
  });

  it('EU 261 owes care whatever the cause, weather included', () => {
    expect(
      owed(
        { ...ca(180, 60), disruptionCause: 'outside_control', originCountry: 'FR', distanceKm: 800 },
        { ...CA_AIRLINE, regimes: ['eu261', 'appr'] },
      ),
    ).toEqual(CARE);
  });

  it('a cancellation rebooked 2 h or more later is treated as the wait it causes', () => {
    expect(owed({ ...ca(119, 60), status: 'cancelled' }, CA_AIRLINE)).toEqual([]);
    expect(owed({ ...ca(120, 60), status: 'cancelled' }, CA_AIRLINE)).toEqual(CARE);
  });
});

describe('the regime comes from the airline config', () => {
  it('the same delayed flight from Canada, long notice: EU 261 on an EU carrier owes care, APPR does not', () => {
    const f = flight({
      delayMinutes: 150,
      originCountry: 'CA',
      destinationCountry: 'FR',
      originTimeZone: 'America/Toronto',
      delayAnnouncedAt: after(SCHEDULED, -24 * 60),
    });
    expect(owed(f, { ...EU_AIRLINE, country: 'FR' })).toEqual(CARE);
    expect(owed(f, CA_AIRLINE)).toEqual([]);
    expect(assess(f, { ...CA_AIRLINE, regimes: ['eu261', 'appr'] }).entitlements.map((e) => e.source)).toEqual(['eu261', 'eu261']);
  });

  it('under two regimes the earliest care wins', () => {
    // 2000 km Paris–Montreal-ish leg: EU 3 h, APPR 2 h with short notice.
    const f = (delayMinutes: number) => flight({ distanceKm: 2000, destinationCountry: 'CA', delayMinutes, delayAnnouncedAt: after(SCHEDULED, -60) });
    const meal = (delayMinutes: number) => assess(f(delayMinutes), CA_AIRLINE).entitlements.find((e) => e.kind === 'meal')!;
    // Under 3 h EU 261 owes nothing yet: APPR's food after 2 h of waiting.
    expect(meal(170)).toMatchObject({ source: 'appr', from: after(SCHEDULED, 120), offerBy: null });
    // A 3 h delay announced: EU 261 owes it now, which is sooner than any wait.
    expect(meal(200)).toMatchObject({ source: 'eu261', from: null, offerBy: after(SCHEDULED, 180) });
  });

  it("an airline's own more generous policy gives meals and calls earlier", () => {
    const generous = { ...EU_AIRLINE, ownPolicy: { careFromMinutes: 60 } };
    expect(owed(flight({ delayMinutes: 59 }), generous)).toEqual([]);
    expect(owed(flight({ delayMinutes: 60 }), generous)).toEqual(CARE);
    const meal = assess(flight({ delayMinutes: 90 }), generous).entitlements.find((e) => e.kind === 'meal')!;
    expect(meal).toMatchObject({ source: 'airline_policy', from: after(SCHEDULED, 60), legalBasis: 'Air France care policy' });
    expect(assess(flight({ delayMinutes: 150 }), generous).sources).toEqual(['eu261', 'airline_policy']);
  });

  it('an on-time flight owes nothing', () => {
    expect(owed(flight({ delayMinutes: 0 }), { ...EU_AIRLINE, ownPolicy: { careFromMinutes: 0 } })).toEqual([]);
  });
});

describe('the next threshold, for "if the delay reaches 2 h you will get a meal"', () => {
  it('names the first care threshold the delay has not reached, and when it would be reached', () => {
    expect(assess(flight({ delayMinutes: 60 })).nextThreshold).toEqual({
      source: 'eu261',
      basis: 'expected_delay',
      delayMinutes: 120,
      at: after(SCHEDULED, 120),
    });
    expect(assess(flight({ delayMinutes: 119 })).nextThreshold).toMatchObject({ delayMinutes: 120 });
    expect(assess(flight({ delayMinutes: 120 })).nextThreshold).toBeNull();
  });

  it('is silent for an on-time or cancelled flight', () => {
    expect(assess(flight({ delayMinutes: 0 })).nextThreshold).toBeNull();
    expect(assess(flight({ delayMinutes: 30, status: 'cancelled' })).nextThreshold).toBeNull();
  });

  it('picks the earliest rule: APPR on short notice, the airline policy, else the law', () => {
    const montreal = flight({ distanceKm: 5530, destinationCountry: 'CA', delayMinutes: 30 });
    const both = { ...CA_AIRLINE, regimes: ['eu261' as const, 'appr' as const] };
    expect(assess({ ...montreal, delayAnnouncedAt: after(SCHEDULED, -60) }, both).nextThreshold).toMatchObject({ source: 'appr', delayMinutes: 120 });
    expect(assess({ ...montreal, delayAnnouncedAt: after(SCHEDULED, -13 * 60) }, both).nextThreshold).toMatchObject({
      source: 'eu261',
      delayMinutes: 240,
    });
    expect(assess(montreal, { ...EU_AIRLINE, ownPolicy: { careFromMinutes: 90 } }).nextThreshold).toMatchObject({
      source: 'airline_policy',
      delayMinutes: 90,
    });
  });
});

describe('meals in relation to the waiting time (airline mealEveryHours)', () => {
  const hungry: AirlineConfig = { ...EU_AIRLINE, mealEveryHours: 4 };
  const meal = (delayMinutes: number, airline = hungry, persons = 1) =>
    assess(flight({ delayMinutes }), airline, { ...ALONE, persons }).entitlements.find((e) => e.kind === 'meal')!;

  it.each([
    { delay: 120 + 4 * 60 - 1, meals: 1 },
    { delay: 120 + 4 * 60, meals: 2 },
    { delay: 120 + 4 * 60 + 1, meals: 2 },
    { delay: 120 + 8 * 60, meals: 3 },
  ])('care from 2 h, another meal every 4 h: delay $delay min gives $meals per person', ({ delay, meals }) => {
    expect(meal(delay).params.mealsPerPerson).toBe(meals);
    expect(meal(delay, hungry, 3).voucher).toMatchObject({ quantity: 3 * meals, total: { minor: 1200 * 3 * meals, currency: 'EUR' } });
  });

  it('without the setting, one meal per person whatever the wait', () => {
    expect(meal(20 * 60, EU_AIRLINE, 2).voucher).toMatchObject({ quantity: 2, total: { minor: 2400 } });
  });

  it('care owed at once (cancellation, Art. 11) counts the wait from the scheduled departure', () => {
    const f = flight({ delayMinutes: 4 * 60, status: 'cancelled' });
    expect(assess(f, hungry).entitlements.find((e) => e.kind === 'meal')!.params.mealsPerPerson).toBe(2);
  });
});
