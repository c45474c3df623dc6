import { useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import { PRIORITY_LABEL, priorityTier, requestEntitlementSummary, vouchersOf, type CareRequest, type HubState } from '../../core/index.ts';
import { NEED_LABEL, clockTime, partyText } from './labels.ts';
import { DeliverForm } from './card/DeliverForm.tsx';
import { ReassignForm } from './card/ReassignForm.tsx';
import { CancelForm } from './card/CancelForm.tsx';
import { NoteForm } from './card/NoteForm.tsx';
import { VoucherForm } from './card/VoucherForm.tsx';
import { VoucherList } from './card/VoucherList.tsx';
import { HistoryList } from './card/HistoryList.tsx';
import { ThreadPanel } from './card/ThreadPanel.tsx';

interface Props {
  request: CareRequest;
  now: number;
  me: string;
  state: HubState;
  client: SyncClient;
  /** Voucher ids still waiting in this tablet's outbox. */
  unconfirmed: ReadonlySet<string>;
}

type Panel = 'deliver' | 'voucher' | 'reassign' | 'cancel' | 'note' | 'history' | null;

export function RequestCard({ request: r, now, me, state, client, unconfirmed }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
  const waited = Math.max(0, Math.round((now - Date.parse(r.createdAt)) / 60000));
  const flight = state.flights[r.flightId];
  const tier = priorityTier(r);
  const vouchers = vouchersOf(state, r.id);
  const open = r.status === 'received' || r.status === 'claimed';
  const manager = state.staff[me]?.role === 'duty_manager';
  const mayHandle = r.status === 'received' || r.claimedBy === me || manager;
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? null : p));
  const close = () => setPanel(null);
  const submit = (body: Parameters<SyncClient['submit']>[0]) => void client.submit(body);
  const status =
    r.status === 'delivered'
      ? `delivered ${r.deliveredAt ? clockTime(r.deliveredAt) : ''}`
      : r.status === 'cancelled'
        ? 'cancelled'
        : `${waited} min waiting`;

  return (
    <li className={`card ${r.status} tier-${tier}`} data-testid="request-card" data-ticket={r.ticket}>
      <div className="card-head">
        <span className="ticket">{r.ticket}</span>
        {tier !== 'standard' && <span className="priority">{PRIORITY_LABEL[tier]}</span>}
        <span>Gate {r.gate}</span>
        <span>{r.flightNumber}{flight ? ` → ${flight.destinationName}` : ''}</span>
        <span className="wait">{status}</span>
      </div>
      <p className="who">
        {r.surname.toUpperCase()} · {partyText(r.party)}
        {r.unaccompaniedMinor ? ' · travelling alone' : ''} · {r.language.toUpperCase()}
      </p>
      <p className="needs">{r.needs.map((n) => NEED_LABEL[n] ?? n).join(' · ')}</p>
      <p className="entitlements" data-testid="entitlements">{requestEntitlementSummary(state, r, new Date(now).toISOString())}</p>
      {r.note && <p className="note">“{r.note}”</p>}
      {r.status === 'cancelled' && r.cancelReason && <p className="cancel-reason">Cancelled: {r.cancelReason}</p>}
      {r.staffNotes.length > 0 && (
        <ul className="staff-notes" aria-label="Staff notes">
          {r.staffNotes.map((n, i) => (
            <li key={i}>
              <strong>{n.byName}</strong> {clockTime(n.at)}: {n.text}
            </li>
          ))}
        </ul>
      )}
      <ThreadPanel request={r} onSubmit={submit} />
      {vouchers.length > 0 && <VoucherList vouchers={vouchers} unconfirmed={unconfirmed} />}
      <div className="actions">
        {r.status === 'received' && (
          <button className="primary" onClick={() => submit({ type: 'request.claim', payload: { requestId: r.id } })}>
            Claim
          </button>
        )}
        {r.status === 'claimed' && <span className="claimed">Claimed by {r.claimedBy === me ? 'you' : r.claimedByName}</span>}
        {open && mayHandle && (
          <>
            <button aria-expanded={panel === 'deliver'} onClick={() => toggle('deliver')}>Deliver…</button>
            {r.status === 'claimed' && (
              <button onClick={() => submit({ type: 'request.release', payload: { requestId: r.id } })}>Release</button>
            )}
            <button aria-expanded={panel === 'reassign'} onClick={() => toggle('reassign')}>Reassign…</button>
            <button aria-expanded={panel === 'cancel'} onClick={() => toggle('cancel')}>Cancel…</button>
          </>
        )}
        {r.status !== 'cancelled' && (
          <button aria-expanded={panel === 'voucher'} onClick={() => toggle('voucher')}>Voucher…</button>
        )}
        <button aria-expanded={panel === 'note'} onClick={() => toggle('note')}>Add note</button>
        <button aria-expanded={panel === 'history'} onClick={() => toggle('history')}>History</button>
      </div>
      {panel === 'deliver' && <DeliverForm request={r} state={state} onSubmit={submit} onDone={close} />}
      {panel === 'reassign' && <ReassignForm request={r} state={state} me={me} onSubmit={submit} onDone={close} />}
      {panel === 'cancel' && <CancelForm request={r} onSubmit={submit} onDone={close} />}
      {panel === 'note' && <NoteForm request={r} onSubmit={submit} onDone={close} />}
      {panel === 'voucher' && <VoucherForm request={r} state={state} me={me} now={now} onSubmit={submit} onDone={close} />}
      {panel === 'history' && <HistoryList request={r} state={state} />}
    </li>
  );
}
