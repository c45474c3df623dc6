import { useEffect, useState } from 'react';
import type { Language } from '../../core/model.ts';
import { applyToDocument, isKioskLanguage, KIOSK_LANGUAGES, loadLanguage, translator, type KioskLanguage } from './i18n.ts';
import { capabilityFromLocation, usePhoneTicket } from './use-phone-ticket.ts';
import { Timeline } from './Timeline.tsx';
import { FlightLine } from './FlightLine.tsx';
import { Vouchers } from './Vouchers.tsx';
import { Owed } from './Owed.tsx';
import { Notices } from './Notices.tsx';
import { Thread } from './Thread.tsx';
import { Thanks } from './Thanks.tsx';
import { AskMore } from './AskMore.tsx';
import { Notify } from './Notify.tsx';
import { Hotel } from './Hotel.tsx';
import { LanguagePicker } from '../../client/ui/LanguagePicker.tsx';

const LANGUAGE_KEY = 'gatecare-phone-language';

function savedLanguage(): KioskLanguage | null {
  try {
    const l = localStorage.getItem(LANGUAGE_KEY);
    return l && isKioskLanguage(l) ? l : null;
  } catch {
    return null;
  }
}

export function App() {
  const [capability] = useState(capabilityFromLocation);
  const { state, send } = usePhoneTicket(capability);
  const ticket = 'ticket' in state ? state.ticket : null;
  // The language chosen at the kiosk, until the passenger picks another here.
  const [chosen, setChosen] = useState<KioskLanguage | null>(savedLanguage);
  const wanted: KioskLanguage = chosen ?? (ticket && isKioskLanguage(ticket.language) ? ticket.language : 'en');
  const [lang, setLang] = useState<KioskLanguage>('en');

  useEffect(() => {
    let live = true;
    void loadLanguage(wanted).then(() => {
      if (!live) return;
      applyToDocument(wanted);
      setLang(wanted);
    });
    return () => {
      live = false;
    };
  }, [wanted]);

  // "Owed now" or "from 21:30" turns over as the clock passes, with or without news from the hub.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const t = translator(lang);
  useEffect(() => {
    document.title = t('phone.title');
  }, [t]);

  const pick = (l: KioskLanguage) => {
    setChosen(l);
    try {
      localStorage.setItem(LANGUAGE_KEY, l);
    } catch {
      // Without storage the choice lasts until the page closes.
    }
  };

  return (
    <>
      <header>
        <h1>{t('phone.title')}</h1>
        <LanguagePicker label={t('language.choose')} value={lang} languages={KIOSK_LANGUAGES} onPick={pick} />
      </header>
      <main>
        {state.kind === 'no-link' && (
          <p className="card" role="alert">
            {t('phone.closedUnknown')}
          </p>
        )}
        {state.kind === 'closed' && (
          <p className="card closed" role="alert" data-testid="closed">
            {t(state.closed === 'revoked' ? 'phone.closedRevoked' : state.closed === 'purged' ? 'phone.closedPurged' : 'phone.closedUnknown')}
          </p>
        )}
        {state.kind === 'offline' && (
          <p className="banner" role="status" data-testid="offline">
            {t('phone.offline')}
          </p>
        )}
        {state.kind === 'connecting' && !ticket && <p role="status">{t('phone.loading')}</p>}
        {ticket && state.kind !== 'closed' && (
          <>
            <Timeline ticket={ticket} t={t} lang={lang} />
            <Notify pushKey={ticket.pushKey} t={t} online={state.kind === 'live'} send={send} />
            {ticket.flight && <FlightLine flight={ticket.flight} timeZone={ticket.timeZone} t={t} lang={lang} />}
            <Hotel hotels={ticket.hotels} timeZone={ticket.timeZone} t={t} lang={lang} />
            <Vouchers ticket={ticket} t={t} lang={lang} />
            <Thanks ticket={ticket} t={t} online={state.kind === 'live'} send={send} />
            <Thread
              thread={ticket.thread}
              timeZone={ticket.timeZone}
              t={t}
              lang={lang}
              online={state.kind === 'live'}
              write={(text, id) => send('write', { text, id })}
            />
            <AskMore ticket={ticket} t={t} lang={lang} online={state.kind === 'live'} send={send} />
            <Notices ticket={ticket} t={t} lang={lang as Language} />
            <Owed ticket={ticket} now={now} t={t} lang={lang} />
          </>
        )}
      </main>
    </>
  );
}
