import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncClient } from '../../client/sync-client.ts';
import { useSync } from '../../client/use-sync.ts';
import { LanguageBar } from './LanguageBar.tsx';
import { RequestForm } from './RequestForm.tsx';
import { TicketView, type SubmittedTicket } from './TicketView.tsx';
import { OutboxNote } from './OutboxNote.tsx';
import { useKioskUpdate } from './use-kiosk-update.ts';

/** Home (ask) and ticket (follow) screens, with the language bar on both. */
export function KioskScreens({ client, gate }: { client: SyncClient; gate: string }) {
  const { t } = useTranslation();
  const sync = useSync(client);
  const [ticketOf, setTicketOf] = useState<SubmittedTicket | null>(null);
  useKioskUpdate(ticketOf !== null);

  return (
    <div className="kiosk">
      <header className="topbar">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="gate">{t('app.gate', { gate })}</p>
        </div>
        <LanguageBar />
      </header>
      <main className="screen">
        {ticketOf ? (
          <TicketView sync={sync} ticket={ticketOf} gate={gate} onDone={() => setTicketOf(null)} />
        ) : (
          <>
            <OutboxNote sync={sync} />
            <RequestForm
              gate={gate}
              onSubmit={async (body) => {
                const op = await client.submit(body);
                if (op.type === 'request.create') setTicketOf({ opId: op.id, requestId: op.payload.requestId });
              }}
            />
          </>
        )}
      </main>
    </div>
  );
}
