import type { AirlineConfig, EntitlementAssessment, EntitlementFlight, EntitlementKind, PassengerProfile } from '../../core/index.ts';
import { assessEntitlements } from '../../core/index.ts';

export const MIN = 60_000;

/** 15:30 in Paris on a November day (UTC+1). */
export const SCHEDULED = '2026-11-23T14:30:00.000Z';

export const EU_AIRLINE: AirlineConfig = {
  code: 'AF',
  name: 'Air France',
  regimes: ['eu261'],
  mealVoucherPerPerson: { minor: 1200, currency: 'EUR' },
  hotelPerNight: { minor: 14000, currency: 'EUR' },
  transportPerTrip: { minor: 3500, currency: 'EUR' },
};
export const UK_AIRLINE: AirlineConfig = {
  code: 'BA',
  name: 'British Airways',
  regimes: ['uk261'],
  mealVoucherPerPerson: { minor: 1000, currency: 'GBP' },
};
export const CA_AIRLINE: AirlineConfig = {
  code: 'AC',
  name: 'Air Canada',
  regimes: ['appr'],
  mealVoucherPerPerson: { minor: 2000, currency: 'CAD' },
};

export function after(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MIN).toISOString();
}

export function flight(over: Partial<EntitlementFlight> & { delayMinutes?: number } = {}): EntitlementFlight {
  const { delayMinutes = 0, ...rest } = over;
  const scheduledDeparture = rest.scheduledDeparture ?? SCHEDULED;
  return {
    distanceKm: 800,
    status: delayMinutes > 0 ? 'delayed' : 'scheduled',
    originCountry: 'FR',
    destinationCountry: 'ES',
    originTimeZone: 'Europe/Paris',
    estimatedDeparture: after(scheduledDeparture, delayMinutes),
    ...rest,
    scheduledDeparture,
  };
}

export const ALONE: PassengerProfile = { persons: 1, reducedMobility: false, unaccompaniedChild: false };

export function assess(f: EntitlementFlight, airline: AirlineConfig = EU_AIRLINE, passenger: PassengerProfile = ALONE): EntitlementAssessment {
  return assessEntitlements({ flight: f, airline, passenger });
}

export function kinds(a: EntitlementAssessment): EntitlementKind[] {
  return a.entitlements.map((e) => e.kind);
}

export function owed(f: EntitlementFlight, airline: AirlineConfig = EU_AIRLINE, passenger: PassengerProfile = ALONE): EntitlementKind[] {
  return kinds(assess(f, airline, passenger));
}
