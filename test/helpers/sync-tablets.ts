import { afterEach } from 'vitest';
import { SyncClient, type SyncClientOptions } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import type { HubFixture } from './hub-fixture.ts';

/**
 * Staff tablets running the apps' own sync client against the test hub, each signed in with its
 * demo PIN and stopped after its test. `options` change what a test needs (storage kept across a
 * reload, a proxy's url, timings); `tablet.unstarted` gives one the test starts itself.
 */
export function useSyncTablets(env: HubFixture): {
  tablet(staffId: string, options?: Partial<SyncClientOptions>): Promise<SyncClient>;
  unstarted(staffId: string, options?: Partial<SyncClientOptions>): Promise<SyncClient>;
} {
  const clients: SyncClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.stop();
  });
  const unstarted = async (staffId: string, options: Partial<SyncClientOptions> = {}): Promise<SyncClient> => {
    const c = new SyncClient({
      url: env.hub.url,
      auth: { token: await env.token(staffId) },
      actor: { kind: 'staff', id: staffId },
      device: `tablet-${staffId}`,
      storage: new MemorySyncStorage(),
      ...options,
    });
    clients.push(c);
    return c;
  };
  return {
    unstarted,
    async tablet(staffId, options) {
      const c = await unstarted(staffId, options);
      await c.start();
      return c;
    },
  };
}
