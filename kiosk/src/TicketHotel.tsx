import { useId } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { PassengerHotel } from '../../core/plain.ts';
import { hotelSentences } from '../../client/passenger/hotel-sentences.ts';
import { VoucherQr } from './VoucherQr.tsx';

/**
 * Where the passenger sleeps tonight and how they get there: hotel, address with a QR code to
 * scan into a phone's map, desk hours and phone, the shuttle (time and stop) or the taxi rank, what
 * is included, and when to be back for the new flight (desk hours and rooms are for staff and the phone). Redrawn from the state, so a move shows at once.
 */
export function TicketHotel({ hotels, timeZone }: { hotels: readonly PassengerHotel[]; timeZone: string }) {
  const { t, language } = useKioskTranslation();
  const titleId = useId();
  if (!hotels.length) return null;
  const lang = language;
  const words = (key: string, values?: Record<string, string | number>) => t(key, values ?? {});
  return (
    <section className="hotel" aria-labelledby={titleId} data-testid="kiosk-hotel">
      <h3 id={titleId}>{t('hotel.title')}</h3>
      {hotels.map((h) => {
        const s = hotelSentences(h, words, lang, timeZone);
        return (
          <div key={h.allocationId} className="hotel-card">
            <p className="hotel-name">
              <bdi data-testid="hotel-name">{h.name}</bdi>
            </p>
            <p>
              <bdi dir="auto">{h.address}</bdi>
            </p>
            <VoucherQr text={`${h.name}, ${h.address}`} label={h.address} />
            <p>{s.rooms}</p>
            <p data-testid="hotel-transport">{s.transport}</p>
            {s.included && <p>{s.included}</p>}
            <p>
              {t('hotel.phone')}{' '}
              <bdi dir="ltr" data-testid="hotel-phone">
                {h.phone}
              </bdi>
            </p>
            {s.back && (
              <p className="hotel-back" data-testid="hotel-back">
                {s.back}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
