import { useState } from 'react';
import { GateId } from '../../core/index.ts';

/** Shown once, to whoever installs the kiosk: which gate is this screen at? */
export function GatePicker({ onPick }: { onPick: (gate: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  return (
    <main className="screen">
      <h1>Kiosk set-up</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const r = GateId.safeParse(value.trim().toUpperCase());
          if (r.success) onPick(r.data);
          else setError('Enter the gate this kiosk stands at, e.g. K32');
        }}
      >
        <label className="field">
          Gate of this kiosk
          <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <button className="primary" type="submit">Save</button>
      </form>
    </main>
  );
}
