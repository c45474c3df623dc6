import type { Policy } from './policy-model.ts';

/** Sized so an agent covers on their own what EU261 owes a stranded passenger overnight (meals, hotel, taxi). */
export const DEFAULT_POLICY: Policy = {
  currency: 'EUR',
  shiftHours: 12,
  limits: {
    agent: { capPerPassengerCents: 250_00, budgetPerShiftCents: 3000_00 },
    duty_manager: { capPerPassengerCents: 600_00, budgetPerShiftCents: 10000_00 },
  },
  lowStock: { water: 10, blanket: 5, snack: 10, baby_kit: 2 },
  updatedAt: null,
  updatedBy: null,
};
