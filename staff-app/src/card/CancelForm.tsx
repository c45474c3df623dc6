import { useState } from 'react';
import type { CareRequest } from '../../../core/index.ts';
import { OneOpForm } from '../forms/OneOpForm.tsx';
import type { FormProps } from './types.ts';

export function CancelForm({ request: r, onSubmit, onDone }: FormProps & { request: CareRequest }) {
  const [reason, setReason] = useState('');
  const ok = reason.trim().length >= 3;
  return (
    <OneOpForm
      label="Cancel request"
      submitLabel="Cancel request"
      closeLabel="Keep it"
      canSend={ok}
      onSend={() => onSubmit({ type: 'request.cancel', payload: { requestId: r.id, reason: reason.trim() } })}
      onDone={onDone}
    >
      <label className="field">
        Reason for cancelling
        <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
      </label>
      {!ok && reason.length > 0 && <p className="hint">Give a reason of at least 3 characters.</p>}
    </OneOpForm>
  );
}
