import { useState } from 'react';
import { moneyText, remainingCents, type Voucher } from '../../../core/index.ts';
import { VOUCHER_LABEL } from '../labels.ts';
import { VoucherQr } from './VoucherQr.tsx';

function statusText(v: Voucher): string {
  if (v.status === 'pending') return `waiting for a duty manager (asked by ${v.requestedByName})`;
  if (v.status === 'declined') return `declined by ${v.authorisedByName}${v.declineReason ? `: ${v.declineReason}` : ''}`;
  const issued = v.authorisedBy === v.requestedBy ? `issued by ${v.authorisedByName}` : `approved by ${v.authorisedByName}`;
  if (v.voided) return `${issued} · voided: ${v.voided.reason}`;
  if (!v.redemptions?.length) return issued;
  const left = remainingCents(v);
  const where = v.redemptions
    .map((r) => `${moneyText({ minor: r.amountCents, currency: v.currency })} at ${r.outletName} (${r.reference})`)
    .join(', ');
  return `${issued} · spent ${where} · ${left ? `${moneyText({ minor: left, currency: v.currency })} left` : 'fully spent'}`;
}

/** A duty manager stops a voucher (lost, fraud), with the reason: what was spent stays spent. */
function VoidForm({ voucher: v, onVoid, onDone }: { voucher: Voucher; onVoid: (reason: string) => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const ok = reason.trim().length >= 3;
  return (
    <form
      className="panel"
      aria-label={`Void voucher ${v.code}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        onVoid(reason.trim());
        onDone();
      }}
    >
      <label className="field">
        Why void {v.code}?
        <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
      </label>
      {!ok && reason.length > 0 && <p className="hint">Give a reason of at least 3 characters.</p>}
      <div className="actions">
        <button className="danger" type="submit" disabled={!ok}>
          Void voucher
        </button>
        <button type="button" onClick={onDone}>
          Keep it
        </button>
      </div>
    </form>
  );
}

export function VoucherList({
  vouchers,
  unconfirmed,
  onVoid,
}: {
  vouchers: readonly Voucher[];
  unconfirmed: ReadonlySet<string>;
  /** Given to duty managers only: the hub refuses `voucher.void` from anyone else. */
  onVoid?: (voucherId: string, reason: string) => void;
}) {
  const [voiding, setVoiding] = useState<string | null>(null);
  return (
    <ul className="vouchers" aria-label="Vouchers">
      {vouchers.map((v) => {
        const usable = v.status === 'issued' && !v.voided && remainingCents(v) > 0;
        return (
          <li key={v.id} className={`voucher ${v.status}`} data-testid="voucher" data-status={v.voided ? 'voided' : v.status}>
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
              {onVoid && usable && voiding !== v.id && (
                <button aria-expanded={false} onClick={() => setVoiding(v.id)}>
                  Void…
                </button>
              )}
              {onVoid && voiding === v.id && <VoidForm voucher={v} onVoid={(reason) => onVoid(v.id, reason)} onDone={() => setVoiding(null)} />}
            </div>
            {usable && <VoucherQr voucher={v} />}
          </li>
        );
      })}
    </ul>
  );
}
