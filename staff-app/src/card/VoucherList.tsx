import { moneyText, type Voucher } from '../../../core/index.ts';
import { VOUCHER_LABEL } from '../labels.ts';
import { VoucherQr } from './VoucherQr.tsx';

function statusText(v: Voucher): string {
  if (v.status === 'pending') return `waiting for a duty manager (asked by ${v.requestedByName})`;
  if (v.status === 'declined') return `declined by ${v.authorisedByName}${v.declineReason ? `: ${v.declineReason}` : ''}`;
  return v.authorisedBy === v.requestedBy ? `issued by ${v.authorisedByName}` : `approved by ${v.authorisedByName}`;
}

export function VoucherList({ vouchers, unconfirmed }: { vouchers: readonly Voucher[]; unconfirmed: ReadonlySet<string> }) {
  return (
    <ul className="vouchers" aria-label="Vouchers">
      {vouchers.map((v) => (
        <li key={v.id} className={`voucher ${v.status}`} data-testid="voucher" data-status={v.status}>
          <div>
            <strong>
              {VOUCHER_LABEL[v.kind]} {moneyText({ minor: v.amountCents, currency: v.currency })}
            </strong>
            {v.description && <> · {v.description}</>}
            <div className="code">{v.status === 'issued' ? v.code : ''}</div>
            <div className="voucher-status">{statusText(v)}</div>
            {unconfirmed.has(v.id) && (
              <div className="unconfirmed" role="status">
                Not confirmed yet: the hub checks the limits when this tablet is back online.
              </div>
            )}
          </div>
          {v.status === 'issued' && <VoucherQr voucher={v} />}
        </li>
      ))}
    </ul>
  );
}
