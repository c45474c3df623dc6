import type { Flight, HubState } from './model.ts';
import type { Cabin, PassengerList } from './passenger-list.ts';
import { planFlightTaxi } from './flight-taxi.ts';
import { passengerLists } from './passenger-list.ts';
import {
  boundKey,
  byCabinOf,
  profileOf,
  type FlightCareChoice,
  type FlightCarePlan,
  type FlightCarePlanResult,
  type PlannedVoucher,
} from './flight-care-model.ts';
import type { Money } from './money.ts';
import { moneyText } from './money.ts';
import { airlineRulesFor, entitlementsForFlight } from './entitlements/for-request.ts';
import { owedAt } from './entitlements/engine.ts';
import { flightClosesAt } from './personal-data.ts';
import { vouchersBoundToFlight } from './voucher-index.ts';
import type { PassengerProfile } from './entitlements/types.ts';

export * from './flight-care-model.ts';

/*
 * Care for a whole flight at once: which listed passengers are owed which meal voucher now, by
 * cabin, and which they already hold. Pure, so the manager's confirmation and the hub's decision
 * (core/handlers/flight-care.ts) are the same computation on the same state.
 */

/** Meal steps each passenger of the flight already holds, whatever became of them (spent, voided): never issued twice. */
export function heldMealSteps(vouchers: HubState['vouchers'], flightId: string): Set<string> {
  const held = new Set<string>();
  for (const v of vouchersBoundToFlight(vouchers, flightId)) {
    if (v.kind === 'meal' && v.bound) held.add(boundKey(v.bound.sequence, v.bound.surname, v.bound.step));
  }
  return held;
}

/** The meal voucher per person for a cabin: the airline's cabin amount, else its amount for everyone. */
export function mealAmountFor(state: Pick<HubState, 'flights' | 'airlines'>, flight: Flight, cabin: Cabin): Money | null {
  const airline = airlineRulesFor(state, flight);
  return airline?.mealVoucherByCabin?.[cabin] ?? airline?.mealVoucherPerPerson ?? null;
}

/** How many meals one person of this profile is owed at `nowIso` (0: none yet). */
function mealsOwed(state: HubState, flight: Flight, profile: PassengerProfile, nowIso: string): number {
  const meal = entitlementsForFlight(state, flight, profile)?.entitlements.find((e) => e.kind === 'meal');
  if (!meal || !owedAt(meal, nowIso)) return 0;
  return typeof meal.params.mealsPerPerson === 'number' ? meal.params.mealsPerPerson : 1;
}

/** The flight and its list, unless its passengers are gone: a flight that has left, or whose list the purge took. */
export function listedFlight(
  state: HubState,
  flightId: string,
  nowIso: string,
): { ok: true; flight: Flight; list: PassengerList } | { ok: false; reason: string } {
  const flight = state.flights[flightId];
  if (!flight) return { ok: false, reason: `flight ${flightId} does not exist` };
  if (flightClosesAt(flight) <= Date.parse(nowIso))
    return { ok: false, reason: `${flight.number} has left: its passengers are no longer at the airport` };
  const list = passengerLists(state)[flight.id];
  if (!list) return { ok: false, reason: `${flight.number} has no passenger list: import one first` };
  return { ok: true, flight, list };
}

