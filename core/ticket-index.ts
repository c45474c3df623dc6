import type { CareRequest } from './model.ts';
import { ticketFor } from './ticket.ts';

type Requests = Record<string, CareRequest>;

/**
 * Tickets in use per requests map, so checking a new ticket is not a scan of every request.
 * Keyed by the map object: a copied map (pure reducer) starts a fresh index on first use;
 * a map updated in place keeps its index current through noteTicket.
 */
const index = new WeakMap<Requests, Set<string>>();

export function ticketInUse(requests: Requests, ticket: string): boolean {
  let tickets = index.get(requests);
  if (!tickets) {
    tickets = new Set(Object.values(requests).map((r) => r.ticket));
    index.set(requests, tickets);
  }
  return tickets.has(ticket);
}

/** Called after `requests` was changed in place to hold a request with this ticket. */
export function noteTicket(requests: Requests, ticket: string): void {
  index.get(requests)?.add(ticket);
}

/**
 * The first free ticket for a new request: a passenger's request is never refused because
 * 30 bits collided (about 5 % per 10,000 requests); the kiosk then shows the hub's number.
 */
export function freeTicketFor(requests: Requests, requestId: string): string {
  for (let attempt = 0; ; attempt++) {
    const ticket = ticketFor(requestId, attempt);
    if (!ticketInUse(requests, ticket)) return ticket;
  }
}
