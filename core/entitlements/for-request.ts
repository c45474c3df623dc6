import type { CareRequest, Flight, HubState } from '../model.ts';
import type { AirlineConfig } from './airline-config.ts';
import { carrierOf } from './carrier.ts';
import { regimesByLaw } from './regions.ts';
import { assessEntitlements } from './engine.ts';
import type { EntitlementAssessment, PassengerProfile } from './types.ts';

/** All the entitlement engine reads from the hub state: a screen can memoise on these two alone. */
export type EntitlementFacts = Pick<HubState, 'flights' | 'airlines'>;

/**
 * The airline's configured rules, or else none of its own: the engine adds the laws that bind the
 * flight either way (EU 261 covers all flights leaving the EU), so an unconfigured airline still owes
 * care. Null only when no law binds the flight and nobody configured the airline.
 */
export function airlineRulesFor(state: EntitlementFacts, flight: Flight): AirlineConfig | null {
  const code = carrierOf(flight.number);
  // Saved device state from before airlines existed has no `airlines` map.
  const configured = state.airlines?.[code];
  if (configured) return configured;
  const bound = regimesByLaw(flight.originCountry, flight.destinationCountry, undefined).length > 0;
  return bound ? { code, name: code, regimes: [] } : null;
}

/**
 * Art. 11 priority from what the kiosk asks: mobility assistance means reduced mobility; a minor
 * declared unaccompanied, or a party of children with no adult, is an unaccompanied child.
 */
export function passengerProfile(r: Pick<CareRequest, 'party' | 'needs'> & { unaccompaniedMinor?: boolean }): PassengerProfile {
  const { adults, children, infants } = r.party;
  return {
    persons: adults + children + infants,
    reducedMobility: r.needs.includes('mobility'),
    unaccompaniedChild: r.unaccompaniedMinor === true || (adults === 0 && children + infants > 0),
  };
}

interface AirportFacts {
  origins: Map<string, { country?: string; timeZone?: string }>;
  destinations: Map<string, string>;
}

// State is immutable, so facts learnt from one `flights` record stay true for it; every staff card asks.
const factsCache = new WeakMap<HubState['flights'], AirportFacts>();

function airportFacts(flights: HubState['flights']): AirportFacts {
  let facts = factsCache.get(flights);
  if (facts) return facts;
  facts = { origins: new Map(), destinations: new Map() };
  for (const f of Object.values(flights)) {
    const o = facts.origins.get(f.origin) ?? {};
    facts.origins.set(f.origin, { country: o.country ?? f.originCountry, timeZone: o.timeZone ?? f.originTimeZone });
    if (f.destinationCountry && !facts.destinations.has(f.destination)) facts.destinations.set(f.destination, f.destinationCountry);
  }
  factsCache.set(flights, facts);
  return facts;
}

/**
 * A flight imported without countries or time zone borrows them from another flight at the same
 * airport: all flights here leave from the same place, so "next day" and the departure law still hold.
 */
export function withAirportFacts(state: EntitlementFacts, flight: Flight): Flight {
  if (flight.originCountry && flight.originTimeZone && flight.destinationCountry) return flight;
  const facts = airportFacts(state.flights ?? {});
  const origin = facts.origins.get(flight.origin);
  const originCountry = flight.originCountry ?? origin?.country;
  const originTimeZone = flight.originTimeZone ?? origin?.timeZone;
  const destinationCountry = flight.destinationCountry ?? facts.destinations.get(flight.destination);
  return {
    ...flight,
    ...(originCountry ? { originCountry } : {}),
    ...(originTimeZone ? { originTimeZone } : {}),
    ...(destinationCountry ? { destinationCountry } : {}),
  };
}

/** What a passenger of this flight is owed (one person unless a profile says otherwise); null when no rule applies. */
export function entitlementsForFlight(state: EntitlementFacts, flight: Flight, passenger?: PassengerProfile): EntitlementAssessment | null {
  const f = withAirportFacts(state, flight);
  const airline = airlineRulesFor(state, f);
  return airline ? assessEntitlements({ flight: f, airline, passenger }) : null;
}

/** What this request's party is owed, or null when the flight is unknown or no rule applies to it. */
export function entitlementsForRequest(state: EntitlementFacts, r: CareRequest): EntitlementAssessment | null {
  const flight = state.flights[r.flightId];
  return flight ? entitlementsForFlight(state, flight, passengerProfile(r)) : null;
}
