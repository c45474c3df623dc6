import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HubRefusal, HubUnreachable, type OutletVoucher, type Receipt } from './hub-api.ts';
import { lookUpOrCached } from './offline/offline-calls.ts';
import { OfflineQueue } from './offline/OfflineQueue.tsx';
import type { OutletEnrollment } from './enrollment.ts';
import { VoucherCard } from './VoucherCard.tsx';
import { ReceiptView } from './ReceiptView.tsx';
import { HotelDesk } from './HotelDesk.tsx';
import { ErrorLine } from '../../client/ui/message-lines.tsx';
import { CameraScan } from '../../client/ui/CameraScan.tsx';

/**
 * The counter: one field takes what a keyboard-wedge scanner types (a boarding pass or a voucher
 * QR, ending in Enter) or a code typed by hand; the vouchers found follow, then the receipt.
 */
export function CounterScreen({ enrollment, onUnenrolled }: { enrollment: OutletEnrollment; onUnenrolled: (message: string) => void }) {
  const { t } = useTranslation();
  const [scan, setScan] = useState('');
  const [vouchers, setVouchers] = useState<OutletVoucher[] | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The vouchers shown come from this outlet's own copy: the hub is out of reach.
  const [offline, setOffline] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  /** Looks up what the scanner, the cashier or the camera read. */
  const lookUp = async (text: string) => {
    if (!text.trim()) return setError(t('scan.empty'));
    setBusy(true);
    setError('');
    setReceipt(null);
    try {
      const found = await lookUpOrCached(enrollment.token, enrollment.outlet.id, text);
      setVouchers(found.vouchers);
      setOffline(found.offline);
      setScan('');
    } catch (err) {
      setVouchers(null);
      if (err instanceof HubRefusal && err.status === 401) return onUnenrolled(err.message);
      setError(err instanceof HubUnreachable ? t('error.unreachable') : t('scan.notFound', { reason: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const look = (e: FormEvent) => {
    e.preventDefault();
    void lookUp(scan);
  };

  const next = () => {
    setReceipt(null);
    setVouchers(null);
    field.current?.focus();
  };

  return (
    <>
      <OfflineQueue token={enrollment.token} outletId={enrollment.outlet.id} onUnenrolled={onUnenrolled} />
      {enrollment.outlet.kind === 'hotel-desk' && <HotelDesk token={enrollment.token} onUnenrolled={onUnenrolled} />}
      <form className="card" onSubmit={look} aria-labelledby="scan-title">
        <h2 id="scan-title">{t('scan.title')}</h2>
        <label htmlFor="scan">{t('scan.label')}</label>
        <div className="row">
          <input id="scan" ref={field} value={scan} onChange={(e) => setScan(e.target.value)} autoFocus autoComplete="off" spellCheck={false} />
          <button type="submit" disabled={busy}>
            {t('scan.submit')}
          </button>
        </div>
        <CameraScan
          onScan={(text) => void lookUp(text)}
          words={{ start: t('camera.start'), stop: t('camera.stop'), hint: t('camera.hint'), error: t('camera.error') }}
        />
        <ErrorLine text={error} />
      </form>
      {receipt ? (
        <ReceiptView receipt={receipt} onNext={next} />
      ) : (
        vouchers && (
          <section aria-labelledby="found-title">
            <h2 id="found-title">{t('found.title', { count: vouchers.length })}</h2>
            {offline && (
              <p className="banner" data-testid="offline-lookup">
                {t('offline.lookup')}
              </p>
            )}
            <ul className="vouchers">
              {vouchers.map((v) => (
                <VoucherCard
                  key={v.voucherId}
                  voucher={v}
                  outlet={enrollment.outlet}
                  token={enrollment.token}
                  onReceipt={setReceipt}
                  onUnenrolled={onUnenrolled}
                />
              ))}
            </ul>
          </section>
        )
      )}
    </>
  );
}
