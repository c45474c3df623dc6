import { Suspense, lazy, useCallback, useState } from 'react';
import { useSyncClient } from '../../client/use-sync-client.ts';
import { deviceId } from '../../client/device-id.ts';
import { loadSession, saveSession, type Session } from './session.ts';
import { LoginScreen } from './LoginScreen.tsx';
import { GatePicker } from './GatePicker.tsx';
import { QueueScreen } from './QueueScreen.tsx';

// Agents never load the duty manager's screens (charts, CSV and JSON parsers): a chunk of its own.
const ManagerApp = lazy(() => import('./manager/ManagerApp.tsx').then((m) => ({ default: m.ManagerApp })));

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [signedOutWhy, setSignedOutWhy] = useState('');
  const update = (s: Session | null) => {
    saveSession(s);
    setSession(s);
  };
  const logout = useCallback((why = '') => {
    saveSession(null);
    setSession(null);
    setSignedOutWhy(why);
  }, []);
  if (!session) {
    return (
      <LoginScreen
        notice={signedOutWhy}
        onLogin={(s) => {
          setSignedOutWhy('');
          update(s);
        }}
      />
    );
  }
  if (!session.gates?.length) {
    return <GatePicker session={session} onPick={(gates) => update({ ...session, gates })} onLogout={() => logout()} />;
  }
  return <SignedIn session={session} onLogout={logout} onChangeGates={() => update({ ...session, gates: [] })} />;
}

function SignedIn({ session, onLogout, onChangeGates }: { session: Session; onLogout: (why?: string) => void; onChangeGates: () => void }) {
  const device = deviceId('staff');
  const client = useSyncClient(
    {
      // Per person: an agent's unsent actions are only ever sent under that agent's session.
      scope: `staff:${session.staff.id}`,
      view: (session.gates ?? []).join(','),
      url: location.origin,
      auth: { token: session.token, gates: session.gates },
      actor: { kind: 'staff', id: session.staff.id },
      device,
    },
    // Other gates picked: reconnect so the hub sends those gates' requests.
    `${session.token}|${(session.gates ?? []).join(',')}`,
  );
  if (session.staff.role === 'duty_manager') {
    return (
      <Suspense fallback={<p className="empty">Loading the duty manager view…</p>}>
        <ManagerApp client={client} session={session} onLogout={onLogout} onChangeGates={onChangeGates} />
      </Suspense>
    );
  }
  return <QueueScreen client={client} session={session} onLogout={onLogout} onChangeGates={onChangeGates} />;
}
