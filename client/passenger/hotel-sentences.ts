import { airportClockIn, type PassengerHotel } from '../../core/plain.ts';
import { isolateIn, listIn } from './words-in-language.ts';

/** A translator as both passenger apps have one (i18next's `t` on the kiosk, the phone's own): key and values in, words out. */
export type Words = (key: string, values?: Record<string, string>) => string;

/** The sentences of a hotel card that are made of the catalogs' words, each null where the card has no such line. */
export interface HotelSentences {
  rooms: string;
  /** The shuttle's time and stop, or the taxi rank. */
  transport: string;
  included: string | null;
  /** The new departure and when to be back at the airport. */
  back: string | null;
}

/**
 * A hotel card's sentences in the passenger's language, the same on the kiosk's ticket, on the phone and in
 * what the kiosk says aloud. `isolate`: the pickup point (a Latin name) keeps its own direction inside an
 * Arabic sentence on screen; speech takes the words without the marks.
 */
export function hotelSentences(h: PassengerHotel, t: Words, language: string, timeZone: string, isolate = true): HotelSentences {
  const time = (iso: string) => airportClockIn(iso, timeZone, language);
  const point = isolate ? isolateIn(h.pickupPoint, language) : h.pickupPoint;
  const list = (keys: string[]) =>
    listIn(
      keys.map((k) => t(k)),
      language,
    );
  return {
    rooms: t('hotel.rooms', { rooms: list(h.rooms.map((r) => `hotel.room.${r}`)) }),
    transport: h.transport === 'shuttle' && h.pickupAt ? t('hotel.shuttle', { time: time(h.pickupAt), point }) : t('hotel.taxi', { point }),
    included: h.meals.length > 0 ? t('hotel.included', { meals: list(h.meals.map((m) => `hotel.meal.${m}`)) }) : null,
    back: h.newDeparture && h.backBy ? t('hotel.back', { departure: time(h.newDeparture), time: time(h.backBy) }) : null,
  };
}
