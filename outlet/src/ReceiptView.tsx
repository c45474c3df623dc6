import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../core/plain.ts';
import type { Receipt } from './hub-api.ts';

/** The hub's receipt, as the counter shows it: the reference is what both sides keep. */
export function ReceiptView({ receipt: r, onNext }: { receipt: Receipt; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const money = (minor: number) => formatMoney({ minor, currency: r.currency }, i18n.language);
  return (
    <section className={r.offline ? 'card receipt provisional' : 'card receipt'} data-testid="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabIndex={-1} ref={heading}>
        {r.offline ? t('offline.receiptTitle') : t('receipt.title')}
      </h2>
      {r.offline && (
        <p className="banner" data-testid="receipt-offline">
          {t('offline.receiptNote')}
        </p>
      )}
      <p className="reference" data-testid="receipt-reference">
        {r.reference}
      </p>
      <dl>
        <dt>{t('receipt.spent')}</dt>
        <dd data-testid="receipt-amount">{money(r.amountCents)}</dd>
        <dt>{t('receipt.left')}</dt>
        <dd data-testid="receipt-left">{money(r.remainingCents)}</dd>
        <dt>{t('receipt.voucher')}</dt>
        <dd>
          {t(`voucherKind.${r.kind}`)} · {r.code}
        </dd>
        <dt>{t('receipt.where')}</dt>
        <dd>
          {r.outletName} · {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(r.at))}
        </dd>
      </dl>
      <button type="button" onClick={onNext}>
        {t('receipt.next')}
      </button>
    </section>
  );
}
