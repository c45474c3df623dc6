import type { PhoneTicketMessage } from '../../core/wire.ts';
import type { Translate } from './i18n.ts';
import { formatTime } from './format.ts';
import { formatMoney } from '../../core/money.ts';

/** Every voucher, in the kiosk's words: code and QR to show at an outlet once issued, or why not yet. */
export function Vouchers({ ticket, t, lang }: { ticket: PhoneTicketMessage; t: Translate; lang: string }) {
  if (!ticket.vouchers.length) return null;
  return (
    <section aria-labelledby="vouchers-title" className="card">
      <h2 id="vouchers-title">{t('voucher.title')}</h2>
      <ul className="vouchers">
        {ticket.vouchers.map((v) => {
          const svg = v.code ? ticket.voucherQr[v.code] : undefined;
          return (
            <li key={v.id} data-testid="voucher">
              <p>
                <strong>{t(`voucher.kind.${v.kind}`)}</strong> · {formatMoney({ minor: v.amountCents, currency: v.currency }, lang)}
              </p>
              {v.description && (
                <p>
                  {t('voucher.covers')} {v.description}
                </p>
              )}
              {v.status === 'pending' && <p>{t('voucher.pending')}</p>}
              {v.status === 'declined' && <p className="error">{t('voucher.declined')}</p>}
              {v.code && (
                <>
                  <p className="meta">{t('voucher.code')}</p>
                  <p className="code" dir="ltr">
                    {v.code}
                  </p>
                  {svg && (
                    <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('voucher.qr', { code: v.code })} />
                  )}
                  <p>{t('voucher.show')}</p>
                  {v.validUntil && <p className="meta">{t('voucher.validUntil', { time: formatTime(v.validUntil, lang, ticket.timeZone) })}</p>}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
