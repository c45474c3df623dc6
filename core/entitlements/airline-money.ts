import { minorDigits, type Money } from '../money.ts';
import type { AirlineConfig } from './airline-config.ts';

const MONEY_FIELDS = ['mealVoucherPerPerson', 'hotelPerNight', 'transportPerTrip'] as const;

/** An amount as stored before minor units: `{ amount: 15.5, currency }`. */
interface DecimalAmount {
  amount: number;
  currency: string;
}

function inMinorUnits(m: Money | DecimalAmount): Money {
  if (!('amount' in m)) return m;
  // Those were accepted within a 1e-6 tolerance of whole cents: the nearest minor unit is what was meant.
  return { minor: Math.round(m.amount * 10 ** minorDigits(m.currency)), currency: m.currency };
}

/**
 * Airline rules stored before amounts were kept in minor units (log entries, checkpoints, a
 * device's saved state) held decimals; read them as minor units so a replay gives today's state.
 */
export function airlineInMinorUnits(a: AirlineConfig): AirlineConfig {
  let out = a;
  for (const f of MONEY_FIELDS) {
    const m = a[f] as Money | DecimalAmount | undefined;
    if (m && 'amount' in m) out = { ...out, [f]: inMinorUnits(m) };
  }
  return out;
}

/** The same for every airline of a stored state; the state itself when nothing was in decimals. */
export function airlinesInMinorUnits<S extends { airlines?: Record<string, AirlineConfig> }>(state: S): S {
  if (!state.airlines) return state;
  let changed = false;
  const airlines: Record<string, AirlineConfig> = {};
  for (const [code, a] of Object.entries(state.airlines)) {
    airlines[code] = airlineInMinorUnits(a);
    if (airlines[code] !== a) changed = true;
  }
  return changed ? { ...state, airlines } : state;
}
