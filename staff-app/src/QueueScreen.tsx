import { useEffect, useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import { useSync } from '../../client/use-sync.ts';
import { airportTimeZone, type PassengerList } from '../../core/index.ts';

const NO_LISTS: Readonly<Record<string, PassengerList>> = {};
import type { Session } from './session.ts';
import { RequestCard } from './RequestCard.tsx';
import { QueueList } from './queue/QueueList.tsx';
import { noVouchers, useQueueView } from './queue/use-queue-view.ts';
import { StockPanel } from './StockPanel.tsx';
import { ManagerEscalations } from './ManagerEscalations.tsx';
import { EscalationAnswers } from './EscalationAnswers.tsx';
import { GateNotices } from './GateNotices.tsx';
import { ProactiveCare } from './ProactiveCare.tsx';
import { ConnectionStatus, SessionAlerts, useStaffSession } from './SessionBars.tsx';
import { HotelFactsContext, useCardHotelFacts } from './hotel/card-hotel-facts.ts';

/** Re-renders every 30 s so waiting times stay true without any new event. */
function useMinuteTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

interface Props {
  client: SyncClient;
  session: Session;
  onLogout: (why?: string) => void;
  onChangeGates: () => void;
}

export function QueueScreen({ client, session, onLogout, onChangeGates }: Props) {
  const sync = useSync(client);
  const now = useMinuteTick();
  const me = session.staff;
  const gates = session.gates ?? me.gates;
  const minutesLeft = useStaffSession(sync, session.expiresAt, onLogout);
  const { open, openIds, done, vouchers, unconfirmed, facts } = useQueueView(sync.state, gates, sync.pending);
  const hotelFacts = useCardHotelFacts(sync.state, now);
  const manager = sync.state.staff[me.id]?.role === 'duty_manager';
  const lists = sync.state.passengerLists ?? NO_LISTS;
  const cardProps = { now, zone: airportTimeZone(sync.state), me: me.id, manager, client, unconfirmed, facts, lists };
  return (
    <div className="staff">
      <header className="topbar">
        <div>
          <strong>
            {me.firstName} {me.lastName}
          </strong>{' '}
          · {me.role === 'duty_manager' ? 'Duty manager' : 'Agent'}
        </div>
        <div className="my-gates">
          {gates.length <= 6 ? `Gates ${gates.join(', ')}` : `${gates.length} gates, ${gates[0]}–${gates[gates.length - 1]}`}{' '}
          <button onClick={onChangeGates}>Change gates</button>
        </div>
        <ConnectionStatus sync={sync} />
        <button onClick={() => onLogout()}>Sign out</button>
      </header>
      <SessionAlerts sync={sync} client={client} minutesLeft={minutesLeft} onLogout={onLogout} />
      <EscalationAnswers state={sync.state} me={me.id} />
      {me.role === 'duty_manager' && <ManagerEscalations state={sync.state} client={client} />}
      <HotelFactsContext.Provider value={hotelFacts}>
        <main className="queue">
          <GateNotices state={sync.state} gates={gates} now={now} />
          <ProactiveCare state={sync.state} gates={gates} now={now} />
          <StockPanel state={sync.state} gates={gates} client={client} />
          <h2>Open requests ({open.length})</h2>
          {open.length === 0 && <p className="empty">No one is waiting at your gates.</p>}
          <QueueList requests={open} ids={openIds} flights={sync.state.flights} vouchers={vouchers} {...cardProps} />
          {done.length > 0 && (
            <>
              <h2>Recently closed</h2>
              <ul className="cards done">
                {done.map((r) => (
                  <RequestCard
                    key={r.id}
                    request={r}
                    flight={sync.state.flights[r.flightId]}
                    vouchers={vouchers.get(r.id) ?? noVouchers}
                    {...cardProps}
                  />
                ))}
              </ul>
            </>
          )}
        </main>
      </HotelFactsContext.Provider>
    </div>
  );
}
