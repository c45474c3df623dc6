import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLatest } from '../../../client/use-latest.ts';
import { formatMoney } from '../../../core/money.ts';
import { HubRefusal, HubUnreachable, whoAmI } from '../hub-api.ts';
import { allReceipts, saveRisk, type OfflineReceipt } from './offline-store.ts';
import { QUEUE_CHANGED } from './offline-spend.ts';
import { sendQueue } from './send-queue.ts';

/** How often a waiting queue is tried again when the browser does not say the network came back. */
const RETRY_MS = 15_000;

/**
 * The receipts this outlet wrote offline: how many still wait for the hub, and the hub's answer for
 * each once it came (confirmed, spent twice, refused). Sends the queue on start, when the network
 * comes back and every few seconds while something waits; learns the offline limit on start.
 */
export function OfflineQueue({ token, outletId, onUnenrolled }: { token: string; outletId: string; onUnenrolled: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [receipts, setReceipts] = useState<OfflineReceipt[]>([]);
  const [problem, setProblem] = useState('');
  const latest = useLatest({ t, onUnenrolled });

  useEffect(() => {
    let stopped = false;
    const refresh = () => void allReceipts().then((r) => !stopped && setReceipts(r));
    const trySend = () =>
      sendQueue(token).then(
        () => !stopped && setProblem(''),
        (err: unknown) => {
          if (stopped) return;
          const { t } = latest.current;
          if (err instanceof HubUnreachable) return setProblem(t('offline.waiting'));
          // Revoked, say: the receipts stay on this device, said on screen; nothing is thrown away.
          setProblem(t('offline.notSent', { reason: (err as Error).message }));
        },
      );
    const changed = () => {
      refresh();
      void trySend();
    };
    whoAmI(token).then(
      ({ offlineRisk }) => saveRisk(outletId, offlineRisk),
      (err: unknown) => {
        if (err instanceof HubRefusal && err.status === 401) latest.current.onUnenrolled(err.message);
      },
    );
    changed();
    addEventListener(QUEUE_CHANGED, changed);
    addEventListener('online', changed);
    const timer = setInterval(() => void allReceipts().then((r) => r.some((x) => x.state === 'queued') && changed()), RETRY_MS);
    return () => {
      stopped = true;
      removeEventListener(QUEUE_CHANGED, changed);
      removeEventListener('online', changed);
      clearInterval(timer);
    };
  }, [token, outletId, latest]);

  const queued = receipts.filter((r) => r.state === 'queued');
  const answered = receipts
    .filter((r) => r.state !== 'queued')
    .slice(-5)
    .reverse();
  if (receipts.length === 0) return null;
  const money = (r: OfflineReceipt, minor: number) => formatMoney({ minor, currency: r.currency }, i18n.language);
  return (
    <section className="card offline-queue" aria-labelledby="offline-queue-title" data-testid="offline-queue">
      <h2 id="offline-queue-title">{t('offline.queueTitle')}</h2>
      <p role="status" data-testid="offline-queued">
        {queued.length > 0 ? t('offline.queued', { count: queued.length }) : t('offline.allSent')}
      </p>
      {problem && queued.length > 0 && <p className="error">{problem}</p>}
      {answered.length > 0 && (
        <ul>
          {answered.map((r) => (
            <li key={r.redemptionId} data-testid="offline-answer">
              <span className="code">{r.reference}</span> · {r.code} · {money(r, r.amountCents)} ·{' '}
              {r.state === 'refused'
                ? t('offline.refused', { reason: r.error ?? '' })
                : r.overspendCents
                  ? t('offline.conflict', { amount: money(r, r.overspendCents) })
                  : t('offline.confirmed')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
