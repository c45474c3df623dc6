import { useEffect, useState } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { SyncClient } from '../../client/sync-client.ts';
import { EVENTS, type PhoneLinkAnswer, type TicketQuery } from '../../core/plain.ts';

/**
 * A QR code and the address that opens this ticket on the passenger's phone. The hub makes both
 * (kiosks never hold the secret behind links, and the QR encoder stays out of the kiosk's budget);
 * it answers only for a ticket made on this kiosk (by number or pass). `refreshKey` asks
 * again, e.g. after staff switched the old link off. Nothing shows while the hub is unreachable.
 */
export function PhoneLink({ client, query, refreshKey }: { client: SyncClient; query: TicketQuery | null; refreshKey: unknown }) {
  const { t } = useKioskTranslation();
  const [link, setLink] = useState<{ url: string; qrSvg: string } | null>(null);
  const key = query ? JSON.stringify(query) : null;

  useEffect(() => {
    if (!key) return;
    let live = true;
    void client.ask<PhoneLinkAnswer>(EVENTS.phoneLink, { query: JSON.parse(key), origin: location.origin }).then((a) => {
      if (live) setLink(a?.ok ? { url: a.url, qrSvg: a.qrSvg } : null);
    });
    return () => {
      live = false;
    };
  }, [client, key, refreshKey]);

  if (!link) return null;
  return (
    <section className="phone-link" aria-labelledby="phone-link-title" data-testid="phone-link">
      <h3 id="phone-link-title">{t('phoneLink.title')}</h3>
      <p>{t('phoneLink.intro')}</p>
      <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`} alt={t('phoneLink.qrAlt')} />
      <p>
        {t('phoneLink.or')}{' '}
        <span className="phone-url" dir="ltr" data-testid="phone-url">
          {link.url}
        </span>
      </p>
    </section>
  );
}
