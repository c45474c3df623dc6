import { AirlineConfig, CABINS, decimalText, type Cabin, type Money, type MoneyInput, type Regime } from '../../../core/index.ts';

/** One amount as typed: "15.00" and "EUR". */
export interface MoneyDraft {
  amount: string;
  currency: string;
}

/** The airline form as typed: text fields stay text until saved, so a half-typed value is never lost. */
export interface AirlineDraft {
  code: string;
  name: string;
  country: string;
  regimes: Regime[];
  careFromMinutes: string;
  meal: MoneyDraft;
  mealEveryHours: string;
  /** Meal voucher by cabin for a whole flight's issue, in the meal's currency; empty: the amount per person. */
  cabinMeal: Record<Cabin, string>;
  autoTopUp: boolean;
  hotel: MoneyDraft;
  transport: MoneyDraft;
}

export type AirlineField = keyof AirlineDraft | 'form';

export const FIELD_LABEL: Record<AirlineField, string> = {
  code: 'Code',
  name: 'Name',
  country: 'Licensed in',
  regimes: 'Rules',
  careFromMinutes: 'Own policy: care from (minutes of delay)',
  meal: 'Meal voucher per person',
  mealEveryHours: 'Another meal every (hours)',
  cabinMeal: 'Meal voucher by cabin (whole-flight issue)',
  autoTopUp: 'Top up meal vouchers by themselves as the delay grows',
  hotel: 'Hotel per night',
  transport: 'Transport per trip',
  form: 'Airline',
};

export interface FieldError {
  field: AirlineField;
  message: string;
}

const DEFAULT_CURRENCY = 'EUR';

const moneyDraft = (m: Money | undefined, currency: string): MoneyDraft => ({
  amount: m ? decimalText(m) : '',
  currency: m?.currency ?? currency,
});

/** The form filled from an airline, or empty for a new one (amounts in the currency the others use). */
export function draftOf(a: AirlineConfig | null, currency = DEFAULT_CURRENCY): AirlineDraft {
  return {
    code: a?.code ?? '',
    name: a?.name ?? '',
    country: a?.country ?? '',
    regimes: a ? [...a.regimes] : [],
    careFromMinutes: a?.ownPolicy ? String(a.ownPolicy.careFromMinutes) : '',
    meal: moneyDraft(a?.mealVoucherPerPerson, currency),
    mealEveryHours: a?.mealEveryHours !== undefined ? String(a.mealEveryHours) : '',
    cabinMeal: Object.fromEntries(CABINS.map((c) => [c, a?.mealVoucherByCabin?.[c] ? decimalText(a.mealVoucherByCabin[c]) : ''])) as Record<
      Cabin,
      string
    >,
    autoTopUp: a?.autoTopUp === true,
    hotel: moneyDraft(a?.hotelPerNight, currency),
    transport: moneyDraft(a?.transportPerTrip, currency),
  };
}

/** Empty text means "not set"; "12,50" is read as 12.5; anything else that is not a number is NaN. */
function numberOrUnset(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t.replace(',', '.'));
}

/** Which form field a schema issue belongs to. */
function fieldOf(path: readonly PropertyKey[]): AirlineField {
  switch (path[0]) {
    case 'code':
    case 'name':
    case 'country':
    case 'regimes':
    case 'mealEveryHours':
      return path[0];
    case 'ownPolicy':
      return 'careFromMinutes';
    case 'mealVoucherPerPerson':
      return 'meal';
    case 'mealVoucherByCabin':
      return 'cabinMeal';
    case 'autoTopUp':
      return 'autoTopUp';
    case 'hotelPerNight':
      return 'hotel';
    case 'transportPerTrip':
      return 'transport';
    default:
      return 'form';
  }
}

/**
 * The airline the form describes, checked by the core schema the hub uses, or what is wrong
 * with it field by field. Only turning text into numbers happens here; every rule is the schema's.
 */
export function readDraft(d: AirlineDraft): { ok: true; config: AirlineConfig } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const num = (field: AirlineField, text: string): number | undefined => {
    const n = numberOrUnset(text);
    if (n !== undefined && !Number.isFinite(n)) errors.push({ field, message: `“${text.trim()}” is not a number` });
    return n;
  };
  const money = (field: AirlineField, m: MoneyDraft): MoneyInput | undefined => {
    const amount = num(field, m.amount);
    return amount === undefined ? undefined : { amount, currency: m.currency.trim().toUpperCase() };
  };
  const careFrom = num('careFromMinutes', d.careFromMinutes);
  const byCabin: Partial<Record<Cabin, MoneyInput>> = {};
  for (const c of CABINS) {
    const m = money('cabinMeal', { amount: d.cabinMeal[c], currency: d.meal.currency });
    if (m) byCabin[c] = m;
  }
  const candidate = {
    code: d.code.trim().toUpperCase(),
    name: d.name.trim(),
    ...optional('country', d.country.trim() ? d.country.trim().toUpperCase() : undefined),
    regimes: d.regimes,
    ...(careFrom !== undefined && { ownPolicy: { careFromMinutes: careFrom } }),
    ...optional('mealVoucherPerPerson', money('meal', d.meal)),
    ...optional('mealEveryHours', num('mealEveryHours', d.mealEveryHours)),
    ...optional('mealVoucherByCabin', Object.keys(byCabin).length ? byCabin : undefined),
    ...optional('autoTopUp', d.autoTopUp ? true : undefined),
    ...optional('hotelPerNight', money('hotel', d.hotel)),
    ...optional('transportPerTrip', money('transport', d.transport)),
  };
  if (errors.length) return { ok: false, errors };
  const parsed = AirlineConfig.safeParse(candidate);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message })) };
}

// An unset field is left out rather than sent as undefined: the schema is strict and the hub stores JSON.
function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [k in K]: V });
}
