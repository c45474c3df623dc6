import type { CareRequest, FlightStatus, HubState, Language, ThreadMessage } from './model.ts';
import type { NoticeTexts } from './notices.ts';
import { noticesForGate } from './notices.ts';
import type { VoucherKind } from './voucher-model.ts';
import { vouchersOf } from './views.ts';
import { entitlementsForRequest } from './entitlements/for-request.ts';
import { entitlementMessageKey } from './entitlements/engine.ts';
import type { EntitlementKind } from './entitlements/types.ts';
import { publicTicket, type PublicTicket } from './public-ticket.ts';

/** One entitlement as the phone words it: the same catalog key and values the kiosk uses. */
export interface PhoneEntitlement {
  kind: EntitlementKind;
  messageKey: string;
  params: Record<string, string | number>;
  /** null: owed now. */
  from: string | null;
  legalBasis: string;
}

export interface PhoneVoucher {
  id: string;
  code: string;
  kind: VoucherKind;
  amountCents: number;
  currency: string;
}

export interface PhoneNotice {
  id: string;
  flightNumber: string | null;
  texts: NoticeTexts;
  publishedAt: string;
  nextUpdateAt: string | null;
}

/**
 * Everything the passenger's phone shows of their ticket, and nothing else: the public ticket,
 * their flight as it is now (gate, new departure), the vouchers they can use, what they are
 * owed, the notices passengers at their gate see, and their thread with staff (staff by first
 * name only). Never the surname, the note, staff notes or another passenger's anything.
 */
export interface PhoneTicket extends PublicTicket {
  language: Language;
  flight: {
    number: string;
    destinationName: string;
    gate: string;
    status: FlightStatus;
    scheduledDeparture: string;
    estimatedDeparture: string;
  } | null;
  vouchers: PhoneVoucher[];
  entitlements: PhoneEntitlement[];
  notices: PhoneNotice[];
  thread: ThreadMessage[];
}

export function phoneTicketView(state: HubState, r: CareRequest, nowIso: string): PhoneTicket {
  const flight = state.flights[r.flightId];
  // A flight notice follows the flight to its new gate, and so does the passenger.
  const gate = flight?.gate ?? r.gate;
  return {
    ...publicTicket(state, r, nowIso),
    language: r.language,
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
    // Only what an outlet will accept: not escalations still waiting, nor declined ones.
    vouchers: vouchersOf(state, r.id)
      .filter((v) => v.status === 'issued')
      .map((v) => ({ id: v.id, code: v.code, kind: v.kind, amountCents: v.amountCents, currency: v.currency })),
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
  };
}
