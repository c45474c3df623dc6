import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncClient } from '../../client/sync-client.ts';
import { useSync } from '../../client/use-sync.ts';
import type { TicketQuery } from '../../core/plain.ts';
import { LanguageBar } from './LanguageBar.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { TicketView, type SubmittedTicket } from './TicketView.tsx';
import { LookupScreen } from './LookupScreen.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { TextSizeToggle } from './TextSize.tsx';
import { useIdleTimer, useKioskIdle } from './idle.ts';
import { DEFAULT_LANGUAGE, setKioskLanguage } from './i18n.ts';
import { OutboxNote } from './OutboxNote.tsx';
import { useKioskUpdate } from './use-kiosk-update.ts';

type Screen = { kind: 'home' } | { kind: 'ticket'; ticket: SubmittedTicket } | { kind: 'lookup'; query: TicketQuery | null };

/** Home (scan or type, then ask), ticket (follow) and look-up screens, with language and text size on all. */
export function KioskScreens({ client, gate }: { client: SyncClient; gate: string }) {
  const { t } = useTranslation();
  const sync = useSync(client);
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [homeDirty, setHomeDirty] = useState(false);
  const [largeText, setLargeText] = useState(false);
  // Bumped to remount the home screen empty, dropping anything typed.
  const [visit, setVisit] = useState(0);

  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);

  const home = () => {
    setScreen({ kind: 'home' });
    setHomeDirty(false);
    setVisit((v) => v + 1);
    window.scrollTo(0, 0);
  };
  useIdleTimer(screen.kind !== 'home' || homeDirty, () => {
    home();
    setLargeText(false);
    for (const r of sync.rejected) client.dismissRejection(r.op.id);
    void setKioskLanguage(DEFAULT_LANGUAGE);
  });
  const phase = useKioskIdle();
  useKioskUpdate(phase === 'idle');

  return (
    <div className="kiosk">
      <header className="topbar">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="gate">{t('app.gate', { gate })}</p>
        </div>
        <div className="topbar-tools">
          <TextSizeToggle large={largeText} onChange={setLargeText} />
          <LanguageBar />
        </div>
      </header>
      <main className="screen" inert={phase === 'warning'}>
        {screen.kind === 'home' && <OutboxNote sync={sync} />}
        {screen.kind === 'home' && (
          <HomeScreen
            key={visit}
            client={client}
            sync={sync}
            gate={gate}
            onDirtyChange={setHomeDirty}
            onFind={(query) => setScreen({ kind: 'lookup', query })}
            onSubmit={async (body) => {
              const op = await client.submit(body);
              setScreen({
                kind: 'ticket',
                ticket: {
                  opId: op.id,
                  requestId: body.payload.requestId,
                  needs: body.payload.needs,
                  party: body.payload.party,
                  createdAt: op.at,
                },
              });
              window.scrollTo(0, 0);
            }}
          />
        )}
        {screen.kind === 'ticket' && <TicketView client={client} sync={sync} ticket={screen.ticket} gate={gate} onAgain={home} onDone={home} />}
        {screen.kind === 'lookup' && <LookupScreen client={client} sync={sync} initial={screen.query} onBack={home} />}
      </main>
      {phase === 'warning' && <IdleWarning />}
    </div>
  );
}
