import type { TFunction } from 'i18next';
import { formatMoney, type PassengerHotel, type PublicVoucher, type TicketAnnouncement } from '../../../core/plain.ts';
import { formatTime } from '../format.ts';
import { hotelSentences } from '../../../client/passenger/hotel-sentences.ts';

/** The words of one ticket announcement (core/ticket-speech.ts) in a language. */
export function ticketWords(a: TicketAnnouncement, t: TFunction, language: string, timeZone: string): string {
  switch (a.kind) {
    case 'number':
      return t('speech.ticketNumber', { spelled: a.spelled });
    case 'status':
      return t('speech.status', { status: a.status === 'claimed' ? t('ticket.claimed', { name: a.name ?? '' }) : t(`ticket.${a.status}`) });
    case 'voucher':
      return voucherWords(a.voucher, a.spelledCode, t, language, timeZone);
    case 'hotel':
      return hotelWords(a.hotel, t, language, timeZone);
  }
}

/** As the voucher shows on the ticket (TicketVouchers.tsx): no longer valid, fully spent, or its code with what is left and until when. */
function voucherWords(v: PublicVoucher, spelledCode: string | null, t: TFunction, language: string, timeZone: string): string {
  const money = (minor: number) => formatMoney({ minor, currency: v.currency }, language);
  const what = { kind: t(`voucher.kind.${v.kind}`), amount: money(v.amountCents) };
  if (v.voided) return t('speech.voucherVoided', what);
  if (v.status === 'issued' && v.remainingCents === 0) return t('speech.voucherSpent', what);
  if (v.status === 'issued' && spelledCode) {
    const left = v.remainingCents < v.amountCents ? ` ${t('voucher.remaining', { amount: money(v.remainingCents) })}.` : '';
    const until = v.validUntil ? ` ${t('voucher.validUntil', { time: formatTime(v.validUntil, language, timeZone) })}.` : '';
    return `${t('speech.voucherIssued', { ...what, code: spelledCode })}${left}${until} ${t('voucher.show')}`;
  }
  return t(v.status === 'declined' ? 'speech.voucherDeclined' : 'speech.voucherPending', what);
}

/** Every line of the hotel card (TicketHotel.tsx), in its order, as sentences. */
function hotelWords(h: PassengerHotel, t: TFunction, language: string, timeZone: string): string {
  const s = hotelSentences(h, (key, values) => t(key, values ?? {}), language, timeZone, false);
  const lines = [t('hotel.title'), h.name, h.address, s.rooms, s.transport, s.included, `${t('hotel.phone')} ${h.phone}`, s.back];
  return lines.filter(Boolean).join('. ') + '.';
}
