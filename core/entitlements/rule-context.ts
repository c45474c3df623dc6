import type { AirlineConfig } from './airline-config.ts';
import type { EntitlementFlight, PassengerProfile } from './types.ts';
import { localDaysBetween } from './local-day.ts';

const MINUTE_MS = 60_000;

/** Facts every rule reads, computed once. */
export interface RuleContext {
  flight: EntitlementFlight;
  airline: AirlineConfig;
  passenger: PassengerProfile;
  cancelled: boolean;
  /** New departure minus scheduled departure, in milliseconds (never negative). */
  delayMs: number;
  overnight: boolean;
  /** Hotel nights until the new departure (at least one once overnight). */
  nights: number;
  /** The flight is disrupted at all: Art. 11 care starts with any delay. */
  disrupted: boolean;
}

const ALONE: PassengerProfile = { persons: 1, reducedMobility: false, unaccompaniedChild: false };

export function ruleContext(flight: EntitlementFlight, airline: AirlineConfig, passenger?: PassengerProfile): RuleContext {
  const delayMs = Math.max(0, Date.parse(flight.estimatedDeparture) - Date.parse(flight.scheduledDeparture));
  const cancelled = flight.status === 'cancelled';
  const days = localDaysBetween(flight.scheduledDeparture, flight.estimatedDeparture, flight.originTimeZone ?? 'UTC');
  return {
    flight,
    airline,
    passenger: passenger ?? ALONE,
    cancelled,
    delayMs,
    overnight: days > 0,
    nights: Math.max(1, days),
    disrupted: cancelled || delayMs > 0,
  };
}

export function reached(ctx: RuleContext, thresholdMinutes: number): boolean {
  return ctx.delayMs >= thresholdMinutes * MINUTE_MS;
}

/** The instant the wait reaches a threshold: "meal from 18:30 when the 3 h threshold is reached". */
export function thresholdInstant(ctx: RuleContext, thresholdMinutes: number): string {
  return new Date(Date.parse(ctx.flight.scheduledDeparture) + thresholdMinutes * MINUTE_MS).toISOString();
}
