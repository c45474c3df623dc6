import { useEffect, useMemo, useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import { useSync } from '../../../client/use-sync.ts';
import type { Session } from '../session.ts';
import { QueueScreen } from '../QueueScreen.tsx';
import { ConnectionStatus, SessionAlerts, useStaffSession } from '../SessionBars.tsx';
import { BoardPanel } from './BoardPanel.tsx';
import { FlightsPanel } from './FlightsPanel.tsx';
import { NoticesPanel } from './NoticesPanel.tsx';
import { PolicyPanel } from './PolicyPanel.tsx';
import { AirlinesPanel } from './AirlinesPanel.tsx';
import { EscalationsPanel } from './EscalationsPanel.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { HotelsPanel } from './HotelsPanel.tsx';
import { OutletsPanel } from './OutletsPanel.tsx';
import { useNow } from './use-now.ts';
import './manager.css';

const TABS = ['board', 'queue', 'flights', 'hotels', 'outlets', 'notices', 'escalations', 'policy', 'airlines', 'report'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, string> = {
  board: 'Board',
  queue: 'Requests',
  flights: 'Flights',
  hotels: 'Hotels',
  outlets: 'Outlets',
  notices: 'Notices',
  escalations: 'Escalations',
  policy: 'Limits',
  airlines: 'Airlines',
  report: 'Report',
};

function tabFromHash(): Tab {
  const h = location.hash.replace('#', '');
  return (TABS as readonly string[]).includes(h) ? (h as Tab) : 'board';
}

/** The duty manager's view: the agents' queue plus the board, flights, notices, limits, airlines' care rules, escalations and report. */
export function ManagerApp({
  client,
  session,
  onLogout,
  onChangeGates,
}: {
  client: SyncClient;
  session: Session;
  onLogout: (why?: string) => void;
  onChangeGates: () => void;
}) {
  const sync = useSync(client);
  const tick = useNow();
  // A fresh clock with every change too, so what just happened is never "in the future" of the board.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the state and the tick are what call for a fresh clock; the clock reads neither
  const now = useMemo(() => new Date().toISOString(), [sync.state, tick]);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const minutesLeft = useStaffSession(sync, session.expiresAt, onLogout);
  const pending = Object.values(sync.state.vouchers).filter((v) => v.status === 'pending').length;
  const me = session.staff;

  return (
    <div className="manager">
      <nav className="tabs no-print" aria-label="Duty manager">
        {TABS.map((t) => (
          <a
            key={t}
            href={`#${t}`}
            aria-current={t === tab ? 'page' : undefined}
            className={t === tab ? 'active' : ''}
            // The badge's number would otherwise run into the label ("Escalations1") for screen readers.
            aria-label={t === 'escalations' && pending > 0 ? `${TAB_LABEL[t]}, ${pending} waiting` : undefined}
          >
            {TAB_LABEL[t]}
            {t === 'escalations' && pending > 0 && (
              <span className="badge" data-testid="escalation-badge">
                {pending}
              </span>
            )}
          </a>
        ))}
      </nav>
      {tab === 'queue' ? (
        <QueueScreen client={client} session={session} onLogout={onLogout} onChangeGates={onChangeGates} />
      ) : (
        <>
          <header className="topbar no-print">
            <div>
              <strong>
                {me.firstName} {me.lastName}
              </strong>{' '}
              · Duty manager
            </div>
            <ConnectionStatus sync={sync} />
            <button onClick={onChangeGates}>Change gates</button>
            <button onClick={() => onLogout()}>Sign out</button>
          </header>
          <SessionAlerts sync={sync} client={client} minutesLeft={minutesLeft} onLogout={onLogout} />
          <main className="manager-main">
            {tab === 'board' && <BoardPanel state={sync.state} now={now} />}
            {tab === 'flights' && (
              <FlightsPanel state={sync.state} client={client} session={session} pending={sync.pending} rejected={sync.rejected} />
            )}
            {tab === 'hotels' && (
              <HotelsPanel state={sync.state} client={client} now={now} session={session} pending={sync.pending} rejected={sync.rejected} />
            )}
            {tab === 'outlets' && <OutletsPanel state={sync.state} client={client} />}
            {tab === 'notices' && <NoticesPanel state={sync.state} client={client} now={now} />}
            {tab === 'escalations' && <EscalationsPanel state={sync.state} client={client} now={now} />}
            {tab === 'policy' && <PolicyPanel state={sync.state} client={client} />}
            {tab === 'airlines' && <AirlinesPanel state={sync.state} client={client} pending={sync.pending} rejected={sync.rejected} />}
            {tab === 'report' && <ReportPanel state={sync.state} now={now} session={session} />}
          </main>
        </>
      )}
    </div>
  );
}
