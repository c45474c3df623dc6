import { z } from 'zod';
import { Role, StockItem } from './enums.ts';

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code such as EUR');

/** What one role may hand out on its own authority; amounts in minor units (cents). */
export const RoleLimits = z
  .object({
    capPerPassengerCents: z.number().int().min(0).max(10_000_000),
    budgetPerShiftCents: z.number().int().min(0).max(100_000_000),
  })
  .strict();
export type RoleLimits = z.infer<typeof RoleLimits>;

/** The rules a duty manager can change with `policy.set`. */
export const PolicyRules = z
  .object({
    /** Vouchers are issued and limits counted in this currency. */
    currency: Currency,
    /** The shift budget counts what a staff member issued over this many hours before now. */
    shiftHours: z.number().int().min(1).max(24),
    limits: z.record(Role, RoleLimits),
    /** At or below this quantity a gate's item raises a low-stock alert. */
    lowStock: z.record(StockItem, z.number().int().min(0).max(100000)),
  })
  .strict();
export type PolicyRules = z.infer<typeof PolicyRules>;

export interface Policy extends PolicyRules {
  updatedAt: string | null;
  updatedBy: string | null;
}

/** One policy change as the duty managers read it back: who, when, what moved. */
export interface PolicyChange {
  at: string;
  seq: number;
  by: string;
  byName: string;
  changes: string[];
  /** Set when the change is to an airline's care rules rather than to the staff limits. */
  airline?: string;
}
