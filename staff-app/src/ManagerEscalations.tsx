import { useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import { airportTimeZone, escalationFacts, moneyText, lowStockAlerts, pendingEscalations, type HubState, type Voucher } from '../../core/index.ts';
import { STOCK_TITLE, VOUCHER_LABEL, clockTime, partyText } from './labels.ts';
import { requestOfVoucher } from '../../core/voucher-request.ts';

/**
 * The duty manager's live decisions: escalated vouchers to approve or decline,
 * and low-stock alerts. Kept small so the full manager board can host it.
 */
export function ManagerEscalations({ state, client }: { state: HubState; client: SyncClient }) {
  const pending = pendingEscalations(state);
  const alerts = lowStockAlerts(state);
  return (
    <section className="manager" aria-label="Duty manager decisions">
      <h2>Escalations ({pending.length})</h2>
      {pending.length === 0 && <p className="empty">Nothing waiting for approval.</p>}
      <ul className="escalations">
        {pending.map((v) => (
          <Escalation key={v.id} voucher={v} state={state} client={client} />
        ))}
      </ul>
      {alerts.length > 0 && (
        <div className="low-stock" role="status" data-testid="low-stock">
          <h3>Low stock</h3>
          <ul>
            {alerts.map((a) => (
              <li key={`${a.gate}-${a.item}`}>
                {a.gate}: {STOCK_TITLE[a.item]} {a.quantity} (alert at {a.threshold})
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Escalation({ voucher: v, state, client }: { voucher: Voucher; state: HubState; client: SyncClient }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const r = requestOfVoucher(state.requests, v);
  return (
    <li className="escalation" data-testid="escalation">
      <p>
        <strong>
          {VOUCHER_LABEL[v.kind]} {moneyText({ minor: v.amountCents, currency: v.currency })}
        </strong>{' '}
        for {r ? `${r.surname.toUpperCase()} (${partyText(r.party)}, ${r.flightNumber}, gate ${r.gate})` : 'a request'} — asked by {v.requestedByName}{' '}
        at {clockTime(v.requestedAt, airportTimeZone(state))}
      </p>
      <EscalationLimits voucher={v} state={state} />
      {v.escalationNote && <p className="note">“{v.escalationNote}”</p>}
      {v.description && <p>{v.description}</p>}
      <div className="actions">
        <button className="primary" onClick={() => void client.submit({ type: 'voucher.approve', payload: { voucherId: v.id } })}>
          Approve
        </button>
        <button aria-expanded={declining} onClick={() => setDeclining(!declining)}>
          Decline…
        </button>
      </div>
      {declining && (
        <form
          className="panel"
          aria-label="Decline"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length < 3) return;
            void client.submit({ type: 'voucher.decline', payload: { voucherId: v.id, reason: reason.trim() } });
          }}
        >
          <label className="field">
            Reason (the agent sees it)
            <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" disabled={reason.trim().length < 3}>
            Decline
          </button>
        </form>
      )}
    </li>
  );
}

/** The cap, how far the voucher goes beyond what the agent could issue, and what the law owes of this kind. */
function EscalationLimits({ voucher: v, state }: { voucher: Voucher; state: HubState }) {
  const f = escalationFacts(state, v, new Date().toISOString());
  if (!f) return null;
  const m = (c: number) => moneyText({ minor: c, currency: f.currency });
  return (
    <p className="limits" data-testid="escalation-limits">
      Cap for this passenger {m(f.capCents)} ({m(f.capLeftCents)} left) · {m(f.overageCents)} over what {v.requestedByName} may issue ·{' '}
      {f.owed
        ? `owed: ${f.owed.amountCents !== null && f.owed.currency ? moneyText({ minor: f.owed.amountCents, currency: f.owed.currency }) : 'amount not set'} (${f.owed.legalBasis})`
        : `nothing of this kind is owed yet`}
    </p>
  );
}
