import { useCallback, useEffect } from 'react';
import type { SyncClient, SyncSnapshot } from '../../client/sync-client.ts';
import { opSummary } from './op-summary.ts';
import { useSessionExpiry, WARN_MINUTES } from './use-session-expiry.ts';

const EXPIRED = 'Your session has ended: sign in again with your PIN.';

type Logout = (why?: string) => void;

/** Signs the tablet out when its session runs out or the hub refuses it; returns the minutes left. */
export function useStaffSession(sync: SyncSnapshot, expiresAt: string, onLogout: Logout): number {
  useEffect(() => {
    if (sync.authError) onLogout(sync.authErrorCode === 'session_expired' ? EXPIRED : `Signed out: ${sync.authError}`);
  }, [sync.authError, sync.authErrorCode, onLogout]);
  const expire = useCallback(() => onLogout(EXPIRED), [onLogout]);
  return useSessionExpiry(expiresAt, expire);
}

/**
 * Online or not, and how many actions still wait on this tablet. A one-word badge, so going
 * offline never pushes the header onto a second line; SessionAlerts explains it below the header.
 */
export function ConnectionStatus({ sync }: { sync: SyncSnapshot }) {
  return (
    <div className="conn" data-testid="connection">
      {sync.connected ? <span className="online">Online</span> : <span className="offline">Offline</span>}
      {sync.pending.length > 0 && <span className="unsent"> · {sync.pending.length} unsent</span>}
    </div>
  );
}

/** The warning before the session ends, then the refusals the hub sent back, each naming the action. */
export function SessionAlerts({
  sync,
  client,
  minutesLeft,
  onLogout,
}: {
  sync: SyncSnapshot;
  client: SyncClient;
  minutesLeft: number;
  onLogout: Logout;
}) {
  return (
    <>
      {!sync.connected && (
        <div role="status" className="offline-note no-print" data-testid="offline-note">
          No connection to the hub — changes are kept on this tablet and sent when it is back.
        </div>
      )}
      {minutesLeft <= WARN_MINUTES && (
        <div role="alert" className="session-warning no-print" data-testid="session-warning">
          Your session ends in {minutesLeft} min. Finish what you are doing, then sign in again to keep working.
          <button onClick={() => onLogout('Signed out before the session ended: sign in again to continue.')}>Sign in again now</button>
        </div>
      )}
      {sync.rejected.map((r) => (
        <div key={r.op.id} role="alert" className="rejection no-print">
          Not done — {opSummary(r.op, sync.state)}: {r.reason}
          <button onClick={() => client.dismissRejection(r.op.id)}>OK</button>
        </div>
      ))}
    </>
  );
}
