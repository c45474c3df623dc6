import { useState } from 'react';
import type { CareRequest } from '../../../core/index.ts';
import type { FormProps } from './types.ts';

export function NoteForm({ request: r, onSubmit, onDone }: FormProps & { request: CareRequest }) {
  const [text, setText] = useState('');
  return (
    <form
      className="panel"
      aria-label="Add a note"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onSubmit({ type: 'request.note', payload: { requestId: r.id, text: text.trim() } });
        onDone();
      }}
    >
      <label className="field">
        Note for colleagues
        <textarea value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="actions">
        <button className="primary" type="submit" disabled={!text.trim()}>
          Save note
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
