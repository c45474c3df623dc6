import { useState } from 'react';
import type { CareRequest } from '../../../core/index.ts';
import type { FormProps } from './types.ts';

export function CancelForm({ request: r, onSubmit, onDone }: FormProps & { request: CareRequest }) {
  const [reason, setReason] = useState('');
  const ok = reason.trim().length >= 3;
  return (
    <form
      className="panel"
      aria-label="Cancel request"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        onSubmit({ type: 'request.cancel', payload: { requestId: r.id, reason: reason.trim() } });
        onDone();
      }}
    >
      <label className="field">
        Reason for cancelling
        <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
      </label>
      {!ok && reason.length > 0 && <p className="hint">Give a reason of at least 3 characters.</p>}
      <div className="actions">
        <button className="primary" type="submit" disabled={!ok}>
          Cancel request
        </button>
        <button type="button" onClick={onDone}>
          Keep it
        </button>
      </div>
    </form>
  );
}
