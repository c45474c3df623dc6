import { useEffect, useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import { useSyncClient } from '../../client/use-sync-client.ts';
import { useSync } from '../../client/use-sync.ts';
import { loadEnrollment, saveEnrollment, type KioskEnrollment } from './enrollment.ts';
import { KioskScreens } from './KioskScreens.tsx';
import { KioskSetup } from './KioskSetup.tsx';

export function App() {
  const [enrollment, setEnrollment] = useState(loadEnrollment);
  const [refusal, setRefusal] = useState('');
  const keep = (e: KioskEnrollment | null) => {
    saveEnrollment(e);
    setEnrollment(e);
  };
  if (!enrollment) return <KioskSetup notice={refusal} onEnrolled={keep} />;
  return (
    <ConnectedKiosk
      enrollment={enrollment}
      onRefused={(reason) => {
        setRefusal(reason);
        keep(null);
      }}
    />
  );
}

function ConnectedKiosk({ enrollment, onRefused }: { enrollment: KioskEnrollment; onRefused: (reason: string) => void }) {
  const { device, token } = enrollment;
  const client = useSyncClient(
    {
      // Per device, not per enrolment: requests saved before a re-enrolment are still sent.
      scope: `kiosk:${device}`,
      view: enrollment.gate,
      url: location.origin,
      auth: { kiosk: { token } },
      actor: { kind: 'kiosk', id: device },
      device,
    },
    token,
  );
  return <EnrolledKiosk client={client} gate={enrollment.gate} onRefused={onRefused} />;
}

function EnrolledKiosk({ client, gate, onRefused }: { client: SyncClient; gate: string; onRefused: (reason: string) => void }) {
  // The hub no longer accepts this kiosk's token (new hub, or moved gate): back to set-up.
  const { authError } = useSync(client);
  useEffect(() => {
    if (authError) onRefused(authError);
  }, [authError, onRefused]);
  return <KioskScreens client={client} gate={gate} />;
}
