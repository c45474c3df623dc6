import { useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import { airportTimeZone, personsIn, type HubState, type Voucher } from '../../../core/index.ts';
import { dateTime, minutes, money } from './format.ts';
import { requestOfVoucher } from '../../../core/voucher-request.ts';
import { ErrorLine } from '../../../client/ui/message-lines.tsx';

function Decision({ v, client }: { v: Voucher; client: SyncClient }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const label = `${v.kind} ${money(v.amountCents, v.currency)} for ${v.code}`;
  return (
    <div className="decision">
      <label className="field">
        Note (required to decline)
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} aria-label={`Note on ${label}`} />
      </label>
      <ErrorLine text={error} />
      <div className="actions">
        <button
          className="primary"
          aria-label={`Approve ${label}`}
          onClick={() => void client.submit({ type: 'voucher.approve', payload: { voucherId: v.id, ...(note.trim() ? { note: note.trim() } : {}) } })}
        >
          Approve
        </button>
        <button
          aria-label={`Decline ${label}`}
          onClick={() => {
            if (note.trim().length < 3) return setError('say why you decline (at least 3 characters)');
            setError('');
            void client.submit({ type: 'voucher.decline', payload: { voucherId: v.id, reason: note.trim() } });
          }}
        >
          Decline
        </button>
      </div>
    </div>
  );
}

/** Vouchers above an agent's limits, oldest first, to approve or decline with a note; then the recent decisions. */
export function EscalationsPanel({ state, client, now }: { state: HubState; client: SyncClient; now: string }) {
  const vouchers = Object.values(state.vouchers);
  const pending = vouchers.filter((v) => v.status === 'pending').sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const decided = vouchers
    .filter((v) => v.decidedAt && (v.status === 'declined' || (v.status === 'issued' && v.authorisedBy !== v.requestedBy)))
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
    .slice(0, 20);
  return (
    <section aria-labelledby="esc-title">
      <h2 id="esc-title">Escalations ({pending.length})</h2>
      {pending.length === 0 && <p className="empty">No voucher is waiting for approval.</p>}
      <ul className="cards" data-testid="escalations">
        {pending.map((v) => {
          const r = requestOfVoucher(state.requests, v);
          const waited = (Date.parse(now) - Date.parse(v.requestedAt)) / 60_000;
          return (
            <li key={v.id} className="card claimed" data-testid="escalation" data-voucher={v.code}>
              <div className="card-head">
                <span className="ticket">
                  {money(v.amountCents, v.currency)} {v.kind}
                </span>
                <span>Gate {v.gate}</span>
                <span>{r ? `${r.flightNumber} · ${r.surname.toUpperCase()} · ${personsIn(r.party)} people` : ''}</span>
                <span className="wait">
                  asked {minutes(waited)} ago by {v.requestedByName}
                </span>
              </div>
              {v.escalationNote && <p className="note">“{v.escalationNote}”</p>}
              {v.description && <p>{v.description}</p>}
              <Decision v={v} client={client} />
            </li>
          );
        })}
      </ul>
      {decided.length > 0 && (
        <>
          <h3>Recent decisions</h3>
          <ul className="decided">
            {decided.map((v) => (
              <li key={v.id}>
                {dateTime(v.decidedAt!, airportTimeZone(state))} — {money(v.amountCents, v.currency)} {v.kind} for {v.requestedByName}:{' '}
                <strong>{v.status === 'issued' ? 'approved' : 'declined'}</strong> by {v.authorisedByName}
                {(v.declineReason ?? v.decisionNote) && ` — “${v.declineReason ?? v.decisionNote}”`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
