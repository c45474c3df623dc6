import { useEffect, useMemo, useState } from 'react';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
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
  const client = useMemo(() => {
    const device = deviceId('staff');
    return new SyncClient({
      url: location.origin,
      auth: { token: session.token },
      actor: { kind: 'staff', id: session.staff.id },
      device,
      storage: new MemorySyncStorage(),
    });
  }, [session]);
  useEffect(() => {
    void client.start();
    return () => client.stop();
  }, [client]);
  return <QueueScreen client={client} session={session} onLogout={onLogout} />;
}
