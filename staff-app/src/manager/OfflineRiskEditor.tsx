import { useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import { currentOfflineRisk, decimalText, parseMoney, type OfflineRisk, type Outlet } from '../../../core/index.ts';
import { money } from './format.ts';

/** How the Outlets tab says a limit in one line. */
export function offlineRiskText(risk: OfflineRisk): string {
  if (risk.mode === 'off') return 'Online only';
  if (risk.mode === 'once') return 'Offline: each voucher once, up to its value';
  return `Offline: each voucher once, up to ${money(risk.perVoucherCents, risk.currency)} each, ${money(risk.totalCents, risk.currency)} in all a day`;
}

/**
 * What an outlet may spend while it cannot reach the hub, set by a duty manager (outlet.offlineRisk).
 * The outlet hears it with its next answer from the hub; what it took under the old setting in the
 * hours after a change still counts, so a manager who must stop an outlet at once revokes it.
 */
export function OfflineRiskEditor({ outlet, currency, client }: { outlet: Outlet; currency: string; client: SyncClient }) {
  const risk = currentOfflineRisk(outlet);
  const [editing, setEditing] = useState(false);
  const [mode, setMode] = useState<OfflineRisk['mode']>(risk.mode);
  const cur = risk.mode === 'capped' ? risk.currency : currency;
  const [perVoucher, setPerVoucher] = useState(risk.mode === 'capped' ? decimalText({ minor: risk.perVoucherCents, currency: cur }) : '');
  const [total, setTotal] = useState(risk.mode === 'capped' ? decimalText({ minor: risk.totalCents, currency: cur }) : '');
  const [error, setError] = useState('');
  const id = (part: string) => `offline-${part}-${outlet.id}`;

  if (!editing) {
    return (
      <span data-testid="outlet-offline-risk">
        {offlineRiskText(risk)} <button onClick={() => setEditing(true)}>Change…</button>
      </span>
    );
  }

  const save = () => {
    let next: OfflineRisk;
    if (mode === 'capped') {
      const each = parseMoney(perVoucher, cur);
      const all = parseMoney(total, cur);
      if (!each.ok) return setError(`Per voucher: ${each.reason}`);
      if (!all.ok) return setError(`In all: ${all.reason}`);
      if (each.money.minor === 0 || all.money.minor === 0) return setError('A limit is more than nothing: choose "online only" instead.');
      if (each.money.minor > all.money.minor) return setError('The limit per voucher cannot be above the total.');
      next = { mode, currency: cur, perVoucherCents: each.money.minor, totalCents: all.money.minor };
    } else {
      next = { mode };
    }
    setError('');
    setEditing(false);
    void client.submit({ type: 'outlet.offlineRisk', payload: { outletId: outlet.id, risk: next } });
  };

  return (
    <fieldset className="offline-risk">
      <legend>While {outlet.name} cannot reach the hub</legend>
      <label>
        <input type="radio" name={id('mode')} checked={mode === 'off'} onChange={() => setMode('off')} /> Online only
      </label>
      <label>
        <input type="radio" name={id('mode')} checked={mode === 'once'} onChange={() => setMode('once')} /> Each voucher once, up to its value
      </label>
      <label>
        <input type="radio" name={id('mode')} checked={mode === 'capped'} onChange={() => setMode('capped')} /> Each voucher once, with limits
      </label>
      {mode === 'capped' && (
        <>
          <label htmlFor={id('each')}>At most per voucher ({cur})</label>
          <input id={id('each')} value={perVoucher} inputMode="decimal" onChange={(e) => setPerVoucher(e.target.value)} />
          <label htmlFor={id('total')}>At most in all over 24 h ({cur})</label>
          <input id={id('total')} value={total} inputMode="decimal" onChange={(e) => setTotal(e.target.value)} />
        </>
      )}
      <span className="actions">
        <button onClick={save}>Save offline limit</button>
        <button onClick={() => setEditing(false)}>Cancel</button>
      </span>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
