import { describe, expect, it } from 'vitest';
import { DEMO_AIRLINES } from '../../server/demo-airport.ts';
import { draftOf, readDraft } from '../../staff-app/src/manager/airline-form.ts';

const af = DEMO_AIRLINES.find((a) => a.code === 'AF')!;

describe('airline form: what the duty manager types becomes the config the hub checks', () => {
  it('every demo airline comes back unchanged through the form', () => {
    for (const a of DEMO_AIRLINES) expect(readDraft(draftOf(a))).toEqual({ ok: true, config: a });
  });

  it('shows amounts with two decimals and reads decimal commas, lower-case codes and empty fields', () => {
    const d = draftOf(af);
    expect(d.meal).toEqual({ amount: '15.00', currency: 'EUR' });
    const read = readDraft({
      ...d,
      code: ' af',
      meal: { amount: '18,50', currency: 'eur' },
      hotel: { amount: '', currency: 'EUR' },
      careFromMinutes: '60',
    });
    expect(read).toEqual({
      ok: true,
      config: {
        code: 'AF',
        country: 'FR',
        name: 'Air France',
        regimes: ['eu261'],
        ownPolicy: { careFromMinutes: 60 },
        mealVoucherPerPerson: { minor: 1850, currency: 'EUR' },
        transportPerTrip: af.transportPerTrip,
      },
    });
  });

  it("names the field and gives the core schema's reason for a bad value", () => {
    expect(readDraft({ ...draftOf(af), meal: { amount: '12.345', currency: 'EUR' } })).toEqual({
      ok: false,
      errors: [{ field: 'meal', message: 'an amount has at most two decimals' }],
    });
    expect(readDraft({ ...draftOf(af), regimes: [] })).toEqual({
      ok: false,
      errors: [{ field: 'form', message: 'an airline needs at least one passenger-rights law (EU 261, UK261, Canada APPR) or its own policy' }],
    });
    expect(readDraft({ ...draftOf(af), careFromMinutes: '90.5', mealEveryHours: '1' })).toEqual({
      ok: false,
      errors: [
        { field: 'careFromMinutes', message: 'care starts after a whole number of minutes' },
        { field: 'mealEveryHours', message: 'a meal every 2 hours at most often' },
      ],
    });
    expect(readDraft({ ...draftOf(null), name: 'Lufthansa', regimes: ['eu261'] })).toMatchObject({
      ok: false,
      errors: [{ field: 'code', message: expect.stringContaining('two-character IATA designator') }],
    });
  });

  it('says so when an amount is not a number at all', () => {
    expect(readDraft({ ...draftOf(af), hotel: { amount: 'lots', currency: 'EUR' } })).toEqual({
      ok: false,
      errors: [{ field: 'hotel', message: '“lots” is not a number' }],
    });
  });
});
