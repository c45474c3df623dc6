import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { SyncClient } from '../../client/sync-client.ts';
import { useSync } from '../../client/use-sync.ts';
import type { TicketQuery } from '../../core/plain.ts';
import { LanguageBar } from './LanguageBar.tsx';
import { HomeScreen } from './HomeScreen.tsx';
import { TicketView, type SubmittedTicket } from './TicketView.tsx';
import { LookupScreen } from './LookupScreen.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { DisplayOptions, type DisplayPrefs } from './DisplayOptions.tsx';
import { SpeechNote } from './SpeechNote.tsx';
import { idleTimings, useIdleTimer, useKioskIdle } from './idle.ts';
import { DEFAULT_LANGUAGE, setKioskLanguage } from './i18n.ts';
import { OutboxNote } from './OutboxNote.tsx';
import { useKioskUpdate } from './use-kiosk-update.ts';
import { kioskKeyMap } from './keypad/kiosk-keymap.ts';
import { useKeypad } from './keypad/use-keypad.ts';
import { isSpeechOn, resetSpeechLevels, say, setSpeechOn, useSpeech } from './speech/speaker.ts';
import { useLongPress } from './speech/use-long-press.ts';
import { useScreenReading } from './speech/use-screen-reading.ts';
import { DEFAULT_LEVELS } from './speech/speech-levels.ts';

type Screen = { kind: 'home' } | { kind: 'ticket'; ticket: SubmittedTicket } | { kind: 'lookup'; query: TicketQuery | null };

/** A new screen starts at its top, also inside the within-reach layout's scrolling part. */
function toTop(): void {
  window.scrollTo(0, 0);
  document.querySelector('main.screen')?.scrollTo(0, 0);
}

const PLAIN: DisplayPrefs = { largeText: false, highContrast: false, withinReach: false };

/** Home (scan or type, then ask), ticket (follow) and look-up screens, with language, speech and display options on all. */
export function KioskScreens({ client, gate }: { client: SyncClient; gate: string }) {
  const { t, language } = useKioskTranslation();
  const sync = useSync(client);
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [homeDirty, setHomeDirty] = useState(false);
  const [prefs, setPrefs] = useState(PLAIN);
  const [keypadUsed, setKeypadUsed] = useState(false);
  const speech = useSpeech();
  // Bumped to remount the home screen empty, dropping anything typed.
  const [visit, setVisit] = useState(0);
  const [keys] = useState(kioskKeyMap);

  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('large-text', prefs.largeText);
    root.toggle('high-contrast', prefs.highContrast);
    root.toggle('within-reach', prefs.withinReach);
  }, [prefs]);

  const home = () => {
    setScreen({ kind: 'home' });
    setHomeDirty(false);
    setVisit((v) => v + 1);
    toTop();
  };
  const assisted = speech.on || keypadUsed;
  // A passenger's choices (speech, its speed and volume, display, language) are theirs alone: an
  // untouched home screen still warns and clears them for whoever comes next.
  const choices =
    speech.on ||
    prefs.largeText ||
    prefs.highContrast ||
    prefs.withinReach ||
    language !== DEFAULT_LANGUAGE ||
    speech.levels.rate !== DEFAULT_LEVELS.rate ||
    speech.levels.volume !== DEFAULT_LEVELS.volume;
  useIdleTimer(
    screen.kind !== 'home' || homeDirty || choices,
    () => {
      home();
      setPrefs(PLAIN);
      setKeypadUsed(false);
      setSpeechOn(false);
      resetSpeechLevels();
      for (const r of sync.rejected) client.dismissRejection(r.op.id);
      void setKioskLanguage(DEFAULT_LANGUAGE);
    },
    idleTimings(assisted),
  );
  const phase = useKioskIdle();
  useKioskUpdate(phase === 'idle');
  const lastPhase = useRef(phase);
  useEffect(() => {
    // Extended from the warning: say so, as the warning itself was said.
    if (lastPhase.current === 'warning' && phase === 'active') say((tr) => tr('speech.moreTime'), { evenIfOff: true, interrupt: true });
    lastPhase.current = phase;
  }, [phase]);

  // What this screen is, said when it appears, when speech starts and in another language. A layout
  // effect, so it is said before what the screen's parts announce in their (passive) effects.
  const sayScreen = (before: string, after: string) => {
    const words = screen.kind === 'home' ? 'speech.home' : screen.kind === 'ticket' ? 'speech.ticketScreen' : 'speech.lookupScreen';
    say((tr) => [before && tr(before), tr(words, { gate }), after && tr(after)].filter(Boolean).join(' '), { interrupt: true });
  };
  const speakingBefore = useRef(speech.on);
  useLayoutEffect(() => {
    const justStarted = speech.on && !speakingBefore.current;
    speakingBefore.current = speech.on;
    if (speech.on) sayScreen(justStarted ? 'speech.on' : '', '');
    else if (screen.kind === 'home') say((tr) => tr('speech.hint'), { evenIfOff: true, interrupt: true });
    // Said when the screen appears, speech starts or the language changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [screen.kind, visit, language, speech.on]);

  // Help (or a long press) starts speech; with speech on it says the screen and the keys again.
  const startSpeech = () => {
    if (!isSpeechOn()) setSpeechOn(true);
    else sayScreen('', 'speech.keys');
  };
  useLongPress(startSpeech);
  useScreenReading();
  useKeypad(keys.map, {
    onAction: (action) => {
      if (action !== 'enter') setKeypadUsed(true);
    },
    onHelp: startSpeech,
    onBack: () => {
      if (phase === 'warning') return;
      if (screen.kind === 'home') say((tr) => tr('speech.firstScreen'), { interrupt: true });
      else home();
    },
  });

  const tools = (
    <div className="topbar-tools">
      <DisplayOptions prefs={prefs} onChange={setPrefs} />
      <LanguageBar />
    </div>
  );
  return (
    <div className="kiosk">
      <header className="topbar">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="gate">{t('app.gate', { gate })}</p>
        </div>
        {!prefs.withinReach && tools}
      </header>
      <main className="screen" inert={phase === 'warning'}>
        <SpeechNote keypadError={keys.error} />
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
              toTop();
            }}
          />
        )}
        {screen.kind === 'ticket' && <TicketView client={client} sync={sync} ticket={screen.ticket} gate={gate} onAgain={home} onDone={home} />}
        {screen.kind === 'lookup' && <LookupScreen client={client} sync={sync} initial={screen.query} onBack={home} />}
      </main>
      {prefs.withinReach && (
        <footer className="reach-tools" inert={phase === 'warning'}>
          {tools}
        </footer>
      )}
      {phase === 'warning' && <IdleWarning seconds={idleTimings(assisted).warningMs / 1000} />}
    </div>
  );
}
