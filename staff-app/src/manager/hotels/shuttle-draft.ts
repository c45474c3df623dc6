import { instantFromAirportInput, ShuttlePayload, type OpOf } from '../../../../core/index.ts';
import { checkWith, typedNumber, type Checked, type FieldErrors } from '../../forms/schema-check.ts';

/** A shuttle run as typed: its departure in airport wall-clock time (datetime-local) and its seats. */
export interface ShuttleDraft {
  departs: string;
  seats: string;
}
export type ShuttleField = keyof ShuttleDraft | 'form';
type ShuttleOpPayload = OpOf<'hotel.shuttle'>['payload'];

/** The run the form describes, read in the airport's zone and checked by the schema the hub applies to `hotel.shuttle`. */
export function readShuttleDraft(
  d: ShuttleDraft,
  ids: { shuttleId: string; hotelId: string },
  zone: string,
): Checked<ShuttleOpPayload, ShuttleField> {
  const typed: FieldErrors<ShuttleField> = {};
  const departsAt = instantFromAirportInput(d.departs, zone);
  if (!departsAt) typed.departs = 'give the day and time it leaves, airport time';
  const seats = typedNumber(d.seats, 'seats', typed);
  return checkWith(
    ShuttlePayload,
    { ...ids, departsAt: departsAt ?? '', seats },
    (k) => (k === 'departsAt' ? 'departs' : k === 'seats' ? 'seats' : 'form'),
    typed,
  );
}
