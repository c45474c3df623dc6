import type { CareRequest, FlightStatus, HubState, Language, ThreadMessage } from './model.ts';
import type { NoticeTexts } from './notice-model.ts';
import { noticesForGate } from './notices.ts';
import { entitlementsForRequest } from './entitlements/for-request.ts';
import { entitlementMessageKey } from './entitlements/engine.ts';
import type { EntitlementKind } from './entitlements/types.ts';
import { publicTicket, type PublicTicket } from './public-ticket.ts';
import { airportTimeZone } from './airport.ts';
import { passengerHotels, type PassengerHotel } from './hotel-ticket.ts';

/** One entitlement as the phone words it: the same catalog key and values the kiosk uses. */
export interface PhoneEntitlement {
  kind: EntitlementKind;
  messageKey: string;
  params: Record<string, string | number>;
  /** null: owed now. */
  from: string | null;
  legalBasis: string;
}

export interface PhoneNotice {
  id: string;
  flightNumber: string | null;
  texts: NoticeTexts;
  publishedAt: string;
  nextUpdateAt: string | null;
}

/**
 * Everything the passenger's phone shows of their ticket, and nothing else: the public ticket
 * (with its vouchers, codes only once issued), their flight as it is now (gate, new departure), what they are
 * owed, the notices passengers at their gate see, and their thread with staff (staff by first
 * name only). Never the surname, the note, staff notes or another passenger's anything.
 */
export interface PhoneTicket extends PublicTicket {
  language: Language;
  /** The airport's zone: the phone shows airport time, wherever the phone's own clock is set. */
  timeZone: string;
  flight: {
    number: string;
    destinationName: string;
    gate: string;
    status: FlightStatus;
    scheduledDeparture: string;
    estimatedDeparture: string;
  } | null;
  entitlements: PhoneEntitlement[];
  notices: PhoneNotice[];
  thread: ThreadMessage[];
  /** The passenger's own word for the team, once left (the phone offers the form after delivery). */
  thanks: string | null;
  /** Requests asked for from this phone, oldest first: the phone follows them as it follows this one. */
  asks: PublicTicket[];
  /** Where the party sleeps tonight and how they get there, as the kiosk ticket shows it (no rates, no other guests). */
  hotels: PassengerHotel[];
}

export function phoneTicketView(state: HubState, r: CareRequest, nowIso: string): PhoneTicket {
  const flight = state.flights[r.flightId];
  // A flight notice follows the flight to its new gate, and so does the passenger.
  const gate = flight?.gate ?? r.gate;
  return {
    ...publicTicket(state, r, nowIso),
    language: r.language,
    timeZone: airportTimeZone(state),
    flight: flight
      ? {
          number: flight.number,
          destinationName: flight.destinationName,
          gate: flight.gate,
          status: flight.status,
          scheduledDeparture: flight.scheduledDeparture,
          estimatedDeparture: flight.estimatedDeparture,
        }
      : null,
    entitlements: (entitlementsForRequest(state, r)?.entitlements ?? []).map((e) => ({
      kind: e.kind,
      messageKey: entitlementMessageKey(e),
      params: e.params,
      from: e.from,
      legalBasis: e.legalBasis,
    })),
    notices: noticesForGate(state, gate).map((n) => ({
      id: n.id,
      flightNumber: n.scope.kind === 'flight' ? (state.flights[n.scope.flightId]?.number ?? null) : null,
      texts: n.texts,
      publishedAt: n.publishedAt,
      nextUpdateAt: n.nextUpdateAt,
    })),
    thread: r.thread ?? [],
    thanks: r.thanks?.text ?? null,
    asks: (r.phoneAsks ?? []).flatMap((id) => {
      const asked = state.requests[id];
      return asked ? [publicTicket(state, asked, nowIso)] : [];
    }),
    hotels: passengerHotels(state, r.id),
  };
}
