import type { RequestStatus } from './model.ts';
import type { PublicVoucher } from './public-voucher.ts';
import type { PassengerHotel } from './hotel-ticket.ts';

/**
 * Spoken form of a code a passenger must keep (ticket 4KX-92B, voucher GC-7QF2-9K3M): one
 * character at a time, so a speech synthesiser never reads "92" as ninety-two or "KX" as a
 * word; groups are kept apart by a longer pause, as a person would read them out.
 */
export function spellOut(code: string): string {
  return code
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((group) => [...group].join(', '))
    .join('. ');
}

/** What the speech of a ticket depends on: its public facts, never a name or note of the passenger's. */
export interface TicketSpeechFacts {
  ticket: string;
  status: RequestStatus;
  claimedByName: string | null;
  vouchers: readonly PublicVoucher[];
  /** The rooms the ticket holds (the kiosk's own tickets; a look-up answers none). */
  hotels?: readonly PassengerHotel[];
}

export type TicketAnnouncement =
  | { kind: 'number'; spelled: string }
  | { kind: 'status'; status: RequestStatus; name: string | null }
  | { kind: 'voucher'; voucher: PublicVoucher; spelledCode: string | null }
  | { kind: 'hotel'; hotel: PassengerHotel };

function voucherAnnouncement(v: PublicVoucher): TicketAnnouncement {
  return { kind: 'voucher', voucher: v, spelledCode: v.status === 'issued' && v.code ? spellOut(v.code) : null };
}

/**
 * What to say about a ticket: everything when it first appears (`before` null), then only what
 * changed as updates arrive — a new status (or a new agent on the way), a new voucher, a voucher
 * whose status, code, remaining value or validity changed, a hotel room given or changed. Nothing
 * is said twice for the same fact.
 */
export function ticketAnnouncements(before: TicketSpeechFacts | null, now: TicketSpeechFacts): TicketAnnouncement[] {
  if (!before || before.ticket !== now.ticket) {
    return [
      { kind: 'number', spelled: spellOut(now.ticket) },
      { kind: 'status', status: now.status, name: now.claimedByName },
      ...now.vouchers.map(voucherAnnouncement),
      ...(now.hotels ?? []).map((hotel): TicketAnnouncement => ({ kind: 'hotel', hotel })),
    ];
  }
  const out: TicketAnnouncement[] = [];
  if (before.status !== now.status || before.claimedByName !== now.claimedByName) {
    out.push({ kind: 'status', status: now.status, name: now.claimedByName });
  }
  const old = new Map(before.vouchers.map((v) => [v.id, v]));
  for (const v of now.vouchers) {
    const was = old.get(v.id);
    if (!was || was.status !== v.status || was.code !== v.code || was.remainingCents !== v.remainingCents || was.voided !== v.voided) {
      out.push(voucherAnnouncement(v));
    }
  }
  // A room given, moved, or a new shuttle time or departure: the hotel is said again, whole.
  const oldHotels = new Map((before.hotels ?? []).map((h) => [h.allocationId, JSON.stringify(h)]));
  for (const hotel of now.hotels ?? []) {
    if (oldHotels.get(hotel.allocationId) !== JSON.stringify(hotel)) out.push({ kind: 'hotel', hotel });
  }
  return out;
}
