import { z } from 'zod';
import { LANGUAGES, NEEDS, ROLES, STOCK_ITEMS } from './values.ts';

/*
 * The zod enums of the plain lists in values.ts, and the gate id, kept apart from model.ts so that
 * policy, voucher and notice schemas can use them without an import cycle.
 */
export { LANGUAGES, NEEDS, ROLES, STOCK_ITEMS, isLanguage } from './values.ts';

export const StockItem = z.enum(STOCK_ITEMS);
export type StockItem = z.infer<typeof StockItem>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const Need = z.enum(NEEDS);
export type Need = z.infer<typeof Need>;

export const GateId = z.string().regex(/^[A-Z]{1,2}[0-9]{1,3}$/, 'a gate looks like K32 (letters then digits)');
export type GateId = z.infer<typeof GateId>;
