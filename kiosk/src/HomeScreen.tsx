import { useEffect, useState } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { SyncClient, SyncSnapshot } from '../../client/sync-client.ts';
import { EVENTS, airportTimeZone, type OpBody, type PublicTicket, type TicketLookup, type TicketQuery } from '../../core/plain.ts';
import { RequestForm } from './RequestForm.tsx';
import { KioskCamera } from './KioskCamera.tsx';
import { useBarcodeScanner } from './scanner.ts';
import { usePassScan, type ScannedPassenger } from './use-pass-scan.ts';
import { flightLine } from './format.ts';
import { FlightNotices } from './FlightNotices.tsx';
import { say, useSpeech } from './speech/speaker.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';

/** Scan or type, choose needs, send: everything a passenger needs on one screen. */
export function HomeScreen({
  client,
  sync,
  gate,
  onDirtyChange,
  onSubmit,
  onFind,
}: {
  client: SyncClient;
  sync: SyncSnapshot;
  gate: string;
  onDirtyChange: (dirty: boolean) => void;
  onSubmit: (body: Extract<OpBody, { type: 'request.create' }>) => Promise<void>;
  onFind: (query: TicketQuery | null) => void;
}) {
  const { t, language } = useKioskTranslation();
  const [identity, setIdentity] = useState<ScannedPassenger | null>(null);
  const [existing, setExisting] = useState<PublicTicket[]>([]);
  const { scanError, readPass, clearScanError } = usePassScan(sync.state);

  const onScan = (text: string) => {
    const found = readPass(text);
    setExisting([]);
    if (!found) return;
    setIdentity(found);
    void client
      .ask<TicketLookup>(EVENTS.ticketLookup, { flightNumber: found.flight.number, surname: found.surname })
      .then((answer) => setExisting(answer?.ok ? answer.tickets.filter((tk) => tk.status !== 'delivered') : []));
  };
  useBarcodeScanner(onScan);

  const flightsHere = Object.values(sync.state.flights).filter((f) => f.gate === gate);
  const zone = airportTimeZone(sync.state);
  const speech = useSpeech();
  const flightWords = flightsHere.map((f) => [f, f.status, f.estimatedDeparture] as const);
  const flightsKey = JSON.stringify(flightWords.map(([f, s, d]) => [f.id, s, d]));
  useEffect(() => {
    if (!speech.on || !flightWords.length) return;
    say((tr, language) =>
      [tr('home.flightsHere'), ...flightWords.map(([f]) => flightLine(f, language, zone)).map((l) => tr(l.key, l.values))].join('. '),
    );
    // Said again when a flight at this gate changes, speech starts or the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [speech.on, language, flightsKey]);
  const forgetPass = () => {
    setIdentity(null);
    setExisting([]);
    clearScanError();
  };

  return (
    <div className="home">
      <h2>{t('home.title')}</h2>
      <p className="intro">{t('home.intro')}</p>
      {flightsHere.length > 0 && (
        <section className="flights" aria-labelledby="flights-title">
          <h3 id="flights-title">{t('home.flightsHere')}</h3>
          <ul>
            {flightsHere.map((f) => {
              const line = flightLine(f, language, zone);
              return (
                <li key={f.id} className={`flight ${f.status}`}>
                  {t(line.key, line.values)}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <FlightNotices state={sync.state} gate={gate} />
      <section className="scan-card" aria-labelledby="scan-title">
        <h3 id="scan-title">{t('home.scanTitle')}</h3>
        <p>{t('home.scanHow')}</p>
        <KioskCamera onScan={onScan} />
        <ErrorLine text={scanError} testId="scan-error" />
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              forgetPass();
              // After the form re-renders with the typed fields back.
              setTimeout(() => document.querySelector<HTMLInputElement>('input[name="flight"]')?.focus());
            }}
          >
            {t('home.manual')}
          </button>
          <button type="button" onClick={() => onFind(null)}>
            {t('home.find')}
          </button>
        </div>
      </section>
      {existing.length > 0 && identity && (
        <section className="existing" role="status">
          <p>{t('form.existing')}</p>
          {existing.map((tk) => (
            <button key={tk.ticket} type="button" onClick={() => onFind({ flightNumber: identity.flight.number, surname: identity.surname })}>
              {t('form.seeTicket', { ticket: tk.ticket })}
            </button>
          ))}
        </section>
      )}
      <RequestForm
        gate={gate}
        state={sync.state}
        identity={identity}
        onClearIdentity={forgetPass}
        onDirtyChange={onDirtyChange}
        onSubmit={onSubmit}
      />
    </div>
  );
}