/** What a whole-flight meal issue (or top-up), or taxi issue, would give now, or why it cannot be given at all. */
export function planFlightCare(state: HubState, choice: FlightCareChoice, nowIso: string): FlightCarePlanResult {
  const listed = listedFlight(state, choice.flightId, nowIso);
  if (!listed.ok) return listed;
  const { flight, list } = listed;
  if (choice.kind === 'taxi') return planFlightTaxi(state, flight, list.passengers, choice, nowIso);
  const cabins = choice.cabins && choice.cabins.length > 0 ? new Set(choice.cabins) : null;
  const held = heldMealSteps(state.vouchers, flight.id);
  const owedCache = new Map<string, number>();
  const vouchers: PlannedVoucher[] = [];
  let notOwed = 0;
  let alreadyHeld = 0;
  let currency: string | null = null;
  for (const p of list.passengers) {
    if (cabins && !cabins.has(p.cabin)) continue;
    const profile = profileOf(p);
    const key = `${profile.reducedMobility}-${profile.unaccompaniedChild}`;
    let owed = owedCache.get(key);
    if (owed === undefined) {
      owed = mealsOwed(state, flight, profile, nowIso);
      owedCache.set(key, owed);
    }
    if (owed === 0) {
      notOwed++;
      continue;
    }
    const steps: number[] = [];
    let holdsAny = false;
    for (let step = 1; step <= owed; step++) {
      if (held.has(boundKey(p.sequence, p.surname, step))) holdsAny = true;
      else steps.push(step);
    }
    if (choice.topUp && !holdsAny) continue;
    if (steps.length === 0) {
      alreadyHeld++;
      continue;
    }
    const amount = mealAmountFor(state, flight, p.cabin);
    if (!amount) {
      const airline = airlineRulesFor(state, flight)?.name ?? flight.number.slice(0, 2);
      return { ok: false, reason: `${airline} has no meal voucher amount: set it (per person or per cabin) on the Airlines tab first` };
    }
    if (currency !== null && amount.currency !== currency) {
      return {
        ok: false,
        reason: `${flight.number}'s cabins are paid in different currencies (${currency}, ${amount.currency}): one currency per flight`,
      };
    }
    currency = amount.currency;
    for (const step of steps) vouchers.push({ sequence: p.sequence, surname: p.surname, cabin: p.cabin, step, amountMinor: amount.minor });
  }
  return {
    ok: true,
    plan: {
      kind: 'meal',
      flight,
      currency: currency ?? mealAmountFor(state, flight, 'economy')?.currency ?? state.policy.currency,
      vouchers,
      passengers: new Set(vouchers.map((v) => v.sequence)).size,
      totalMinor: vouchers.reduce((n, v) => n + v.amountMinor, 0),
      notOwed,
      alreadyHeld,
      onShuttle: 0,
      byCabin: byCabinOf(vouchers),
    },
  };
}

/** Why a plan gives nothing, in words a duty manager can act on; null when it gives something. */
export function emptyPlanReason(plan: FlightCarePlan, choice: FlightCareChoice): string | null {
  if (plan.vouchers.length > 0) return null;
  const n = plan.flight.number;
  if (plan.kind === 'taxi') {
    if (plan.alreadyHeld > 0) return `nothing to issue on ${n}: every booking chosen already holds its taxi voucher`;
    if (plan.onShuttle > 0) return `no taxi to issue on ${n}: every passenger chosen rides a hotel shuttle`;
    if (plan.notOwed > 0) return `no transport is owed on ${n}: it is owed only when the new departure is the next day or later`;
    return `nobody on ${n}'s list is in the cabins chosen`;
  }
  if (choice.topUp) return `no top-up due on ${n}: nobody given meal care holds fewer meals than the delay now owes`;
  if (plan.alreadyHeld > 0) return `nothing to issue on ${n}: every passenger chosen already holds the meal vouchers owed now`;
  if (plan.notOwed > 0) return `no meal is owed on ${n} yet: the delay is under every threshold`;
  return `nobody on ${n}'s list is in the cabins chosen`;
}

/** "182 meal vouchers to 182 passengers" or "3 taxi vouchers (there and back) for 7 passengers" */
export function planCountText(plan: Pick<FlightCarePlan, 'kind' | 'vouchers' | 'passengers'>): string {
  const v = plan.vouchers.length;
  const p = `${plan.passengers} passenger${plan.passengers === 1 ? '' : 's'}`;
  return plan.kind === 'taxi' ? `${v} taxi voucher${v === 1 ? '' : 's'} (there and back) for ${p}` : `${v} meal voucher${v === 1 ? '' : 's'} to ${p}`;
}

/** "182 meal vouchers to 182 passengers, 2730.00 EUR" */
export function planSummary(plan: Pick<FlightCarePlan, 'kind' | 'vouchers' | 'passengers' | 'totalMinor' | 'currency'>): string {
  return `${planCountText(plan)}, ${moneyText({ minor: plan.totalMinor, currency: plan.currency })}`;
}
