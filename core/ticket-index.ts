import type { CareRequest } from './model.ts';
import { ticketFor } from './ticket.ts';

type Requests = Record<string, CareRequest>;

/**
 * Tickets in use per requests map, so checking a new ticket is not a scan of every request.
 * Keyed by the map object: a copied map (pure reducer) starts a fresh index on first use;
 * a map updated in place keeps its index current through noteTicket.
 */
const index = new WeakMap<Requests, Set<string>>();

function ticketsOf(requests: Requests): Set<string> {
  let tickets = index.get(requests);
  if (!tickets) index.set(requests, (tickets = new Set(Object.values(requests).map((r) => r.ticket))));
  return tickets;
}

export function ticketInUse(requests: Requests, ticket: string): boolean {
  return ticketsOf(requests).has(ticket);
}

/**
 * Builds the index of a map now rather than at its first new request. A device that takes a whole
 * map at once (a snapshot, its stored state) calls it then: built lazily, the pass over 10,000
 * tickets fell on the first push's task and held a duty manager's board well past its 100 ms.
 */
export function indexTickets(requests: Requests): void {
  ticketsOf(requests);
}

/** Whether `requests` has its index of tickets yet (a device indexes a map it takes whole). */
export function ticketsIndexed(requests: Requests): boolean {
  return index.has(requests);
}

/**
 * Called after `requests` was changed in place to hold a request with this ticket (`before`: the
 * ticket of the request it replaced, if any). A request rewritten with its own ticket (every claim,
 * note, delivery) leaves the set as it was, so it is not touched: at 30,000 requests even a lookup
 * in it is a cache miss on every operation.
 */
export function noteTicket(requests: Requests, ticket: string, before?: string): void {
  if (ticket === before) return;
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
