import type { PassengerHotel } from '../../core/plain.ts';
import type { Translate } from './i18n.ts';
import { hotelSentences } from '../../client/passenger/hotel-sentences.ts';

/** A search for the address in the phone's map (OpenStreetMap: no account, any phone). */
function mapLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/**
 * The passenger's hotel tonight, in the kiosk ticket's words (the shared catalogs): hotel, address
 * opening the phone's map, pickup point and time (shuttle) or taxi rank, rooms, what is included,
 * its phone to call, and when to be back. The hub pushes the view again on a move, a release or a
 * new shuttle time, so a change shows at once.
 */
export function Hotel({
  hotels,
  timeZone,
  t,
  lang,
}: {
  hotels: readonly PassengerHotel[] | undefined;
  timeZone: string;
  t: Translate;
  lang: string;
}) {
  // A view saved by an older page has no hotels.
  if (!hotels?.length) return null;
  return (
    <section aria-labelledby="hotel-title" className="card" data-testid="phone-hotel">
      <h2 id="hotel-title">{t('hotel.title')}</h2>
      {hotels.map((h) => {
        const s = hotelSentences(h, t, lang, timeZone);
        return (
          <div key={h.allocationId} className="hotel">
            <p>
              <strong>
                <bdi data-testid="hotel-name">{h.name}</bdi>
              </strong>
            </p>
            <p>
              <a href={mapLink(h.address)} target="_blank" rel="noopener noreferrer" data-testid="hotel-map">
                <bdi dir="auto">{h.address}</bdi>
              </a>{' '}
              <span className="meta">{t('phone.hotelMap')}</span>
            </p>
            <p data-testid="hotel-transport">{s.transport}</p>
            <p>{s.rooms}</p>
            {s.included && <p>{s.included}</p>}
            <p>
              {t('hotel.phone')}{' '}
              <a href={`tel:${h.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                {h.phone}
              </a>
            </p>
            {s.back && (
              <p data-testid="hotel-back">
                <strong>{s.back}</strong>
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
