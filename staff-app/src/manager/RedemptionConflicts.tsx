import { useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import type { HubState, RedemptionConflict } from '../../../core/index.ts';
import { dateTime, money } from './format.ts';

/** Open conflicts first (newest first), then settled ones. */
function ordered(state: HubState, withResolved: boolean): RedemptionConflict[] {
  const all = Object.values(state.redemptionConflicts ?? {}).filter((c) => withResolved || !c.resolved);
  return all.sort((a, b) => Number(!!a.resolved) - Number(!!b.resolved) || b.detectedAt.localeCompare(a.detectedAt));
}

/**
 * Value spent twice by outlets working offline: every receipt of the voucher (outlet, time, amount,
 * reference) and how much went over. On the board they are shown; on the Outlets tab (with a
 * client) a duty manager marks one resolved with a word on how it was settled.
 */
export function RedemptionConflicts({ state, zone, client }: { state: HubState; zone: string; client?: SyncClient }) {
  const conflicts = ordered(state, client !== undefined);
  if (conflicts.length === 0) return client ? <p>No voucher was spent twice by outlets working offline.</p> : null;
  return (
    <section aria-labelledby="conflicts-title" className="conflicts">
      <h3 id="conflicts-title">Vouchers spent twice offline ({conflicts.filter((c) => !c.resolved).length} open)</h3>
      <ul>
        {conflicts.map((c) => (
          <ConflictItem key={c.id} conflict={c} zone={zone} client={client} />
        ))}
      </ul>
      {!client && <p className="muted">Mark them resolved on the Outlets tab.</p>}
    </section>
  );
}

function ConflictItem({ conflict: c, zone, client }: { conflict: RedemptionConflict; zone: string; client?: SyncClient }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const resolve = () => {
    if (!note.trim()) return setError('Say how it was settled.');
    setError('');
    void client!.submit({ type: 'redemption.resolve', payload: { conflictId: c.id, note: note.trim() } });
  };
  const noteId = `conflict-note-${c.id}`;
  return (
    <li data-testid="redemption-conflict" aria-label={`Voucher ${c.code}`} className={c.resolved ? 'resolved' : 'alert'}>
      <p>
        <strong>Voucher {c.code}</strong>: {money(c.overspendCents, c.currency)} spent more than it held
        {c.voided ? ' (spent offline after it was voided)' : ''}, found {dateTime(c.detectedAt, zone)}.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Time</th>
            <th scope="col">Amount</th>
            <th scope="col">Receipt</th>
          </tr>
        </thead>
        <tbody>
          {c.receipts.map((r) => (
            <tr key={r.id} data-testid="conflict-receipt">
              <td>
                {r.outletName}
                {r.offline ? ' (offline)' : ''}
              </td>
              <td>{dateTime(r.at, zone)}</td>
              <td>{money(r.amountCents, c.currency)}</td>
              <td>{r.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.resolved ? (
        <p data-testid="conflict-resolved">
          Resolved {dateTime(c.resolved.at, zone)} by {c.resolved.by}: {c.resolved.note}
        </p>
      ) : (
        client && (
          <p className="actions">
            <label htmlFor={noteId}>How it was settled</label>
            <input id={noteId} value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
            <button onClick={resolve}>Mark resolved</button>
            {error && (
              <span role="alert" className="error">
                {error}
              </span>
            )}
          </p>
        )
      )}
    </li>
  );
}
