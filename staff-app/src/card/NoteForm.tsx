import { useState } from 'react';
import type { CareRequest } from '../../../core/index.ts';
import { OneOpForm } from '../forms/OneOpForm.tsx';
import type { FormProps } from './types.ts';

export function NoteForm({ request: r, onSubmit, onDone }: FormProps & { request: CareRequest }) {
  const [text, setText] = useState('');
  return (
    <OneOpForm
      label="Add a note"
      submitLabel="Save note"
      canSend={!!text.trim()}
      onSend={() => onSubmit({ type: 'request.note', payload: { requestId: r.id, text: text.trim() } })}
      onDone={onDone}
    >
      <label className="field">
        Note for colleagues
        <textarea value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} />
      </label>
    </OneOpForm>
  );
}
