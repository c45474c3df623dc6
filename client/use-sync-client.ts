import { useEffect, useState } from 'react';
import { SyncClient, type SyncClientOptions } from './sync-client.ts';
import { IdbSyncStorage } from './idb-sync-storage.ts';
import { useLatest } from './use-latest.ts';
import { MemorySyncStorage, type SyncStorage } from './sync-storage.ts';
import { OpeningStorage } from './opening-storage.ts';
import { refreshHubUrls, storedHubUrls } from './hub-urls.ts';

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
 * The device's sync client, created at once over its IndexedDB store, which opens meanwhile
 * (OpeningStorage): the screen is drawn before the database is open and fills in as the stored
 * state loads. Null only before the first effect. `key` changes when the link must be rebuilt
 * (another gate, another person).
 */
export function useSyncClient(link: DeviceLink, key: string): SyncClient | null {
  const [client, setClient] = useState<SyncClient | null>(null);
  const latest = useLatest(link);
  useEffect(() => {
    const link = latest.current;
    const opening = openStorage(link.scope, link.view ?? '');
    const { scope: _scope, view: _view, ...options } = link;
    // Every node of the airport, learnt from the hub that served the app and kept, so that a device whose node dies moves to another.
    if (!options.urls) void refreshHubUrls(options.url);
    const c = new SyncClient({ urls: storedHubUrls, ...options, storage: new OpeningStorage(opening.then((o) => o.storage)) });
    let stopped = false;
    // Handed over once the effect is done (a setState in the effect itself would render twice in a row).
    void Promise.resolve().then(() => {
      if (!stopped) setClient(c);
    });
    void c.start();
    return () => {
      stopped = true;
      c.stop();
      void opening.then((o) => o.close());
      setClient(null);
    };
    // The link is rebuilt only when its key changes, not on every render's fresh object.
  }, [key, latest]);
  return client;
}
