import { useEffect, useState } from 'react';
import { SyncClient, type SyncClientOptions } from './sync-client.ts';
import { IdbSyncStorage } from './idb-sync-storage.ts';
import { useLatest } from './use-latest.ts';
import { MemorySyncStorage, type SyncStorage } from './sync-storage.ts';

export type DeviceLink = Omit<SyncClientOptions, 'storage'> & {
  /** Names the device's IndexedDB database: one per device and person. */
  scope: string;
  /** What slice of the hub the device follows (e.g. the gates covered); a change starts from a fresh snapshot. */
  view?: string;
};

async function openStorage(scope: string, view: string): Promise<{ storage: SyncStorage; close: () => void }> {
  try {
    const idb = await IdbSyncStorage.open(scope, view);
    return { storage: idb, close: () => idb.close() };
  } catch (e) {
    // Better a device that works until the tab closes than none at all; the console says why.
    console.error(`GateCare: IndexedDB unavailable (${(e as Error).message}); unsent work will not survive a reload`);
    return { storage: new MemorySyncStorage(), close: () => {} };
  }
}

/**
 * Opens the device's IndexedDB store and starts its sync client; null until both are ready.
 * `key` changes when the link must be rebuilt (another gate, another person).
 */
export function useSyncClient(link: DeviceLink, key: string): SyncClient | null {
  const [client, setClient] = useState<SyncClient | null>(null);
  const latest = useLatest(link);
  useEffect(() => {
    const link = latest.current;
    let cancelled = false;
    let cleanup = () => {};
    void openStorage(link.scope, link.view ?? '').then(({ storage, close }) => {
      if (cancelled) return close();
      const { scope: _scope, view: _view, ...options } = link;
      const c = new SyncClient({ ...options, storage });
      cleanup = () => {
        c.stop();
        close();
      };
      setClient(c);
      void c.start();
    });
    return () => {
      cancelled = true;
      cleanup();
      setClient(null);
    };
    // The link is rebuilt only when its key changes, not on every render's fresh object.
  }, [key, latest]);
  return client;
}
