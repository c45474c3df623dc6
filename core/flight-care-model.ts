import type { Flight } from './model.ts';
import type { Cabin, ListedPassenger } from './passenger-list.ts';
import { careGroupOf, passName } from './passenger-list.ts';
import type { PassengerProfile } from './entitlements/types.ts';

/* What a whole-flight plan is made of, shared by the meal planner (flight-care.ts) and the taxi planner (flight-taxi.ts). */

/** What a whole flight can be given in one tap: meals, or a taxi there and back where the night away is owed. */
export type FlightCareKind = 'meal' | 'taxi';

export interface FlightCareChoice {
  flightId: string;
  /** Absent: meals. */
  kind?: FlightCareKind;
  /** Only these cabins; absent: every cabin. */
  cabins?: readonly Cabin[];
  /** Only passengers already given this flight's meal care, for the steps the delay has added since. */
  topUp?: boolean;
}

/** One voucher the hub would issue: to whom (by check-in sequence), which meal step, how much. */
export interface PlannedVoucher {
  sequence: number;
  surname: string;
  cabin: Cabin;
  step: number;
  amountMinor: number;
  /** A taxi is shared by a booking: its reference and how many listed passengers ride on this voucher. */
  booking?: { ref: string; passengers: number; riders: number[] };
}

export interface FlightCarePlan {
  kind: FlightCareKind;
  flight: Flight;
  currency: string;
  vouchers: PlannedVoucher[];
  /** Distinct passengers receiving (or, for a taxi, riding on) at least one voucher. */
  passengers: number;
  totalMinor: number;
  /** Chosen passengers to whom no meal (or no transport) is owed yet. */
  notOwed: number;
  /** Chosen passengers who already hold every voucher of this kind owed now. */
  alreadyHeld: number;
  /** Taxi only: chosen passengers whose party rides a hotel shuttle already allocated, so owed no taxi. */
  onShuttle: number;
  /** For the confirmation: what each cabin gets, e.g. economy 180 × 15.00 EUR. */
  byCabin: { cabin: Cabin; vouchers: number; amountMinor: number }[];
}

export type FlightCarePlanResult = { ok: true; plan: FlightCarePlan } | { ok: false; reason: string };

/** The idempotency key of one voucher: a passenger (sequence and name as the pass spells it) and a meal step. */
export function boundKey(sequence: number, surname: string, step: number): string {
  return `${sequence}\u0000${passName(surname)}\u0000${step}`;
}

export function profileOf(p: ListedPassenger): PassengerProfile {
  const groups = new Set(p.ssr.map(careGroupOf));
  // Art. 11: reduced mobility and unaccompanied children are owed care at once, whatever the delay.
  return { persons: 1, reducedMobility: groups.has('wheelchair'), unaccompaniedChild: groups.has('unaccompanied_minor') };
}

/** Vouchers per cabin, for the confirmation. */
export function byCabinOf(vouchers: readonly PlannedVoucher[]): FlightCarePlan['byCabin'] {
  const byCabin = new Map<Cabin, { vouchers: number; amountMinor: number }>();
  for (const v of vouchers) {
    const c = byCabin.get(v.cabin) ?? { vouchers: 0, amountMinor: 0 };
    byCabin.set(v.cabin, { vouchers: c.vouchers + 1, amountMinor: c.amountMinor + v.amountMinor });
  }
  return [...byCabin.entries()].map(([cabin, c]) => ({ cabin, ...c }));
}
