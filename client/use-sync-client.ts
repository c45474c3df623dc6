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

/** A client built for one key, inert until its effect runs: nothing is opened or connected while rendering. */
interface HeldClient {
  key: string;
  client: SyncClient;
  /** Opens the IndexedDB store and connects; the returned function stops both. */
  run: () => () => void;
  /** Set once run's stop was called: a held client is never started twice. */
  done: boolean;
}

function holdClient(link: DeviceLink, key: string): HeldClient {
  const { scope, view, ...options } = link;
  let openNow!: () => void;
  const opening = new Promise<void>((resolve) => (openNow = resolve)).then(() => openStorage(scope, view ?? ''));
  const client = new SyncClient({ urls: storedHubUrls, ...options, storage: new OpeningStorage(opening.then((o) => o.storage)) });
  const held: HeldClient = {
    key,
    client,
    done: false,
    run: () => {
      openNow();
      // Every node of the airport, learnt from the hub that served the app and kept, so that a device whose node dies moves to another.
      if (!options.urls) void refreshHubUrls(options.url);
      void client.start();
      return () => {
        held.done = true;
        client.stop();
        void opening.then((o) => o.close());
      };
    },
  };
  return held;
}

/**
 * The device's sync client, there from the first render so the first screen is drawn in the same
 * pass as the app (a slow kiosk's cold start); its IndexedDB store opens and its socket connects
 * once the render is committed (OpeningStorage: the screen fills in as the stored state loads).
 * `key` changes when the link must be rebuilt (another gate, another person): the next client is
 * drawn from at once and the previous one stops.
 */
export function useSyncClient(link: DeviceLink, key: string): SyncClient {
  const [held, setHeld] = useState(() => holdClient(link, key));
  const latest = useLatest(link);
  let current = held;
  if (held.key !== key) {
    // Adjusted while rendering, so no frame is drawn from the previous link's client.
    current = holdClient(link, key);
    setHeld(current);
  }
  useEffect(() => {
    // A client whose run was stopped (an effect run twice in development) is replaced, never restarted on a closed store.
    if (held.done) {
      let wanted = true;
      void Promise.resolve().then(() => wanted && setHeld(holdClient(latest.current, held.key)));
      return () => {
        wanted = false;
      };
    }
    return held.run();
  }, [held, latest]);
  return current.client;
}
