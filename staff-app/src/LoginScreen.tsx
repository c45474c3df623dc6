import { useState } from 'react';
import { login, type Session } from './session.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';
import { useHubForm } from '../../client/ui/use-hub-form.ts';

export function LoginScreen({ onLogin, notice = '' }: { onLogin: (s: Session) => void; notice?: string }) {
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, onSubmit } = useHubForm(async () => onLogin(await login(staffId, pin)));
  return (
    <main className="login">
      <h1>GateCare staff</h1>
      {notice && (
        <p role="status" className="signed-out">
          {notice}
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)}>
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
