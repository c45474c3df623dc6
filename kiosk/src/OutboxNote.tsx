import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { SyncSnapshot } from '../../client/sync-client.ts';

/** Says honestly that requests typed here are still on this kiosk, e.g. after a reload with the network down. */
export function OutboxNote({ sync }: { sync: SyncSnapshot }) {
  const { t } = useKioskTranslation();
  const waiting = sync.pending.filter((o) => o.type === 'request.create').length;
  if (!waiting) return null;
  return (
    <p className="net saved" role="status" data-testid="outbox-note">
      {t('net.waiting', { count: waiting })}
    </p>
  );
}
