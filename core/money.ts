/**
 * Money as an integer count of the currency's minor unit (cents for EUR, yen for JPY, fils for KWD)
 * plus its ISO 4217 code. Sums and products of integers are exact, so nothing compares amounts
 * with a tolerance. Decimals exist only at the edges: read with `parseMoney` / `moneyFromDecimal`,
 * shown with `formatMoney` (a screen, per locale) or `moneyText` (logs, hub reasons, CSV, QR codes).
 * Plain and zod-free: the kiosk and the phone use it too.
 */
export interface Money {
  /** Whole minor units, never a fraction. */
  minor: number;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
}

export type MoneyResult = { ok: true; money: Money } | { ok: false; reason: string };

const CURRENCY = /^[A-Z]{3}$/;
const digitsByCurrency = new Map<string, number>();

/** How many decimals the currency's minor unit has (2 for EUR, 0 for JPY, 3 for KWD), as Intl knows it. */
export function minorDigits(currency: string): number {
  let d = digitsByCurrency.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, d);
  }
  return d;
}

/**
 * Reads an amount as a person writes it ("15", "15.5", "15,50") in `currency`, digit by digit so
 * no binary fraction creeps in. Refuses more decimals than the currency has, signs and anything else.
 */
export function parseMoney(text: string, currency: string): MoneyResult {
  if (!CURRENCY.test(currency)) return { ok: false, reason: `a currency is a three-letter ISO code, like EUR (not "${currency}")` };
  const m = /^\s*(\d{1,15})(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return { ok: false, reason: `"${text.trim()}" is not an amount: write it like 15 or 15.50` };
  const digits = minorDigits(currency);
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, reason: decimalsReason(digits, currency) };
  const minor = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: `${text.trim()} is too large an amount` };
  return { ok: true, money: { minor, currency } };
}

const DIGIT_WORDS = ['no', 'one', 'two', 'three', 'four'];

function decimalsReason(digits: number, currency: string): string {
  if (digits === 0) return `an amount in ${currency} has no decimals`;
  // Two is what nearly every currency has: say it plainly.
  const most = `an amount has at most ${DIGIT_WORDS[digits] ?? digits} decimal${digits === 1 ? '' : 's'}`;
  return digits === 2 ? most : `${most} in ${currency}`;
}

/**
 * Reads a decimal number of major units, as configuration files write amounts (15.5 EUR): exact
 * when the number has no more decimals than the currency, refused otherwise.
 */
export function moneyFromDecimal(amount: number, currency: string): MoneyResult {
  if (!Number.isFinite(amount) || amount < 0) return { ok: false, reason: `${amount} is not an amount` };
  // The shortest decimal that reads back as the same double: 15.3 stays "15.3", 0.1 + 0.2 does not.
  const written = String(amount);
  if (/e/i.test(written)) return { ok: false, reason: `${written} is not an amount written in decimals` };
  return parseMoney(written, currency);
}

/** The same amount as a decimal of major units, e.g. 15.5 for 1550 EUR cents: for forms and config files. */
export function decimalOf(m: Money): number {
  return Number(decimalText(m));
}

/** The amount (never negative here) as plain decimal text with the currency's digits, e.g. "15.50": no grouping, no symbol. */
export function decimalText(m: Money): string {
  const digits = minorDigits(m.currency);
  const text = String(m.minor).padStart(digits + 1, '0');
  return digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
}

/** Locale-free text for logs, hub reasons, CSV and QR codes: "15.00 EUR". */
export function moneyText(m: Money): string {
  return `${decimalText(m)} ${m.currency}`;
}

// Building an Intl formatter costs far more than using one, and cards re-render every second.
const formats = new Map<string, Intl.NumberFormat>();

export interface MoneyFormatOptions {
  /** Whole amounts without decimals ("€15"), others with all of them ("€18.50"). */
  trimWhole?: boolean;
}

/** The one formatter for a screen: the amount in the reader's locale, e.g. "15,00 €" in French, "€15.00" in en-GB. */
export function formatMoney(m: Money, locale: string, o: MoneyFormatOptions = {}): string {
  const whole = o.trimWhole === true && m.minor % 10 ** minorDigits(m.currency) === 0;
  const key = `${locale}|${m.currency}|${whole}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: whole ? 0 : undefined });
    formats.set(key, f);
  }
  // A decimal string is formatted exactly (Intl.NumberFormat v3), never through a binary fraction.
  return f.format(decimalText(m) as unknown as number);
}

/** `unit` taken a whole number of `times` (persons, nights, trips), exactly. */
export function timesMoney(unit: Money, times: number): Money {
  return { minor: unit.minor * times, currency: unit.currency };
}

/** The exact sum of amounts in one currency; refuses to add different currencies. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let minor = 0;
  for (const m of items) {
    if (m.currency !== currency) throw new Error(`cannot add ${m.currency} to a sum in ${currency}`);
    minor += m.minor;
  }
  return { minor, currency };
}
