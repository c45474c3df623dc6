import { z } from 'zod';
import { sameFlightNumber } from './flight-number.ts';
import { FlightNumber, type CareRequest, type HubState, type Need, type RequestStatus } from './model.ts';
import { normaliseTicket } from './ticket.ts';
import { estimateWait, type WaitEstimate } from './wait-estimate.ts';
import { publicVouchersOf, type PublicVoucher } from './public-voucher.ts';

/**
 * What anyone holding a ticket number may learn about it at any kiosk:
 * never the surname, the note, the party or the device it came from; vouchers without who asked or why.
 */
export interface PublicTicket {
  ticket: string;
  gate: string;
  flightNumber: string;
  needs: Need[];
  status: RequestStatus;
  createdAt: string;
  claimedAt: string | null;
  /** First name of the staff member on the way, as staff introduce themselves. */
  claimedByName: string | null;
  deliveredAt: string | null;
  wait: WaitEstimate;
  vouchers: PublicVoucher[];
}

export const TicketQuery = z.union([
  z.object({ ticket: z.string().trim().min(6, 'a ticket number has 6 characters').max(12) }).strict(),
  z.object({ flightNumber: FlightNumber, surname: z.string().trim().min(1).max(40) }).strict(),
]);
export type TicketQuery = z.infer<typeof TicketQuery>;

export type TicketLookup = { v: 1; ok: true; tickets: PublicTicket[] } | { v: 1; ok: false; reason: string };

/** A pass scanned again finds the requests made for it within this window. */
const PASS_LOOKUP_HOURS = 24;

export function publicTicket(state: HubState, r: CareRequest, nowIso: string): PublicTicket {
  return {
    ticket: r.ticket,
    gate: r.gate,
    flightNumber: r.flightNumber,
    needs: r.needs,
    status: r.status,
    createdAt: r.createdAt,
    claimedAt: r.claimedAt,
    claimedByName: r.claimedByName,
    deliveredAt: r.deliveredAt,
    wait: estimateWait(state, r, nowIso),
    vouchers: publicVouchersOf(state, r.id),
  };
}

function sameSurname(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase()
      .replace(/[^A-Z]/g, '');
  return fold(a) !== '' && fold(a) === fold(b);
}

/** A returning passenger's tickets: by ticket number, or by the flight and surname on their pass. */
export function lookupTickets(state: HubState, query: TicketQuery, nowIso: string): PublicTicket[] {
  const byPass = !('ticket' in query);
  return matchRequests(state, query, nowIso).map((r) => withoutNeedsIf(byPass, publicTicket(state, r, nowIso)));
}

/**
 * A flight and a surname are printed on any boarding pass and guessable for a whole queue: found
 * that way, a ticket never says what was asked (needs can be medical). The ticket number, which
 * only its holder was shown, still does.
 */
function withoutNeedsIf(byPass: boolean, t: PublicTicket): PublicTicket {
  return byPass ? { ...t, needs: [] } : t;
}

/** The requests a look-up finds, newest first, at most ten. */
export function matchRequests(state: HubState, query: TicketQuery, nowIso: string): CareRequest[] {
  const requests = Object.values(state.requests);
  let found: CareRequest[];
  if ('ticket' in query) {
    const wanted = normaliseTicket(query.ticket);
    found = requests.filter((r) => r.ticket === wanted);
  } else {
    const since = Date.parse(nowIso) - PASS_LOOKUP_HOURS * 3600_000;
    found = requests.filter(
      (r) => sameFlightNumber(r.flightNumber, query.flightNumber) && sameSurname(r.surname, query.surname) && Date.parse(r.createdAt) >= since,
    );
  }
  return found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).slice(0, 10);
}
