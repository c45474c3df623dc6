import { useEffect, useMemo, useState } from 'react';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { deviceId } from '../../client/device-id.ts';
import { kioskGate, setKioskGate } from './kiosk-setup.ts';
import { KioskScreens } from './KioskScreens.tsx';
import { GatePicker } from './GatePicker.tsx';

export function App() {
  const [gate, setGate] = useState(kioskGate);
  if (!gate) {
    return (
      <GatePicker
        onPick={(g) => {
          setKioskGate(g);
          setGate(g);
        }}
      />
    );
  }
  return <ConnectedKiosk gate={gate} />;
}

function ConnectedKiosk({ gate }: { gate: string }) {
  const client = useMemo(() => {
    const device = deviceId('kiosk');
    return new SyncClient({
      url: location.origin,
      auth: { kiosk: { device, gate } },
      actor: { kind: 'kiosk', id: device },
      device,
      storage: new MemorySyncStorage(),
    });
  }, [gate]);
  useEffect(() => {
    void client.start();
    return () => client.stop();
  }, [client]);
  return <KioskScreens client={client} gate={gate} />;
}
