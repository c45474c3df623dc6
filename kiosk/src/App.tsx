import { useEffect, useMemo, useState } from 'react';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { useSync } from '../../client/use-sync.ts';
import { loadEnrollment, saveEnrollment, type KioskEnrollment } from './enrollment.ts';
import { KioskScreens } from './KioskScreens.tsx';
import { KioskSetup } from './KioskSetup.tsx';

export function App() {
  const [enrollment, setEnrollment] = useState(loadEnrollment);
  const [refusal, setRefusal] = useState('');
  if (!enrollment) {
    return (
      <KioskSetup
        notice={refusal}
        onEnrolled={(e) => {
          saveEnrollment(e);
          setEnrollment(e);
        }}
      />
    );
  }
  return (
    <ConnectedKiosk
      enrollment={enrollment}
      onRefused={(reason) => {
        saveEnrollment(null);
        setRefusal(reason);
        setEnrollment(null);
      }}
    />
  );
}

function ConnectedKiosk({ enrollment, onRefused }: { enrollment: KioskEnrollment; onRefused: (reason: string) => void }) {
  const client = useMemo(() => {
    const { device, token } = enrollment;
    return new SyncClient({
      url: location.origin,
      auth: { kiosk: { token } },
      actor: { kind: 'kiosk', id: device },
      device,
      storage: new MemorySyncStorage(),
    });
  }, [enrollment]);
  useEffect(() => {
    void client.start();
    return () => client.stop();
  }, [client]);
  // The hub no longer accepts this kiosk's token (new hub, or moved gate): back to set-up.
  const { authError } = useSync(client);
  useEffect(() => {
    if (authError) onRefused(authError);
  }, [authError, onRefused]);
  return <KioskScreens client={client} gate={enrollment.gate} />;
}
