import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { seatsTaken, shuttlesFor, type Hotel, type HubState, type OpBody } from '../../../../core/index.ts';
import { OneOpForm } from '../../forms/OneOpForm.tsx';
import { Field } from '../../forms/Field.tsx';
import type { FieldErrors } from '../../forms/schema-check.ts';
import { clock, toLocalInput } from '../format.ts';
import { readShuttleDraft, type ShuttleDraft, type ShuttleField } from './shuttle-draft.ts';

const NEW = 'new';

/**
 * A shuttle run to the hotel (`hotel.shuttle`): a new one, or a change of time or seats to one
 * that exists. Times are typed and shown in the airport's time, whatever the tablet's zone.
 */
export function ShuttleForm({
  state,
  hotel,
  zone,
  onSend,
  onDone,
}: {
  state: HubState;
  hotel: Hotel;
  zone: string;
  onSend: (body: OpBody, what: string) => void;
  onDone: () => void;
}) {
  const runs = shuttlesFor(state, hotel.id);
  const [run, setRun] = useState(NEW);
  const [d, setD] = useState<ShuttleDraft>({ departs: '', seats: '' });
  const [errors, setErrors] = useState<FieldErrors<ShuttleField>>({});
  const choose = (id: string) => {
    setRun(id);
    const s = runs.find((x) => x.id === id);
    setD(s ? { departs: toLocalInput(s.departsAt, zone), seats: String(s.seats) } : { departs: '', seats: '' });
  };
  const send = () => {
    const read = readShuttleDraft(d, { shuttleId: run === NEW ? uuidv7() : run, hotelId: hotel.id }, zone);
    if (!read.ok) {
      setErrors(read.errors);
      return false;
    }
    onSend({ type: 'hotel.shuttle', payload: read.value }, `Shuttle at ${clock(read.value.departsAt, zone)} to ${hotel.name}`);
  };
  return (
    <OneOpForm
      className="panel hotel-form"
      label={`Shuttle run to ${hotel.name}`}
      submitLabel="Save shuttle run"
      closeLabel="Cancel"
      onSend={send}
      onDone={onDone}
      error={errors.form}
    >
      <div className="form-row">
        <Field label="Run">
          {(aria) => (
            <select {...aria} value={run} onChange={(e) => choose(e.target.value)}>
              <option value={NEW}>a new run</option>
              {runs.map((s) => (
                <option key={s.id} value={s.id}>
                  {clock(s.departsAt, zone)} · {seatsTaken(state, s.id)} of {s.seats} seats taken
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Leaves at (airport time)" error={errors.departs}>
          {(aria) => <input {...aria} type="datetime-local" value={d.departs} onChange={(e) => setD({ ...d, departs: e.target.value })} />}
        </Field>
        <Field label="Seats" error={errors.seats}>
          {(aria) => <input {...aria} inputMode="numeric" value={d.seats} onChange={(e) => setD({ ...d, seats: e.target.value })} />}
        </Field>
      </div>
    </OneOpForm>
  );
}
