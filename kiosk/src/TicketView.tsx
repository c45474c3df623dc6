import { useRef } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { SyncClient, SyncSnapshot } from '../../client/sync-client.ts';
import { airportTimeZone, passengerHotels, publicVouchersOf, ticketFor, type Need, type Party } from '../../core/plain.ts';
import { TicketStatus, WaitInfo } from './TicketStatus.tsx';
import { useTicketLookup } from './use-ticket-lookup.ts';
import { Entitlements } from './Entitlements.tsx';
import { FlightNotices } from './FlightNotices.tsx';
import { PhoneLink } from './PhoneLink.tsx';
import { TicketVouchers } from './TicketVouchers.tsx';
import { TicketHotel } from './TicketHotel.tsx';
import { PartySize } from './PartySize.tsx';
import { useTicketSpeech } from './speech/use-ticket-speech.ts';
import { useNetSpeech } from './speech/use-net-speech.ts';
import { useReadAloud } from './speech/use-read-aloud.ts';

/** The passenger's ticket: number, live status and whether the hub has it yet. */
export interface SubmittedTicket {
  opId: string;
  requestId: string;
  needs: Need[];
  party: Party;
  createdAt: string;
}

export function TicketView({
  client,
  sync,
  ticket,
  gate,
  onAgain,
  onDone,
}: {
  client: SyncClient;
  sync: SyncSnapshot;
  ticket: SubmittedTicket;
  gate: string;
  onAgain: () => void;
  onDone: () => void;
}) {
  const { t } = useKioskTranslation();
  const rejected = sync.rejected.find((r) => r.op.id === ticket.opId);
  const pendingOp = sync.pending.some((o) => o.id === ticket.opId);
  const request = sync.state.requests[ticket.requestId];
  // Shown at once from the request id; the hub's number wins once it holds the request (it differs only after a collision).
  const number = request?.ticket ?? ticketFor(ticket.requestId);
  const lookup = useTicketLookup(client, pendingOp || rejected ? null : { ticket: number }, `${request?.status}-${sync.connected}`);
  const zone = airportTimeZone(sync.state);
  const own = request ? publicVouchersOf(sync.state, request.id) : [];
  // Vouchers a duty manager gave the whole flight are bound to the pass, not to this request: the
  // kiosk never holds them (they name every passenger), the hub's look-up of the ticket brings them.
  const fromPass = lookup?.kind === 'found' ? (lookup.tickets[0]?.vouchers ?? []).filter((v) => !own.some((o) => o.id === v.id)) : [];
  const vouchers = [...own, ...fromPass];
  const party = request?.party ?? ticket.party;
  const hotels = request ? passengerHotels(sync.state, request.id) : [];
  useTicketSpeech(
    rejected ? null : { ticket: number, status: request?.status ?? 'received', claimedByName: request?.claimedByName ?? null, vouchers, hotels },
    zone,
    (t) =>
      `${t('ticket.party', { count: party.adults + party.children + party.infants })}. ${t('ticket.keep', { gate })} ${t(pendingOp ? 'net.saved' : 'net.sent')}.`,
  );
  useNetSpeech(rejected ? null : pendingOp);
  const flightNow = request ? sync.state.flights[request.flightId] : undefined;
  const entitlements = useRef<HTMLDivElement>(null);
  useReadAloud(entitlements, `${flightNow?.id}-${flightNow?.status}-${flightNow?.estimatedDeparture}`);

  if (rejected) {
    return (
      <section className="ticket">
        <p role="alert" className="error">
          {t('ticket.rejected', { reason: rejected.reason })}
        </p>
        <button className="primary" onClick={onAgain}>
          {t('ticket.new')}
        </button>
      </section>
    );
  }
  const flight = request ? sync.state.flights[request.flightId] : undefined;
  const wait = lookup?.kind === 'found' ? (lookup.tickets[0]?.wait ?? null) : null;
  return (
    <section className="ticket" aria-labelledby="ticket-title">
      <h2 id="ticket-title">{t('ticket.title')}</h2>
      {/* Said by useTicketSpeech, with the number spelled out and only what changed. */}
      <div aria-live="polite" data-speech="own">
        <TicketStatus
          headingLevel={3}
          timeZone={zone}
          facts={{
            ticket: number,
            status: request?.status ?? 'received',
            needs: request?.needs ?? ticket.needs,
            createdAt: request?.createdAt ?? ticket.createdAt,
            claimedAt: request?.claimedAt ?? null,
            claimedByName: request?.claimedByName ?? null,
            deliveredAt: request?.deliveredAt ?? null,
          }}
        />
        <PartySize party={party} />
        <p>{t('ticket.keep', { gate })}</p>
        <p className={pendingOp ? 'net saved' : 'net sent'} data-testid="net-state">
          {pendingOp ? t('net.saved') : t('net.sent')}
        </p>
      </div>
      <TicketHotel hotels={hotels} timeZone={zone} />
      <TicketVouchers vouchers={vouchers} timeZone={zone} />
      <WaitInfo wait={pendingOp ? null : wait} />
      {request && <PhoneLink client={client} query={{ ticket: number }} refreshKey={`${request.phoneGeneration ?? 0}-${sync.connected}`} />}
      <div ref={entitlements}>
        {flight && <Entitlements state={sync.state} flight={flight} party={request?.party ?? ticket.party} needs={request?.needs ?? ticket.needs} />}
      </div>
      <FlightNotices state={sync.state} gate={gate} />
      <div className="actions">
        <button className="primary" onClick={onAgain}>
          {t('ticket.new')}
        </button>
        <button onClick={onDone}>{t('ticket.done')}</button>
      </div>
    </section>
  );
}
