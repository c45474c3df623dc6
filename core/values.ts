/*
 * Plain value lists and their types, without zod: the kiosk imports these (through core/plain.ts)
 * and the zod enums in enums.ts are built from them, so both always agree.
 */

/** Version of every persisted record and wire message; bump on incompatible change. */
export const SCHEMA_VERSION = 1;

export const LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'ar', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(s: string): s is Language {
  return (LANGUAGES as readonly string[]).includes(s);
}

/** Every need a passenger can ask for, the most asked for first. */
export const NEEDS = [
  'water',
  'food',
  'blanket',
  'hotel',
  'medical',
  'mobility',
  'baby',
  'medication_diet',
  'charging',
  'rebooking',
  'other',
] as const;
export type Need = (typeof NEEDS)[number];

export const STOCK_ITEMS = ['water', 'blanket', 'snack', 'baby_kit'] as const;
export type StockItem = (typeof STOCK_ITEMS)[number];

export const ROLES = ['agent', 'duty_manager'] as const;
export type Role = (typeof ROLES)[number];
