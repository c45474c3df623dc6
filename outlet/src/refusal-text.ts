import type { TFunction } from 'i18next';
import { formatMoney, type VoucherKind } from '../../core/plain.ts';
import type { NamedRefusal } from './hub-api.ts';

/**
 * Why the hub refused, in the outlet's language, from the code and what it names (never the hub's
 * English words): "Le bon GC-… a déjà été dépensé (à Brasserie 2E, reçu R-…)".
 */
export function refusalText(t: TFunction, refusal: NamedRefusal, locale: string): string {
  const kind = (k: VoucherKind) => t(`voucherKindWord.${k}`);
  switch (refusal.code) {
    case 'voided':
      return t('refusalDetail.voided', { voucher: refusal.params.voucher });
    case 'not_issued':
      return t(`refusalDetail.not_issued_${refusal.params.status}`, { voucher: refusal.params.voucher });
    case 'expired':
      return t('refusalDetail.expired', {
        voucher: refusal.params.voucher,
        until: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(refusal.params.until)),
      });
    case 'wrong_kind':
      return t('refusalDetail.wrong_kind', {
        kind: kind(refusal.params.kind),
        outlet: refusal.params.outlet,
        accepts: new Intl.ListFormat(locale, { type: 'disjunction' }).format(refusal.params.accepts.map(kind)),
      });
    case 'spent':
      return refusal.params.outlet && refusal.params.receipt
        ? t('refusalDetail.spent_at', { voucher: refusal.params.voucher, outlet: refusal.params.outlet, receipt: refusal.params.receipt })
        : t('refusalDetail.spent', { voucher: refusal.params.voucher });
    case 'too_much':
      return t('refusalDetail.too_much', {
        voucher: refusal.params.voucher,
        left: formatMoney({ minor: refusal.params.leftMinor, currency: refusal.params.currency }, locale),
      });
  }
}
