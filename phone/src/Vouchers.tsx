import type { PhoneTicketMessage } from '../../core/wire.ts';
import type { Translate } from './i18n.ts';
import { formatMoney } from './format.ts';

/** Every voucher issued to the passenger, with its code and QR to show at an outlet. */
export function Vouchers({ ticket, t, lang }: { ticket: PhoneTicketMessage; t: Translate; lang: string }) {
  if (!ticket.vouchers.length) return null;
  return (
    <section aria-labelledby="vouchers-title" className="card">
      <h2 id="vouchers-title">{t('phone.vouchers')}</h2>
      <p>{t('phone.voucherShow')}</p>
      <ul className="vouchers">
        {ticket.vouchers.map((v) => {
          const svg = ticket.voucherQr[v.code];
          return (
            <li key={v.id} data-testid="voucher">
              <p>
                <strong>{t(`phone.voucherKind.${v.kind}`)}</strong> · {formatMoney(v.amountCents, v.currency, lang)}
              </p>
              <p className="code" dir="ltr">
                {v.code}
              </p>
              {svg && <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('phone.voucherQr', { code: v.code })} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
