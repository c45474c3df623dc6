import { useState } from 'react';
import { HOTEL_TRANSPORTS, MEALS, type Hotel, type OpBody } from '../../../../core/index.ts';
import { OneOpForm } from '../../forms/OneOpForm.tsx';
import { Field } from '../../forms/Field.tsx';
import type { FieldErrors } from '../../forms/schema-check.ts';
import { hotelDraftOf, newHotelId, readHotelDraft, type HotelDraft, type HotelField } from './hotel-draft.ts';

const TEXT_FIELDS: ReadonlyArray<[keyof HotelDraft & ('name' | 'address' | 'distanceKm' | 'phone' | 'deskHours' | 'pickupPoint'), string]> = [
  ['name', 'Name'],
  ['address', 'Address (passengers are shown it with a QR)'],
  ['distanceKm', 'Distance from the terminal (km)'],
  ['phone', 'Phone'],
  ['deskHours', 'Check-in desk hours'],
  ['pickupPoint', 'Pickup point at the airport'],
];

/**
 * Adds a hotel or changes one (`hotel.upsert`): every field checked by the core schema before
 * sending, so a bad value is named next to its field and nothing is sent.
 */
export function HotelForm({
  hotel,
  hotels,
  onSend,
  onDone,
}: {
  /** The hotel to change, or null to add one. */
  hotel: Hotel | null;
  hotels: Record<string, Hotel>;
  onSend: (body: OpBody, what: string) => void;
  onDone: () => void;
}) {
  const [d, setD] = useState<HotelDraft>(() => hotelDraftOf(hotel));
  const [errors, setErrors] = useState<FieldErrors<HotelField>>({});
  const send = () => {
    const id = hotel?.id ?? newHotelId(d.name, (x) => x in hotels);
    const read = readHotelDraft(d, id);
    if (!read.ok) {
      setErrors(read.errors);
      return false;
    }
    onSend({ type: 'hotel.upsert', payload: read.value }, read.value.name);
  };
  return (
    <OneOpForm
      className="panel hotel-form"
      label={hotel ? `Edit ${hotel.name}` : 'New hotel'}
      submitLabel={hotel ? 'Save hotel' : 'Add hotel'}
      closeLabel="Cancel"
      onSend={send}
      onDone={onDone}
      error={errors.form}
    >
      <div className="form-row">
        {TEXT_FIELDS.map(([f, label]) => (
          <Field key={f} label={label} error={errors[f]}>
            {(aria) => (
              <input
                {...aria}
                value={d[f]}
                inputMode={f === 'distanceKm' ? 'decimal' : undefined}
                onChange={(e) => setD({ ...d, [f]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <Field label="Transport from the airport" error={errors.transport}>
          {(aria) => (
            <select {...aria} value={d.transport} onChange={(e) => setD({ ...d, transport: e.target.value as HotelDraft['transport'] })}>
              {HOTEL_TRANSPORTS.map((t) => (
                <option key={t} value={t}>
                  {t === 'shuttle' ? 'Shuttle' : 'Taxi'}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>Meals included</legend>
        {MEALS.map((m) => (
          <label key={m} className="inline">
            <input
              type="checkbox"
              checked={d.meals.includes(m)}
              onChange={(e) => setD({ ...d, meals: e.target.checked ? [...d.meals, m] : d.meals.filter((x) => x !== m) })}
            />{' '}
            {m[0]!.toUpperCase() + m.slice(1)}
          </label>
        ))}
        {errors.meals && <span className="field-error">{errors.meals}</span>}
      </fieldset>
    </OneOpForm>
  );
}
