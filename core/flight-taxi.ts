import type { Flight, HubState } from './model.ts';
import type { ListedPassenger } from './passenger-list.ts';
import { passName } from './passenger-list.ts';
import { airlineRulesFor, entitlementsForFlight } from './entitlements/for-request.ts';
import { owedAt } from './entitlements/engine.ts';
import { allocationsOf, holdsRoom } from './hotel-state.ts';
import { vouchersBoundToFlight } from './voucher-index.ts';
import { boundKey, byCabinOf, profileOf, type FlightCareChoice, type FlightCarePlanResult, type PlannedVoucher } from './flight-care-model.ts';

/*
 * A taxi there and back for a whole flight, where the law owes transport (EU 261 Art. 9(1)(c) and
 * its mirrors: a new departure the next day or later). A booking travels together, so it shares one
 * taxi: one voucher per booking reference (a passenger without one rides alone), bound to the pass
 * of its first checked-in passenger. A party already given a room with a hotel shuttle rides the
 * shuttle, so its booking gets no taxi; a party given a room with a taxi gets it here too.
 */

/** Bookings as the list groups them: by reference, each passenger alone when the extract has none. */
function bookingsOf(passengers: readonly ListedPassenger[]): ListedPassenger[][] {
  const groups = new Map<string, ListedPassenger[]>();
  for (const p of passengers) {
    const key = p.bookingRef.trim() === '' ? `#${p.sequence}` : p.bookingRef.trim().toUpperCase();
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.sequence - b.sequence));
}

/** Who rides a hotel shuttle already allocated on this flight: their pass's sequence, else their surname as the pass spells it. */
function shuttleRiders(state: HubState, flightId: string): { sequences: Set<number>; names: Set<string> } {
  const sequences = new Set<number>();
  const names = new Set<string>();
  for (const a of Object.values(allocationsOf(state))) {
    if (a.flightId !== flightId || !holdsRoom(a) || a.transport.kind !== 'shuttle') continue;
    const r = state.requests[a.requestId];
    if (!r) continue;
    // A purged request has no name left to match: its sequence, when it had one, still does.
    if (r.checkInSequence !== undefined) sequences.add(r.checkInSequence);
    else if (passName(r.surname) !== '') names.add(passName(r.surname));
  }
  return { sequences, names };
}

/**
 * Who already rides on a taxi voucher of this flight, whatever became of it: the holder (sequence
 * and name) and the sequences of their booking, so a new list that names another first passenger
 * gives the booking nothing twice.
 */
function heldTaxis(vouchers: HubState['vouchers'], flightId: string): { holders: Set<string>; riders: Set<number> } {
  const holders = new Set<string>();
  const riders = new Set<number>();
  for (const v of vouchersBoundToFlight(vouchers, flightId)) {
    if (v.kind !== 'taxi' || !v.bound) continue;
    holders.add(boundKey(v.bound.sequence, v.bound.surname, v.bound.step));
    for (const n of v.bound.riders ?? []) riders.add(n);
  }
  return { holders, riders };
}

export function planFlightTaxi(
  state: HubState,
  flight: Flight,
  passengers: readonly ListedPassenger[],
  choice: FlightCareChoice,
  nowIso: string,
): FlightCarePlanResult {
  if (choice.topUp) return { ok: false, reason: 'a top-up is for meals: a taxi is given once' };
  const cabins = choice.cabins && choice.cabins.length > 0 ? new Set(choice.cabins) : null;
  const chosen = passengers.filter((p) => !cabins || cabins.has(p.cabin));
  const riders = shuttleRiders(state, flight.id);
  const held = heldTaxis(state.vouchers, flight.id);
  const vouchers: PlannedVoucher[] = [];
  let notOwed = 0;
  let alreadyHeld = 0;
  let onShuttle = 0;
  let currency: string | null = null;
  for (const booking of bookingsOf(chosen)) {
    const lead = booking[0]!;
    // Transport follows the night away, which is the flight's, not the person's: the lead's profile decides for the booking.
    const transport = entitlementsForFlight(state, flight, profileOf(lead))?.entitlements.find((e) => e.kind === 'transport');
    if (!transport || !owedAt(transport, nowIso)) {
      notOwed += booking.length;
      continue;
    }
    if (booking.some((p) => held.holders.has(boundKey(p.sequence, p.surname, 1)) || held.riders.has(p.sequence))) {
      alreadyHeld += booking.length;
      continue;
    }
    if (booking.some((p) => riders.sequences.has(p.sequence) || riders.names.has(passName(p.surname)))) {
      onShuttle += booking.length;
      continue;
    }
    const amount = transport.voucher?.total;
    if (!amount) {
      const airline = airlineRulesFor(state, flight)?.name ?? flight.number.slice(0, 2);
      return { ok: false, reason: `${airline} has no taxi amount per trip: set it on the Airlines tab first` };
    }
    currency = amount.currency;
    vouchers.push({
      sequence: lead.sequence,
      surname: lead.surname,
      cabin: lead.cabin,
      step: 1,
      amountMinor: amount.minor,
      booking: { ref: lead.bookingRef.trim().toUpperCase(), passengers: booking.length, riders: booking.map((p) => p.sequence) },
    });
  }
  return {
    ok: true,
    plan: {
      kind: 'taxi',
      flight,
      currency: currency ?? airlineRulesFor(state, flight)?.transportPerTrip?.currency ?? state.policy.currency,
      vouchers,
      passengers: vouchers.reduce((n, v) => n + (v.booking?.passengers ?? 1), 0),
      totalMinor: vouchers.reduce((n, v) => n + v.amountMinor, 0),
      notOwed,
      alreadyHeld,
      onShuttle,
      byCabin: byCabinOf(vouchers),
    },
  };
}
