import { useTranslation } from 'react-i18next';
import type { SyncSnapshot } from '../../client/sync-client.ts';
import { ticketFor } from '../../core/index.ts';

/** The passenger's ticket: number, live status and whether the hub has it yet. */
export interface SubmittedTicket {
  opId: string;
  requestId: string;
}

export function TicketView({ sync, ticket, gate, onDone }: { sync: SyncSnapshot; ticket: SubmittedTicket; gate: string; onDone: () => void }) {
  const { t } = useTranslation();
  const rejected = sync.rejected.find((r) => r.op.id === ticket.opId);
  const pendingOp = sync.pending.some((o) => o.id === ticket.opId);
  const request = sync.state.requests[ticket.requestId];

  if (rejected) {
    return (
      <section className="ticket">
        <p role="alert" className="error">{t('ticket.rejected', { reason: rejected.reason })}</p>
        <button className="primary" onClick={onDone}>{t('ticket.new')}</button>
      </section>
    );
  }
  const status = request?.status ?? 'received';
  const statusText =
    status === 'claimed' ? t('ticket.claimed', { name: request?.claimedByName ?? '' }) : t(`ticket.${status}`);
  return (
    <section className="ticket" aria-live="polite">
      <h2>{t('ticket.title')}</h2>
      <p className="ticket-label">{t('ticket.number')}</p>
      <p className="ticket-number" data-testid="ticket-number">{ticketFor(ticket.requestId)}</p>
      <p>{t('ticket.keep', { gate })}</p>
      <p className="status">
        {t('ticket.status')}: <strong data-testid="ticket-status">{statusText}</strong>
      </p>
      <p className={pendingOp ? 'net saved' : 'net sent'} data-testid="net-state">
        {pendingOp ? t('net.saved') : t('net.sent')}
      </p>
      <button className="primary" onClick={onDone}>{t('ticket.new')}</button>
    </section>
  );
}

