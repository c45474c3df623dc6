import { z } from 'zod';
import { minorDigits, moneyFromDecimal, type Money as PlainMoney } from '../money.ts';
import { MINOR_RULES } from '../hotel-values.ts';

/** The passenger-rights laws the engine knows. */
export const Regime = z.enum(['eu261', 'uk261', 'appr']);
export type Regime = z.infer<typeof Regime>;

export const AirlineCode = z.string().regex(/^[A-Z0-9]{2}$/, 'an airline code is the two-character IATA designator, like AF');

const MAX_MAJOR = 100000;

/**
 * An amount in an airline's rules. Stored and sent in minor units (`{ minor: 1550, currency: 'EUR' }`,
 * core/money.ts); a configuration written in decimals (`{ amount: 15.5, currency: 'EUR' }`, the
 * format airline configs always had) is read exactly into minor units, or refused with the reason.
 */
export const Money = z
  .object({
    amount: z.number().positive('an amount must be more than zero').max(MAX_MAJOR, `an amount is at most ${MAX_MAJOR}`).optional(),
    minor: z.number().int('an amount in minor units is a whole number').positive('an amount must be more than zero').optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code, like EUR'),
  })
  .strict()
  .transform((m, ctx): PlainMoney => {
    if ((m.amount === undefined) === (m.minor === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give an amount either in decimals ({ amount: 15.5 }) or in minor units ({ minor: 1550 })' });
      return z.NEVER;
    }
    const read =
      m.minor !== undefined ? { ok: true as const, money: { minor: m.minor, currency: m.currency } } : moneyFromDecimal(m.amount!, m.currency);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.reason, path: ['amount'] });
      return z.NEVER;
    }
    if (read.money.minor > MAX_MAJOR * 10 ** minorDigits(m.currency)) {
      ctx.addIssue({ code: 'custom', message: `an amount is at most ${MAX_MAJOR}`, path: ['minor'] });
      return z.NEVER;
    }
    return read.money;
  });
export type Money = PlainMoney;
/** An amount as a configuration writes it: decimals (`{ amount: 15.5 }`) or minor units (`{ minor: 1550 }`). */
export type MoneyInput = z.input<typeof Money>;

/**
 * What an airline commits to at this airport: the laws it applies (a flight can fall under two,
 * e.g. Paris to Montreal on a Canadian carrier) and, optionally, its own more generous promise.
 */
export const AirlineConfig = z
  .object({
    code: AirlineCode,
    name: z.string().trim().min(1, 'an airline needs a name').max(60, 'an airline name has at most 60 characters'),
    /**
     * Laws the airline applies on top of those that bind every flight here (the departure's law, and
     * for an EU or UK carrier the arrival's): listing fewer never removes the law.
     */
    regimes: z.array(Regime).max(Regime.options.length),
    /** Country that licensed the carrier (ISO code, e.g. FR): an EU or UK carrier owes EU 261 / UK261 on flights into the EU / UK too. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO code, like FR')
      .optional(),
    /** Meals and calls from this many minutes of delay, whatever the distance: only ever adds to the law. */
    ownPolicy: z
      .object({
        careFromMinutes: z
          .number()
          .int('care starts after a whole number of minutes')
          .min(0, 'care cannot start before the delay')
          .max(24 * 60, 'care starts within 24 hours (1440 minutes) at the latest'),
      })
      .strict()
      .optional(),
    /** Suggested meal voucher per person; without it staff choose the amount. */
    mealVoucherPerPerson: Money.optional(),
    /** Meals "in reasonable relation to the waiting time": one more per person for each further this many hours. */
    mealEveryHours: z
      .number()
      .int('a meal every whole number of hours')
      .min(2, 'a meal every 2 hours at most often')
      .max(24, 'a meal at least every 24 hours')
      .optional(),
    /**
     * Meal voucher per person by cabin class, for a whole flight's issue: a cabin not named takes
     * `mealVoucherPerPerson`. Keys are the passenger list's cabins.
     */
    mealVoucherByCabin: z
      .object({ first: Money.optional(), business: Money.optional(), premium_economy: Money.optional(), economy: Money.optional() })
      .strict()
      .optional(),
    /** Each listed passenger who was given meal care gets the next meal voucher by themselves when the delay reaches it (else one tap by a duty manager). */
    autoTopUp: z.boolean().optional(),
    hotelPerNight: Money.optional(),
    /** What the airline does with an unaccompanied minor staying overnight (hotel planner); default: a room and a room for the escort. */
    unaccompaniedMinorHotel: z.enum(MINOR_RULES).optional(),
    transportPerTrip: Money.optional(),
    /** Vouchers stay spendable this many hours after the flight's (new) departure; without it, until the departure. */
    voucherValidHours: z.number().int('a whole number of hours').min(0).max(72, 'at most 72 hours after the departure').optional(),
  })
  .strict()
  .refine(
    (c) => c.regimes.length > 0 || c.ownPolicy !== undefined,
    'an airline needs at least one passenger-rights law (EU 261, UK261, Canada APPR) or its own policy',
  )
  .refine((c) => new Set(c.regimes).size === c.regimes.length, 'each law is listed once');
export type AirlineConfig = z.infer<typeof AirlineConfig>;
/** An airline's rules as a configuration (or the airline form) writes them, before reading into minor units. */
export type AirlineConfigInput = z.input<typeof AirlineConfig>;

export { carrierOf } from './carrier.ts';
