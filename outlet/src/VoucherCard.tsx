import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { decimalText, formatMoney, parseMoney } from '../../core/plain.ts';
import { HubRefusal, HubUnreachable, type OutletInfo, type OutletVoucher, type Receipt } from './hub-api.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';
import { CannotDecideOffline, redeemOrOffline } from './offline/offline-calls.ts';

interface Props {
  voucher: OutletVoucher;
  outlet: OutletInfo;
  token: string;
  onReceipt: (r: Receipt) => void;
  /** The hub no longer knows this outlet's token (revoked, or enrolled elsewhere). */
  onUnenrolled: (message: string) => void;
}

function validUntilText(iso: string | null, locale: string): string {
  return iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '—';
}

/** One voucher the scan found: what it is, what is left, and the form to spend all or part of it. */
export function VoucherCard({ voucher: v, outlet, token, onReceipt, onUnenrolled }: Props) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney({ minor, currency: v.currency }, i18n.language);
  const [amount, setAmount] = useState(decimalText({ minor: v.remainingCents, currency: v.currency }));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept across a retry after no answer, so the hub spends once whatever happened to the first try.
  const [pendingId, setPendingId] = useState<string | null>(null);
  const amountId = `amount-${v.voucherId}`;

  const spend = async (minor: number) => {
    const redemptionId = pendingId ?? uuidv7();
    setPendingId(redemptionId);
    setBusy(true);
    setError('');
    try {
      const receipt = await redeemOrOffline(token, outlet, v, redemptionId, minor);
      setPendingId(null);
      onReceipt(receipt);
    } catch (err) {
      if (err instanceof HubUnreachable) return setError(t('error.unreachableRetry'));
      // Offline and beyond this outlet's limit: the same id is kept, so pressing again once the hub is back spends once.
      if (err instanceof CannotDecideOffline) return setError(t('offline.cannot', { reason: err.message }));
      setPendingId(null);
      if (err instanceof HubRefusal && err.status === 401) return onUnenrolled(err.message);
      setError(t('redeem.refused', { reason: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseMoney(amount, v.currency);
    if (!parsed.ok) return setError(t('redeem.badAmount', { reason: parsed.reason }));
    if (parsed.money.minor === 0) return setError(t('redeem.zero'));
    if (parsed.money.minor > v.remainingCents) return setError(t('redeem.tooMuch', { left: money(v.remainingCents) }));
    void spend(parsed.money.minor);
  };

  return (
    <li className="card voucher" data-testid="outlet-voucher">
      <h3>
        {t(`voucherKind.${v.kind}`)} · <span className="code">{v.code}</span>
      </h3>
      <dl>
        <dt>{t('voucher.remaining')}</dt>
        <dd data-testid="voucher-remaining">
          {money(v.remainingCents)} {t('voucher.of', { amount: money(v.amountCents) })}
        </dd>
        <dt>{t('voucher.validUntil')}</dt>
        <dd>{validUntilText(v.validUntil, i18n.language)}</dd>
        <dt>{t('voucher.passenger')}</dt>
        <dd>{t('voucher.initial', { initial: v.initial || '?' })}</dd>
      </dl>
      {v.refusal ? (
        <p className="refusal" data-testid="voucher-refusal">
          <strong>{t(`refusal.${v.refusalCode ?? 'not_issued'}`)}</strong> {v.refusal}
        </p>
      ) : (
        <form onSubmit={submit} className="redeem">
          <label htmlFor={amountId}>{t('redeem.amount', { currency: v.currency })}</label>
          <input id={amountId} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" autoComplete="off" />
          <button type="submit" disabled={busy}>
            {t('redeem.part')}
          </button>
          <button type="button" disabled={busy} onClick={() => void spend(v.remainingCents)}>
            {t('redeem.all', { amount: money(v.remainingCents) })}
          </button>
        </form>
      )}
      <ErrorLine text={error} />
    </li>
  );
}
