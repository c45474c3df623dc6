import type { PassengerHotel } from '../../core/plain.ts';
import type { Translate } from './i18n.ts';
import { formatTime } from './format.ts';

/** "family room and double room", the passenger's way. */
function listIn(items: string[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

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
  const time = (iso: string) => formatTime(iso, lang, timeZone);
  // A Latin pickup point inside an Arabic sentence keeps its own direction (first-strong isolate).
  const point = (p: string) => (lang === 'ar' ? `\u2068${p}\u2069` : p);
  return (
    <section aria-labelledby="hotel-title" className="card" data-testid="phone-hotel">
      <h2 id="hotel-title">{t('hotel.title')}</h2>
      {hotels.map((h) => (
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
          <p data-testid="hotel-transport">
            {h.transport === 'shuttle' && h.pickupAt
              ? t('hotel.shuttle', { time: time(h.pickupAt), point: point(h.pickupPoint) })
              : t('hotel.taxi', { point: point(h.pickupPoint) })}
          </p>
          <p>
            {t('hotel.rooms', {
              rooms: listIn(
                h.rooms.map((r) => t(`hotel.room.${r}`)),
                lang,
              ),
            })}
          </p>
          {h.meals.length > 0 && (
            <p>
              {t('hotel.included', {
                meals: listIn(
                  h.meals.map((m) => t(`hotel.meal.${m}`)),
                  lang,
                ),
              })}
            </p>
          )}
          <p>
            {t('hotel.phone')}{' '}
            <a href={`tel:${h.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
              {h.phone}
            </a>
          </p>
          {h.newDeparture && h.backBy && (
            <p data-testid="hotel-back">
              <strong>{t('hotel.back', { departure: time(h.newDeparture), time: time(h.backBy) })}</strong>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
