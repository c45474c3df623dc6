import { useEffect, useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import { useSync } from '../../client/use-sync.ts';
import type { CareRequest } from '../../core/index.ts';
import type { Session } from './session.ts';
import { RequestCard } from './RequestCard.tsx';

/** Re-renders every 30 s so waiting times stay true without any new event. */
function useMinuteTick(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function QueueScreen({ client, session, onLogout }: { client: SyncClient; session: Session; onLogout: () => void }) {
  const sync = useSync(client);
  const now = useMinuteTick();
  const me = session.staff;
  const mine = (r: CareRequest) => me.role === 'duty_manager' || me.gates.includes(r.gate);
  const all = Object.values(sync.state.requests).filter(mine);
  const open = all.filter((r) => r.status === 'received' || r.status === 'claimed').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const done = all.filter((r) => r.status === 'delivered').sort((a, b) => (b.deliveredAt ?? '').localeCompare(a.deliveredAt ?? '')).slice(0, 10);

  useEffect(() => {
    if (sync.authError) onLogout();
  }, [sync.authError, onLogout]);

  return (
    <div className="staff">
      <header className="topbar">
        <div>
          <strong>{me.firstName} {me.lastName}</strong> · {me.role === 'duty_manager' ? 'Duty manager' : 'Agent'}
        </div>
        <div className="conn" data-testid="connection">
          {sync.connected ? <span className="online">Online</span> : <span className="offline" role="status">Offline — working from this tablet</span>}
          {sync.pending.length > 0 && <span className="unsent"> · {sync.pending.length} unsent</span>}
        </div>
        <button onClick={onLogout}>Sign out</button>
      </header>
      {sync.rejected.map((r) => (
        <div key={r.op.id} role="alert" className="rejection">
          Not done: {r.reason}
          <button onClick={() => client.dismissRejection(r.op.id)}>OK</button>
        </div>
      ))}
      <main className="queue">
        <h2>Open requests ({open.length})</h2>
        {open.length === 0 && <p className="empty">No one is waiting at your gates.</p>}
        <ul className="cards">
          {open.map((r) => (
            <RequestCard key={r.id} request={r} now={now} me={me.id} state={sync.state} client={client} />
          ))}
        </ul>
        {done.length > 0 && (
          <>
            <h2>Recently delivered</h2>
            <ul className="cards done">
              {done.map((r) => (
                <RequestCard key={r.id} request={r} now={now} me={me.id} state={sync.state} client={client} />
              ))}
            </ul>
          </>
        )}
      </main>
    </div>
  );
}
