import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AirlineConfig,
  apply,
  decimalText,
  formatMoney,
  minorDigits,
  moneyFromDecimal,
  moneyText,
  parseMoney,
  sumMoney,
  timesMoney,
} from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { op, SYSTEM } from '../helpers/ops.ts';

const currency = fc.constantFrom('EUR', 'GBP', 'CAD', 'JPY', 'KWD');
const minor = fc.integer({ min: 0, max: 10 ** 12 });
const LOCALES = ['en-GB', 'fr', 'es', 'de', 'it', 'zh'];

/** Reads a screen's text back: digits and the locale's decimal mark, nothing else. */
function readBack(text: string, locale: string): string {
  const mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')!.value;
  return [...text]
    .filter((c) => /\d/.test(c) || c === mark)
    .join('')
    .replace(mark, '.');
}

describe('money in integer minor units (core/money.ts)', () => {
  it('reading the decimal text of any amount gives the same amount back, in every currency', () => {
    fc.assert(
      fc.property(minor, currency, (m, c) => {
        const read = parseMoney(decimalText({ minor: m, currency: c }), c);
        expect(read).toEqual({ ok: true, money: { minor: m, currency: c } });
      }),
    );
  });

  it('what a screen shows in each language reads back as the same amount', () => {
    fc.assert(
      fc.property(minor, currency, fc.constantFrom(...LOCALES), (m, c, locale) => {
        const shown = formatMoney({ minor: m, currency: c }, locale);
        expect(parseMoney(readBack(shown, locale), c)).toEqual({ ok: true, money: { minor: m, currency: c } });
      }),
    );
  });

  it('a config decimal is read exactly: every amount with the currency’s digits, never a neighbour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), currency, (m, c) => {
        const decimal = m / 10 ** minorDigits(c);
        expect(moneyFromDecimal(decimal, c)).toEqual({ ok: true, money: { minor: m, currency: c } });
      }),
    );
    expect(moneyFromDecimal(12.345, 'EUR')).toEqual({ ok: false, reason: 'an amount has at most two decimals' });
    expect(moneyFromDecimal(1500.5, 'JPY')).toEqual({ ok: false, reason: 'an amount in JPY has no decimals' });
    expect(moneyFromDecimal(0.1 + 0.2, 'EUR')).toMatchObject({ ok: false });
  });

  it('sums and products are exact where decimals of a double are not', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 50 }), fc.integer({ min: 0, max: 100 }), (minors, times) => {
        const items = minors.map((m) => ({ minor: m, currency: 'EUR' }));
        const total = sumMoney(items, 'EUR');
        expect(total.minor).toBe(minors.reduce((a, b) => a + b, 0));
        // Adding the texts as written by hand (BigInt of the digits) agrees to the cent.
        const byHand = minors.reduce((a, m) => a + BigInt(decimalText({ minor: m, currency: 'EUR' }).replace('.', '')), 0n);
        expect(BigInt(total.minor)).toBe(byHand);
        expect(timesMoney(total, times).minor).toBe(total.minor * times);
      }),
    );
    const dime = parseMoney('0.10', 'EUR');
    const twenty = parseMoney('0,20', 'EUR');
    expect(dime.ok && twenty.ok && sumMoney([dime.money, twenty.money], 'EUR')).toEqual({ minor: 30, currency: 'EUR' });
    expect(() => sumMoney([{ minor: 1, currency: 'GBP' }], 'EUR')).toThrow('cannot add GBP to a sum in EUR');
  });

  it('bad amounts are refused with a reason a person can act on', () => {
    expect(parseMoney('12.345', 'EUR')).toEqual({ ok: false, reason: 'an amount has at most two decimals' });
    expect(parseMoney('-5', 'EUR')).toEqual({ ok: false, reason: '"-5" is not an amount: write it like 15 or 15.50' });
    expect(parseMoney('lots', 'EUR')).toEqual({ ok: false, reason: '"lots" is not an amount: write it like 15 or 15.50' });
    expect(parseMoney('15', 'euro')).toEqual({ ok: false, reason: 'a currency is a three-letter ISO code, like EUR (not "euro")' });
    expect(parseMoney('1.5', 'KWD')).toEqual({ ok: true, money: { minor: 1500, currency: 'KWD' } });
  });

  it('one formatter per locale for screens, one locale-free text for logs and reasons', () => {
    const m = { minor: 123450, currency: 'EUR' };
    expect(formatMoney(m, 'en-GB')).toBe('€1,234.50');
    expect(formatMoney(m, 'fr')).toBe('1\u202f234,50\u00a0€');
    expect(formatMoney({ minor: 1500, currency: 'EUR' }, 'en-GB', { trimWhole: true })).toBe('€15');
    expect(formatMoney({ minor: 1850, currency: 'EUR' }, 'en-GB', { trimWhole: true })).toBe('€18.50');
    expect(formatMoney({ minor: 1500, currency: 'JPY' }, 'en-GB')).toBe('JP¥1,500');
    expect(moneyText(m)).toBe('1234.50 EUR');
  });
});

describe('airline amounts: decimals in a config, minor units in the state', () => {
  const lh = { code: 'LH', name: 'Lufthansa', regimes: ['eu261' as const] };

  it('a config in decimals and one in minor units give the same airline', () => {
    const fromDecimals = AirlineConfig.parse({ ...lh, mealVoucherPerPerson: { amount: 18.5, currency: 'EUR' } });
    const fromMinor = AirlineConfig.parse({ ...lh, mealVoucherPerPerson: { minor: 1850, currency: 'EUR' } });
    expect(fromDecimals).toEqual(fromMinor);
    expect(fromDecimals.mealVoucherPerPerson).toEqual({ minor: 1850, currency: 'EUR' });
    const both = AirlineConfig.safeParse({ ...lh, mealVoucherPerPerson: { amount: 18.5, minor: 1850, currency: 'EUR' } });
    expect(both.success ? null : both.error.issues[0]!.message).toBe(
      'give an amount either in decimals ({ amount: 15.5 }) or in minor units ({ minor: 1550 })',
    );
  });

  it('an airline stored in decimals before minor units replays into minor units', () => {
    const s = demoState(new Date('2026-11-23T12:00:00Z'));
    const legacy = { ...lh, mealVoucherPerPerson: { amount: 12.3, currency: 'EUR' } } as unknown as AirlineConfig;
    const out = apply(s, op(SYSTEM, { type: 'airline.upsert', payload: legacy }), { seq: s.seq + 1, at: '2026-11-23T12:00:00Z' });
    expect(out.ok && out.state.airlines.LH!.mealVoucherPerPerson).toEqual({ minor: 1230, currency: 'EUR' });
  });
});
