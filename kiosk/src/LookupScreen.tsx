import { useState } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { SyncClient, SyncSnapshot } from '../../client/sync-client.ts';
import { airportTimeZone, normaliseTicket, type PublicTicket, type TicketQuery } from '../../core/plain.ts';
import { TicketStatus, WaitInfo } from './TicketStatus.tsx';
import { PhoneLink } from './PhoneLink.tsx';
import { useTicketLookup } from './use-ticket-lookup.ts';
import { useBarcodeScanner } from './scanner.ts';
import { KioskCamera } from './KioskCamera.tsx';
import { TicketVouchers } from './TicketVouchers.tsx';
import { usePassScan } from './use-pass-scan.ts';
import { useTicketSpeech } from './speech/use-ticket-speech.ts';
import { useLookupSpeech } from './speech/use-lookup-speech.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';

/** One ticket found, said as it appears and as it changes (number spelled out). */
function FoundTicket({ ticket, timeZone }: { ticket: PublicTicket; timeZone: string }) {
  useTicketSpeech(ticket, timeZone);
  return (
    <article className="ticket" data-speech="own">
      <TicketStatus facts={ticket} timeZone={timeZone} headingLevel={3} />
      <TicketVouchers vouchers={ticket.vouchers} timeZone={timeZone} />
      <WaitInfo wait={ticket.wait} />
    </article>
  );
}

/** A returning passenger, at any kiosk: their ticket by number or by scanning the pass again. */
export function LookupScreen({
  client,
  sync,
  initial,
  onBack,
}: {
  client: SyncClient;
  sync: SyncSnapshot;
  initial: TicketQuery | null;
  onBack: () => void;
}) {
  const { t } = useKioskTranslation();
  const [typed, setTyped] = useState('');
  const [inputError, setInputError] = useState(false);
  const [query, setQuery] = useState<TicketQuery | null>(initial);
  const lookup = useTicketLookup(client, query);
  const { scanError, readPass } = usePassScan(sync.state);

  const onScan = (text: string) => {
    setTyped('');
    const found = readPass(text);
    if (found) setQuery({ flightNumber: found.flight.number, surname: found.surname });
  };
  useBarcodeScanner(onScan);

  const byPass = query !== null && 'surname' in query;
  useLookupSpeech(query ? JSON.stringify(query) : null, lookup, byPass);
  const zone = airportTimeZone(sync.state);
  return (
    <section className="lookup" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('lookup.title')}</h2>
      <p>{t('lookup.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const ticket = normaliseTicket(typed);
          const ok = /^[0-9A-Z]{3}-[0-9A-Z]{3}$/.test(ticket);
          setInputError(!ok);
          if (ok) setQuery({ ticket });
        }}
      >
        <label className="field">
          {t('lookup.number')}
          <input
            name="ticket"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            aria-describedby="ticket-hint"
            aria-invalid={inputError}
          />
          <small id="ticket-hint">{t('lookup.hint')}</small>
        </label>
        <ErrorLine text={inputError && t('lookup.errorNumber')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('lookup.find')}
          </button>
          <KioskCamera onScan={onScan} />
        </div>
      </form>
      <ErrorLine text={scanError} testId="scan-error" />
      {/* Said by useLookupSpeech and each ticket's own speech, not read from the screen. */}
      <div aria-live="polite" data-testid="lookup-result" data-speech="own">
        {lookup?.kind === 'searching' && <p>{t('lookup.searching')}</p>}
        {lookup?.kind === 'offline' && <p className="error">{t('lookup.offline')}</p>}
        {lookup?.kind === 'refused' && <p className="error">{t('lookup.notFound')}</p>}
        {lookup?.kind === 'found' && lookup.tickets.length === 0 && (
          <p className="error">{byPass ? t('lookup.noneForPass') : t('lookup.notFound')}</p>
        )}
        {lookup?.kind === 'found' && lookup.tickets.length > 0 && (
          <>
            <h3>{t('lookup.results')}</h3>
            {lookup.tickets.map((tk) => (
              <FoundTicket key={tk.ticket} ticket={tk} timeZone={zone} />
            ))}
            <PhoneLink client={client} query={query} refreshKey={null} />
          </>
        )}
      </div>
      <button onClick={onBack}>{t('form.back')}</button>
    </section>
  );
}
