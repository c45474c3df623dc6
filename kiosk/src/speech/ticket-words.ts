import type { TFunction } from 'i18next';
import { formatMoney, type TicketAnnouncement } from '../../../core/plain.ts';
import { formatTime } from '../format.ts';

/** The words of one ticket announcement (core/ticket-speech.ts) in a language. */
export function ticketWords(a: TicketAnnouncement, t: TFunction, language: string, timeZone: string): string {
  switch (a.kind) {
    case 'number':
      return t('speech.ticketNumber', { spelled: a.spelled });
    case 'status':
      return t('speech.status', { status: a.status === 'claimed' ? t('ticket.claimed', { name: a.name ?? '' }) : t(`ticket.${a.status}`) });
    case 'voucher': {
      const v = a.voucher;
      const what = { kind: t(`voucher.kind.${v.kind}`), amount: formatMoney({ minor: v.amountCents, currency: v.currency }, language) };
      if (v.status === 'issued' && a.spelledCode) {
        const until = v.validUntil ? ` ${t('voucher.validUntil', { time: formatTime(v.validUntil, language, timeZone) })}.` : '';
        return `${t('speech.voucherIssued', { ...what, code: a.spelledCode })}${until} ${t('voucher.show')}`;
      }
      return t(v.status === 'declined' ? 'speech.voucherDeclined' : 'speech.voucherPending', what);
    }
  }
}
