import { describe, expect, it } from 'vitest';
import { spellOut, ticketAnnouncements, type PassengerHotel, type PublicVoucher, type TicketSpeechFacts } from '../../core/plain.ts';

const voucher = (over: Partial<PublicVoucher> = {}): PublicVoucher => ({
  id: 'v1',
  kind: 'meal',
  amountCents: 1500,
  currency: 'EUR',
  description: '',
  status: 'pending',
  code: null,
  validUntil: null,
  remainingCents: 1500,
  voided: false,
  ...over,
});
const facts = (over: Partial<TicketSpeechFacts> = {}): TicketSpeechFacts => ({
  ticket: '4KX-92B',
  status: 'received',
  claimedByName: null,
  vouchers: [],
  ...over,
});

describe('what the kiosk says about a ticket (core/ticket-speech.ts)', () => {
  it('spells codes one character at a time, groups apart, so "92" is never ninety-two', () => {
    expect(spellOut('4KX-92B')).toBe('4, K, X. 9, 2, B');
    expect(spellOut(' GC-7QF2-9K3M ')).toBe('G, C. 7, Q, F, 2. 9, K, 3, M');
  });

  it('says the spelled number, the status and every voucher when the ticket first appears', () => {
    const v = voucher({ status: 'issued', code: 'GC-AB12-CD34' });
    expect(ticketAnnouncements(null, facts({ vouchers: [v] }))).toEqual([
      { kind: 'number', spelled: '4, K, X. 9, 2, B' },
      { kind: 'status', status: 'received', name: null },
      { kind: 'voucher', voucher: v, spelledCode: 'G, C. A, B, 1, 2. C, D, 3, 4' },
    ]);
  });

  it('then only what changed: the agent on the way, a voucher issued, nothing when nothing changed', () => {
    const first = facts({ vouchers: [voucher()] });
    expect(ticketAnnouncements(first, first)).toEqual([]);
    const claimed = facts({ status: 'claimed', claimedByName: 'Amira', vouchers: [voucher()] });
    expect(ticketAnnouncements(first, claimed)).toEqual([{ kind: 'status', status: 'claimed', name: 'Amira' }]);
    const issued = facts({ status: 'claimed', claimedByName: 'Amira', vouchers: [voucher({ status: 'issued', code: 'GC-AB12-CD34' })] });
    expect(ticketAnnouncements(claimed, issued)).toEqual([
      { kind: 'voucher', voucher: issued.vouchers[0], spelledCode: 'G, C. A, B, 1, 2. C, D, 3, 4' },
    ]);
    // Reassigned to a colleague: same status, another name, said again.
    expect(ticketAnnouncements(claimed, { ...claimed, claimedByName: 'Lucas' })).toEqual([{ kind: 'status', status: 'claimed', name: 'Lucas' }]);
  });

  it('never spells a code that cannot be used: a pending or declined voucher has none', () => {
    const [, , v] = ticketAnnouncements(null, facts({ vouchers: [voucher({ status: 'declined', code: null })] }));
    expect(v).toMatchObject({ kind: 'voucher', spelledCode: null });
  });

  it('says a voucher again when part of it is spent, when it is fully spent and when it is no longer valid', () => {
    const issued = voucher({ status: 'issued', code: 'GC-AB12-CD34' });
    const part = { ...issued, remainingCents: 500 };
    const spent = { ...issued, remainingCents: 0 };
    const voided = { ...issued, code: null, voided: true };
    expect(ticketAnnouncements(facts({ vouchers: [issued] }), facts({ vouchers: [part] }))).toEqual([
      { kind: 'voucher', voucher: part, spelledCode: 'G, C. A, B, 1, 2. C, D, 3, 4' },
    ]);
    expect(ticketAnnouncements(facts({ vouchers: [part] }), facts({ vouchers: [spent] }))).toMatchObject([{ kind: 'voucher', voucher: spent }]);
    expect(ticketAnnouncements(facts({ vouchers: [issued] }), facts({ vouchers: [voided] }))).toEqual([
      { kind: 'voucher', voucher: voided, spelledCode: null },
    ]);
  });

  it('says the hotel with the ticket, again when it changes (a move, a new shuttle time), never when nothing changed', () => {
    const hotel: PassengerHotel = {
      allocationId: 'a1',
      name: 'Hôtel Roissy',
      address: '1 rue de la Gare',
      phone: '+33 1 00 00 00 00',
      deskHours: '24h',
      meals: ['breakfast'],
      rooms: ['double'],
      night: '2026-12-01',
      transport: 'shuttle',
      pickupPoint: 'Door 8',
      pickupAt: '2026-12-01T20:00:00.000Z',
      newDeparture: '2026-12-02T08:00:00.000Z',
      backBy: '2026-12-02T06:00:00.000Z',
    };
    expect(ticketAnnouncements(null, facts({ hotels: [hotel] })).at(-1)).toEqual({ kind: 'hotel', hotel });
    expect(ticketAnnouncements(facts(), facts({ hotels: [hotel] }))).toEqual([{ kind: 'hotel', hotel }]);
    expect(ticketAnnouncements(facts({ hotels: [hotel] }), facts({ hotels: [{ ...hotel }] }))).toEqual([]);
    const later = { ...hotel, pickupAt: '2026-12-01T21:00:00.000Z' };
    expect(ticketAnnouncements(facts({ hotels: [hotel] }), facts({ hotels: [later] }))).toEqual([{ kind: 'hotel', hotel: later }]);
  });
});
