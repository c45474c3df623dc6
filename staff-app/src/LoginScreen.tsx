import { useState } from 'react';
import { login, type Session } from './session.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';

export function LoginScreen({ onLogin, notice = '' }: { onLogin: (s: Session) => void; notice?: string }) {
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <main className="login">
      <h1>GateCare staff</h1>
      {notice && (
        <p role="status" className="signed-out">
          {notice}
        </p>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError('');
          try {
            onLogin(await login(staffId, pin));
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label className="field">
          Staff id
          <input name="staffId" value={staffId} onChange={(e) => setStaffId(e.target.value)} autoComplete="username" autoFocus />
        </label>
        <label className="field">
          PIN
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        <ErrorLine text={error} />
        <button className="primary" type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
