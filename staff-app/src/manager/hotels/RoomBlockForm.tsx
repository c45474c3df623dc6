import { useState } from 'react';
import { blockKey, roomBlocksOf, roomsTaken, ROOM_TYPES, type RoomType } from '../../../../core/index.ts';
import type { HotelFormProps } from './form-props.ts';
import { HotelOpForm } from './HotelOpForm.tsx';
import { useCheckedSend } from '../../forms/use-checked-send.ts';
import { Field } from '../../forms/Field.tsx';
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
}: HotelFormProps & {
  /** The night the form starts on: tonight at the airport. */
  night: string;
}) {
  const blocks = roomBlocksOf(state);
  const currency = Object.values(blocks).find((b) => b.hotelId === hotel.id)?.currency ?? 'EUR';
  const draftFor = (n: string, t: RoomType) => blockDraftOf(blocks[blockKey(hotel.id, n, t)], n, t, currency);
  const [d, setD] = useState<BlockDraft>(() => draftFor(night, 'double'));
  const { errors, sendIf } = useCheckedSend<BlockField>();
  const allocated = /^\d{4}-\d{2}-\d{2}$/.test(d.night) ? roomsTaken(state, hotel.id, d.night)[d.type] : 0;
  const send = () =>
    sendIf(readBlockDraft(d, hotel.id), (block) =>
      onSend(
        { type: 'hotel.rooms', payload: block },
        `${block.type[0]!.toUpperCase()}${block.type.slice(1)} rooms at ${hotel.name} on the night of ${block.night}`,
      ),
    );
  const text = (f: 'count' | 'rate' | 'currency', label: string, mode: 'numeric' | 'decimal' | undefined) => (
    <Field label={label} error={errors[f]}>
      {(aria) => <input {...aria} value={d[f]} inputMode={mode} className={f} onChange={(e) => setD({ ...d, [f]: e.target.value })} />}
    </Field>
  );
  return (
    <HotelOpForm label={`Rooms at ${hotel.name}`} submitLabel="Save rooms" onSend={send} onDone={onDone} error={errors.form}>
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
    </HotelOpForm>
  );
}
