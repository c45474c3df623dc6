import { describe, expect, it } from 'vitest';
import { spellOut, ticketAnnouncements, type PublicVoucher, type TicketSpeechFacts } from '../../core/plain.ts';

const voucher = (over: Partial<PublicVoucher> = {}): PublicVoucher => ({
  id: 'v1',
  kind: 'meal',
  amountCents: 1500,
  currency: 'EUR',
  description: '',
  status: 'pending',
  code: null,
  validUntil: null,
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
});
