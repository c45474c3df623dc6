import { useSyncExternalStore } from 'react';
import type { SyncClient, SyncSnapshot } from './sync-client.ts';

/** The device's live view of the hub, re-rendering on every change. */
export function useSync(client: SyncClient): SyncSnapshot {
  return useSyncExternalStore((cb) => client.subscribe(cb), client.getSnapshot);
}
