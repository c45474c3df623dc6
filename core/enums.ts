import { z } from 'zod';

/** Kept apart from model.ts so policy and voucher schemas can use them without an import cycle. */
export const STOCK_ITEMS = ['water', 'blanket', 'snack', 'baby_kit'] as const;
export const StockItem = z.enum(STOCK_ITEMS);
export type StockItem = z.infer<typeof StockItem>;

export const ROLES = ['agent', 'duty_manager'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
