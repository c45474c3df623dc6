import { useState } from 'react';
import { blockKey, roomBlocksOf, roomsTaken, ROOM_TYPES, type Hotel, type HubState, type OpBody, type RoomType } from '../../../../core/index.ts';
import { OneOpForm } from '../../forms/OneOpForm.tsx';
import { Field } from '../../forms/Field.tsx';
import type { FieldErrors } from '../../forms/schema-check.ts';
import { blockDraftOf, readBlockDraft, type BlockDraft, type BlockField } from './block-draft.ts';

/**
 * How many rooms of a type the hotel holds on a night, at what rate (`hotel.rooms`). The form
 * fills in the block already held for the night and type chosen and says how many are allocated;
 * holding fewer than that is the hub's to refuse, since rooms may be allocated meanwhile.
 */
export function RoomBlockForm({
  state,
  hotel,
  night,
  onSend,
  onDone,
}: {
  state: HubState;
  hotel: Hotel;
  /** The night the form starts on: tonight at the airport. */
  night: string;
  onSend: (body: OpBody, what: string) => void;
  onDone: () => void;
}) {
  const blocks = roomBlocksOf(state);
  const currency = Object.values(blocks).find((b) => b.hotelId === hotel.id)?.currency ?? 'EUR';
  const draftFor = (n: string, t: RoomType) => blockDraftOf(blocks[blockKey(hotel.id, n, t)], n, t, currency);
  const [d, setD] = useState<BlockDraft>(() => draftFor(night, 'double'));
  const [errors, setErrors] = useState<FieldErrors<BlockField>>({});
  const allocated = /^\d{4}-\d{2}-\d{2}$/.test(d.night) ? roomsTaken(state, hotel.id, d.night)[d.type] : 0;
  const send = () => {
    const read = readBlockDraft(d, hotel.id);
    if (!read.ok) {
      setErrors(read.errors);
      return false;
    }
    const t = read.value.type;
    onSend(
      { type: 'hotel.rooms', payload: read.value },
      `${t[0]!.toUpperCase()}${t.slice(1)} rooms at ${hotel.name} on the night of ${read.value.night}`,
    );
  };
  const text = (f: 'count' | 'rate' | 'currency', label: string, mode: 'numeric' | 'decimal' | undefined) => (
    <Field label={label} error={errors[f]}>
      {(aria) => <input {...aria} value={d[f]} inputMode={mode} className={f} onChange={(e) => setD({ ...d, [f]: e.target.value })} />}
    </Field>
  );
  return (
    <OneOpForm
      className="panel hotel-form"
      label={`Rooms at ${hotel.name}`}
      submitLabel="Save rooms"
      closeLabel="Cancel"
      onSend={send}
      onDone={onDone}
      error={errors.form}
    >
      <div className="form-row">
        <Field label="Night of" error={errors.night}>
          {(aria) => <input {...aria} type="date" value={d.night} onChange={(e) => setD(draftFor(e.target.value, d.type))} />}
        </Field>
        <Field label="Room type" error={errors.type}>
          {(aria) => (
            <select {...aria} value={d.type} onChange={(e) => setD(draftFor(d.night, e.target.value as RoomType))}>
              {ROOM_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('count', `Rooms held (${allocated} allocated)`, 'numeric')}
        {text('rate', 'Rate a night', 'decimal')}
        {text('currency', 'Currency', undefined)}
      </div>
    </OneOpForm>
  );
}
