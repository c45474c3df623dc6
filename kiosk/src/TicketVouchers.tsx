import { useId } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import { formatMoney, voucherQrText, type PublicVoucher } from '../../core/plain.ts';
import { formatTime } from './format.ts';
import { VoucherQr } from './VoucherQr.tsx';

/**
 * The passenger's vouchers: what each is worth and covers, until when, and the code with its QR
 * to show at the shop, hotel or taxi desk. An escalated one says it waits for the duty manager,
 * a declined one says so plainly; neither shows a code that could not be used.
 */
export function TicketVouchers({ vouchers, timeZone }: { vouchers: readonly PublicVoucher[]; timeZone: string }) {
  const { t, language } = useKioskTranslation();
  const titleId = useId();
  if (!vouchers.length) return null;
  return (
    <section className="vouchers" aria-labelledby={titleId} data-testid="vouchers">
      <h3 id={titleId}>{t('voucher.title')}</h3>
      <ul>
        {vouchers.map((v) => (
          <li key={v.id} className={`voucher ${v.status}`} data-testid="kiosk-voucher" data-status={v.status}>
            <p className="voucher-head">
              <strong>{t(`voucher.kind.${v.kind}`)}</strong> · {formatMoney({ minor: v.amountCents, currency: v.currency }, language)}
            </p>
            {v.description && (
              <p>
                {t('voucher.covers')} <bdi>{v.description}</bdi>
              </p>
            )}
            {v.voided && <p className="voucher-declined">{t('voucher.voided')}</p>}
            {v.status === 'issued' && v.code && v.remainingCents === 0 && (
              <p className="voucher-spent" data-testid="voucher-remaining">
                {t('voucher.spent')}
              </p>
            )}
            {v.status === 'issued' && v.code && v.remainingCents > 0 && (
              <>
                {v.remainingCents < v.amountCents && (
                  <p className="voucher-remaining" data-testid="voucher-remaining">
                    {t('voucher.remaining', { amount: formatMoney({ minor: v.remainingCents, currency: v.currency }, language) })}
                  </p>
                )}
                {v.validUntil && <p>{t('voucher.validUntil', { time: formatTime(v.validUntil, language, timeZone) })}</p>}
                <p className="voucher-code-label">{t('voucher.code')}</p>
                <p className="voucher-code">
                  <bdi dir="ltr" data-testid="voucher-code">
                    {v.code}
                  </bdi>
                </p>
                <VoucherQr text={voucherQrText({ ...v, code: v.code })} label={t('voucher.qr', { code: v.code })} />
                <p className="meta">{t('voucher.show')}</p>
              </>
            )}
            {v.status === 'pending' && <p className="voucher-wait">{t('voucher.pending')}</p>}
            {v.status === 'declined' && <p className="voucher-declined">{t('voucher.declined')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
