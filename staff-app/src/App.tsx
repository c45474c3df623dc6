import { useState } from 'react';
import { useSyncClient } from '../../client/use-sync-client.ts';
import { deviceId } from '../../client/device-id.ts';
import { loadSession, saveSession, type Session } from './session.ts';
import { LoginScreen } from './LoginScreen.tsx';
import { QueueScreen } from './QueueScreen.tsx';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  if (!session) {
    return (
      <LoginScreen
        onLogin={(s) => {
          saveSession(s);
          setSession(s);
        }}
      />
    );
  }
  return (
    <SignedIn
      session={session}
      onLogout={() => {
        saveSession(null);
        setSession(null);
      }}
    />
  );
}

function SignedIn({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const device = deviceId('staff');
  const client = useSyncClient(
    {
      // Per person: an agent's unsent actions are only ever sent under that agent's session.
      scope: `staff:${session.staff.id}`,
      url: location.origin,
      auth: { token: session.token },
      actor: { kind: 'staff', id: session.staff.id },
      device,
    },
    session.token,
  );
  if (!client) return null;
  return <QueueScreen client={client} session={session} onLogout={onLogout} />;
}
