import { useState } from 'react';
import type { CareRequest, HubState } from '../../../core/index.ts';
import { OneOpForm } from '../forms/OneOpForm.tsx';
import type { FormProps } from './types.ts';

export function ReassignForm({ request: r, state, me, onSubmit, onDone }: FormProps & { request: CareRequest; state: HubState; me: string }) {
  // Who can take it: colleagues working this gate (the hub checks again).
  const colleagues = Object.values(state.staff)
    .filter((s) => s.id !== me && s.id !== r.claimedBy && (s.role === 'duty_manager' || s.gates.includes(r.gate)))
    .sort((a, b) => a.firstName.localeCompare(b.firstName));
  const [to, setTo] = useState(colleagues[0]?.id ?? '');
  if (!colleagues.length) return <p className="panel">No colleague works gate {r.gate}.</p>;
  return (
    <OneOpForm
      label="Reassign"
      submitLabel="Reassign"
      onSend={() => onSubmit({ type: 'request.reassign', payload: { requestId: r.id, to } })}
      onDone={onDone}
    >
      <label className="field">
        Hand over to
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          {colleagues.map((s) => (
            <option key={s.id} value={s.id}>
              {s.firstName} {s.lastName} ({s.id})
            </option>
          ))}
        </select>
      </label>
    </OneOpForm>
  );
}
