import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import {
  VoucherKind,
  airportTimeZone,
  moneyText,
  decimalText,
  parseMoney,
  voucherAllowance,
  voucherLimitProblem,
  voucherDraftsForRequest,
  type CareRequest,
  type HubState,
  type VoucherDraft,
} from '../../../core/index.ts';
import { VOUCHER_LABEL, clockTime } from '../labels.ts';
import { vouchersBoundToPassenger } from '../../../core/bound-vouchers.ts';
import type { FormProps } from './types.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { Select } from '../../../client/ui/Select.tsx';

interface Props extends FormProps {
  request: CareRequest;
  state: HubState;
  me: string;
  now: number;
}

function timingText(d: VoucherDraft, zone: string): string {
  if (!d.owedNow && d.from) return ` from ${clockTime(d.from, zone)}`;
  return d.offerBy ? ` owed now — to be offered by ${clockTime(d.offerBy, zone)} at the latest` : '';
}

function prefillText(d: VoucherDraft, zone: string): string {
  const amount = d.amountCents && d.currency ? ` ${moneyText({ minor: d.amountCents, currency: d.currency })}` : '';
  return `${VOUCHER_LABEL[d.kind]}${amount}${timingText(d, zone)} · ${d.legalBasis}`;
}

/**
 * Under the agent's limits the voucher is issued at once; above them the same form
 * sends it to the duty managers in one tap. The limits are core's, not the form's.
 */
export function VoucherForm({ request: r, state, me, now, onSubmit, onDone }: Props) {
  // What the passenger is owed fills the form in, so the voucher meets the entitlement.
  const [prefill] = useState(() => voucherDraftsForRequest(state, r, new Date(now).toISOString()).filter((d) => !d.alreadyCovered));
  // Only an amount in the hub's voucher currency can be filled in; otherwise the agent types it.
  const amountOf = (d: VoucherDraft | undefined) =>
    d?.amountCents && d.currency === state.policy.currency ? decimalText({ minor: d.amountCents, currency: d.currency }) : '';
  const first = prefill[0];
  const [kind, setKind] = useState<VoucherKind>(first?.kind ?? 'meal');
  const [amount, setAmount] = useState(amountOf(first));
  const [description, setDescription] = useState(first?.description ?? '');
  const [note, setNote] = useState('');
  // Choosing another kind: what the form filled in for the previous kind ("Meal, 2 persons…", its
  // amount) would now describe the wrong voucher, so it follows the new kind; what the agent typed stays.
  const chooseKind = (next: VoucherKind) => {
    const was = prefill.find((d) => d.kind === kind);
    const draft = prefill.find((d) => d.kind === next);
    if (description === '' || description === was?.description) setDescription(draft?.description ?? '');
    if (amount === '' || amount === amountOf(was)) setAmount(amountOf(draft));
    setKind(next);
  };
  // What the whole-flight issue gave on the pass counts against the cap and the owed amount alike: said here so the agent sees why.
  const [onPass] = useState(() => vouchersBoundToPassenger(state, r).filter((v) => v.status === 'issued'));
  const role = state.staff[me]?.role ?? 'agent';
  const allowance = voucherAllowance(state, me, role, r, new Date(now).toISOString());
  const currency = allowance.currency;
  const read = parseMoney(amount, currency);
  const cents = read.ok ? read.money.minor : null;
  const problem = cents !== null && cents > 0 ? voucherLimitProblem(allowance, cents, currency) : null;
  const valid = cents !== null && cents > 0;

  const send = (type: 'voucher.issue' | 'voucher.escalate') => {
    if (!valid) return;
    const base = { voucherId: uuidv7(), requestId: r.id, kind, amountCents: cents, currency, description: description.trim() };
    onSubmit(type === 'voucher.issue' ? { type, payload: base } : { type, payload: { ...base, note: note.trim() } });
    onDone();
  };

  return (
    <form className="panel voucher-form" aria-label="Voucher" onSubmit={(e) => e.preventDefault()}>
      {prefill.length > 0 && (
        <div className="prefill" data-testid="voucher-prefill">
          Owed:{' '}
          {prefill.map((p) => (
            <button
              key={p.kind}
              type="button"
              aria-pressed={kind === p.kind}
              onClick={() => {
                setKind(p.kind);
                setAmount(amountOf(p));
                setDescription(p.description);
              }}
            >
              {prefillText(p, airportTimeZone(state))}
            </button>
          ))}
        </div>
      )}
      {onPass.length > 0 && (
        <p className="given-on-pass" data-testid="given-on-pass">
          Already given on the boarding pass (whole flight):{' '}
          {onPass.map((v) => `${VOUCHER_LABEL[v.kind]} ${moneyText({ minor: v.amountCents, currency: v.currency })} (${v.code})`).join(', ')}
        </p>
      )}
      <div className="voucher-fields">
        <label className="field">
          Type
          <Select value={kind} options={VoucherKind.options} label={(k) => VOUCHER_LABEL[k]} onChange={chooseKind} />
        </label>
        <label className="field">
          Amount ({currency})
          <input value={amount} inputMode="decimal" placeholder="0.00" onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label className="field">
          Description (optional)
          <input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
        </label>
      </div>
      <p className="allowance" data-testid="allowance">
        You can issue up to <strong>{moneyText({ minor: allowance.maxNowCents, currency: currency })}</strong> here now (passenger{' '}
        {moneyText({ minor: allowance.capLeftCents, currency: currency })} left of {moneyText({ minor: allowance.capCents, currency: currency })};
        your shift {moneyText({ minor: allowance.budgetLeftCents, currency: currency })} left).
      </p>
      {amount !== '' && !valid && (
        <p className="hint" role="alert">
          Type an amount such as 12.50
        </p>
      )}
      {problem && (
        <>
          <p className="limit-note" role="status">
            {problem}
          </p>
          <label className="field">
            Why it is needed (for the duty manager)
            <input value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
          </label>
        </>
      )}
      <FormActions onClose={onDone}>
        {!problem && (
          <button type="button" className="primary" disabled={!valid} onClick={() => send('voucher.issue')}>
            Issue voucher
          </button>
        )}
        {problem && (
          <button type="button" className="primary escalate" onClick={() => send('voucher.escalate')}>
            Send to duty manager
          </button>
        )}
      </FormActions>
    </form>
  );
}
