import { HotelPayload, MEALS, type Hotel, type HotelTransport, type Meal } from '../../../../core/index.ts';
import { checkWith, typedNumber, type Checked, type FieldErrors } from '../../forms/schema-check.ts';

/** The hotel form as typed: text stays text until saved, so a half-typed value is never lost. */
export interface HotelDraft {
  name: string;
  address: string;
  distanceKm: string;
  phone: string;
  deskHours: string;
  transport: HotelTransport;
  pickupPoint: string;
  meals: Meal[];
}
export type HotelField = keyof HotelDraft | 'form';

export function hotelDraftOf(h: Hotel | null): HotelDraft {
  return {
    name: h?.name ?? '',
    address: h?.address ?? '',
    distanceKm: h ? String(h.distanceKm) : '',
    phone: h?.phone ?? '',
    deskHours: h?.deskHours ?? '',
    transport: h?.transport ?? 'shuttle',
    pickupPoint: h?.pickupPoint ?? '',
    meals: h ? [...h.meals] : [],
  };
}

const FIELDS: readonly string[] = ['name', 'address', 'distanceKm', 'phone', 'deskHours', 'transport', 'pickupPoint', 'meals'];
const fieldOf = (key: PropertyKey | undefined): HotelField => (typeof key === 'string' && FIELDS.includes(key) ? (key as HotelField) : 'form');

/**
 * An id for a new hotel from its name ("Hôtel du Mesnil" → "hotel-du-mesnil"), unlike any the hub
 * already holds: ids name the hotel in bookings and desks, so a new one never takes over another's.
 */
export function newHotelId(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'hotel';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** The hotel the form describes, checked by the schema the hub applies to `hotel.upsert`, or what is wrong field by field. */
export function readHotelDraft(d: HotelDraft, id: string): Checked<Hotel, HotelField> {
  const typed: FieldErrors<HotelField> = {};
  const distanceKm = typedNumber(d.distanceKm, 'distanceKm', typed);
  const meals = MEALS.filter((m) => d.meals.includes(m));
  return checkWith(HotelPayload, { ...d, id, distanceKm, meals }, fieldOf, typed);
}
