import { useState } from 'react';
import type { Session } from './session.ts';

/** After sign-in: the agent chooses which of their gates to watch this shift. */
export function GatePicker({ session, onPick, onLogout }: { session: Session; onPick: (gates: string[]) => void; onLogout: () => void }) {
  const assigned = session.staff.gates;
  const [picked, setPicked] = useState<string[]>(session.gates ?? []);
  const toggle = (g: string) => setPicked((p) => (p.includes(g) ? p.filter((x) => x !== g) : [...p, g].sort()));
  return (
    <main className="gate-picker">
      <h1>Hello {session.staff.firstName}, which gates are you covering?</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (picked.length) onPick(picked);
        }}
      >
        <fieldset>
          <legend>Your gates</legend>
          <div className="gate-grid">
            {assigned.map((g) => (
              <label key={g} className={`gate-choice ${picked.includes(g) ? 'on' : ''}`}>
                <input type="checkbox" checked={picked.includes(g)} onChange={() => toggle(g)} /> {g}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="actions">
          <button type="button" onClick={() => setPicked(assigned)}>
            All my gates
          </button>
          <button type="button" onClick={() => setPicked([])}>
            None
          </button>
          <button className="primary" type="submit" disabled={picked.length === 0}>
            Start with {picked.length} gate{picked.length === 1 ? '' : 's'}
          </button>
          <button type="button" onClick={onLogout}>
            Sign out
          </button>
        </div>
        {picked.length === 0 && <p className="hint">Pick at least one gate.</p>}
      </form>
    </main>
  );
}
