import { afterEach, describe, expect, it } from 'vitest';
import { SyncClient } from '../../client/sync-client.ts';
import { MemorySyncStorage } from '../../client/sync-storage.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor } from '../helpers/socket-clients.ts';

/** The apps decide what to tell the user from the hub's refusal code, not from its English wording. */
describe('a refused connection carries a code the apps act on', () => {
  const env = useTestHub();
  const clients: SyncClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.stop();
  });

  async function refusal(auth: Record<string, unknown>): Promise<{ code: string | null; message: string | null }> {
    const c = new SyncClient({
      url: env.hub.url,
      auth,
      actor: { kind: 'staff', id: 'A101' },
      device: 'tablet-A101',
      storage: new MemorySyncStorage(),
    });
    clients.push(c);
    await c.start();
    await waitFor(() => c.getSnapshot().authError, 'the hub refuses the connection');
    return { code: c.getSnapshot().authErrorCode, message: c.getSnapshot().authError };
  }

  it('session_expired for a session token the hub no longer accepts', async () => {
    const token = await env.token('A101');
    const [body] = token.split('.');
    expect(await refusal({ token: `${body}.not-the-signature` })).toEqual({ code: 'session_expired', message: expect.any(String) });
  });

  it('not_enrolled for a kiosk without a device token', async () => {
    expect((await refusal({ kiosk: { device: 'kiosk-test-0001' } })).code).toBe('not_enrolled');
  });

  it('refused, with the reason to show, for a gate the agent does not work', async () => {
    const token = await env.token('A101');
    const r = await refusal({ token, gates: ['B99'] });
    expect(r.code).toBe('refused');
    expect(r.message).toMatch(/B99/);
  });
});
