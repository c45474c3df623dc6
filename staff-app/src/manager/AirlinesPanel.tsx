import { useEffect, useRef, useState } from 'react';
import type { Rejected, SyncClient } from '../../../client/sync-client.ts';
import {
  CABINS,
  REGIME_LABEL,
  Regime,
  airportTimeZone,
  type AirlineConfig,
  type Cabin,
  type HubState,
  type Money,
  type Op,
} from '../../../core/index.ts';
import { draftOf, FIELD_LABEL, readDraft, type AirlineDraft, type AirlineField, type FieldError, type MoneyDraft } from './airline-form.ts';
import { money } from './format.ts';
import { ChangeLog } from './ChangeLog.tsx';
import { Table } from '../ui/Table.tsx';
import { onSubmitted } from '../ui/on-submit.ts';

const amount = (m: Money | undefined, unit: string) => (m ? `${money(m.minor, m.currency)} ${unit}` : 'staff choose the amount');

function regimesText(a: AirlineConfig): string {
  return a.regimes.length ? a.regimes.map((r) => REGIME_LABEL[r]).join(' + ') : 'no law listed';
}

function mealText(a: AirlineConfig): string {
  const every = a.mealEveryHours ? `, one more every ${a.mealEveryHours} h of waiting` : '';
  return `${amount(a.mealVoucherPerPerson, 'per person')}${every}`;
}

type Editing = { mode: 'add' | 'edit'; draft: AirlineDraft };

/** Each airline's passenger-care rules in plain words, and a form to change one or add one. */
const CABIN_WORD: Record<Cabin, string> = { first: 'First', business: 'Business', premium_economy: 'Premium economy', economy: 'Economy' };

export function AirlinesPanel({ state, client, pending, rejected }: { state: HubState; client: SyncClient; pending: Op[]; rejected: Rejected[] }) {
  // A device's saved state from before airlines existed has no `airlines` map.
  const airlines = Object.values(state.airlines ?? {}).sort((a, b) => a.code.localeCompare(b.code));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sent, setSent] = useState<{ opId: string; name: string } | null>(null);

  const open = (mode: Editing['mode'], a: AirlineConfig | null) => {
    setErrors([]);
    setSent(null);
    setEditing({ mode, draft: draftOf(a, airlines[0]?.mealVoucherPerPerson?.currency) });
  };

  const save = async (draft: AirlineDraft, mode: Editing['mode']) => {
    const read = readDraft(draft);
    if (!read.ok) return setErrors(read.errors);
    const existing = state.airlines?.[read.config.code];
    // Adding must not silently replace an airline's rules: changing them is what Edit is for.
    if (mode === 'add' && existing)
      return setErrors([{ field: 'code', message: `${existing.name} already uses ${read.config.code}: edit its row instead` }]);
    setErrors([]);
    const op = await client.submit({ type: 'airline.upsert', payload: read.config });
    setSent({ opId: op.id, name: read.config.name });
    setEditing(null);
  };

  const refusal = sent && rejected.find((r) => r.op.id === sent.opId);
  const waiting = sent && pending.some((o) => o.id === sent.opId);

  return (
    <section aria-labelledby="airlines-title">
      <div className="table-head">
        <h2 id="airlines-title">Airlines and their passenger-care rules</h2>
        {!editing && <button onClick={() => open('add', null)}>Add an airline</button>}
      </div>
      <p className="muted">What each airline owes its passengers here. Board, staff cards, voucher forms and kiosks follow a change at once.</p>
      {sent &&
        (refusal ? (
          <p role="alert" className="error" data-testid="airline-status">
            {sent.name} not saved: {refusal.reason}
          </p>
        ) : (
          <p role="status" className="ok" data-testid="airline-status">
            {waiting
              ? `${sent.name} saved on this tablet; it is sent to the hub as soon as it can be.`
              : `${sent.name} saved: every tablet and kiosk now uses these rules.`}
          </p>
        ))}
      <Table grid testId="airlines-table" columns={['Code', 'Airline', 'Law applied', 'Own policy', 'Meal voucher', 'Hotel', 'Transport', 'Change']}>
        {airlines.map((a) => (
          <tr key={a.code} data-testid="airline-row" data-airline={a.code}>
            <th scope="row">{a.code}</th>
            <td>{a.name}</td>
            <td>{regimesText(a)}</td>
            <td>{a.ownPolicy ? `meals and calls from ${a.ownPolicy.careFromMinutes} min of delay` : 'none: the law only'}</td>
            <td>{mealText(a)}</td>
            <td>{amount(a.hotelPerNight, 'a night')}</td>
            <td>{amount(a.transportPerTrip, 'a trip')}</td>
            <td>
              <button onClick={() => open('edit', a)} aria-label={`Edit ${a.name}`} disabled={editing !== null}>
                Edit
              </button>
            </td>
          </tr>
        ))}
      </Table>
      {airlines.length === 0 && <p className="empty">No airline is configured: each flight gets the law of its departure country.</p>}
      {editing && (
        <AirlineForm
          key={editing.draft.code || 'new'}
          editing={editing}
          errors={errors}
          onSave={(d) => void save(d, editing.mode)}
          onCancel={() => {
            setErrors([]);
            setEditing(null);
          }}
        />
      )}
      <h3>Change log</h3>
      <ChangeLog
        changes={(state.policyLog ?? []).filter((c) => c.airline)}
        empty="No airline's rules have been changed."
        testId="airline-log"
        zone={airportTimeZone(state)}
      />
    </section>
  );
}

function AirlineForm({
  editing,
  errors,
  onSave,
  onCancel,
}: {
  editing: Editing;
  errors: FieldError[];
  onSave: (d: AirlineDraft) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState(editing.draft);
  // Opened below the list: bring it into view and put the cursor where typing starts.
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const title = editing.mode === 'add' ? 'New airline' : `Edit ${editing.draft.name}`;
  const invalid = (f: AirlineField) => (errors.some((e) => e.field === f) ? { 'aria-invalid': true, 'aria-describedby': 'airline-errors' } : {});
  const text = (f: 'code' | 'name' | 'country' | 'careFromMinutes' | 'mealEveryHours') => ({
    value: d[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setD({ ...d, [f]: e.target.value }),
    ...invalid(f),
  });
  const toggle = (r: Regime) =>
    setD({
      ...d,
      regimes: d.regimes.includes(r) ? d.regimes.filter((x) => x !== r) : Regime.options.filter((x) => x === r || d.regimes.includes(x)),
    });

  const moneyFields = (f: 'meal' | 'hotel' | 'transport') => {
    const set = (part: keyof MoneyDraft) => (e: React.ChangeEvent<HTMLInputElement>) => setD({ ...d, [f]: { ...d[f], [part]: e.target.value } });
    return (
      <fieldset className="money">
        <legend>{FIELD_LABEL[f]}</legend>
        <label className="field">
          Amount (empty: staff choose)
          <input inputMode="decimal" placeholder="15.00" value={d[f].amount} onChange={set('amount')} {...invalid(f)} />
        </label>
        <label className="field">
          Currency
          <input className="currency" maxLength={3} value={d[f].currency} onChange={set('currency')} {...invalid(f)} />
        </label>
      </fieldset>
    );
  };

  return (
    <form className="airline-form" aria-label={title} onSubmit={onSubmitted(() => onSave(d))}>
      <h3>{title}</h3>
      <div className="form-row">
        <label className="field">
          {FIELD_LABEL.code} (IATA, two characters)
          <input
            {...text('code')}
            maxLength={2}
            readOnly={editing.mode === 'edit'}
            className="code"
            ref={editing.mode === 'add' ? first : undefined}
          />
        </label>
        <label className="field">
          {FIELD_LABEL.name}
          <input {...text('name')} ref={editing.mode === 'edit' ? first : undefined} />
        </label>
        <label className="field">
          {FIELD_LABEL.country} (country code, e.g. FR: decides the law on flights into Europe or Britain)
          <input {...text('country')} maxLength={2} className="code" />
        </label>
      </div>
      <fieldset>
        <legend>Laws applied besides those binding every flight here (the departure's law always applies)</legend>
        {Regime.options.map((r) => (
          <label key={r} className="inline">
            <input type="checkbox" checked={d.regimes.includes(r)} onChange={() => toggle(r)} /> {REGIME_LABEL[r]}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <label className="field">
          {FIELD_LABEL.careFromMinutes}, empty: none
          <input inputMode="numeric" {...text('careFromMinutes')} />
        </label>
        <label className="field">
          {FIELD_LABEL.mealEveryHours}, empty: one meal
          <input inputMode="numeric" {...text('mealEveryHours')} />
        </label>
      </div>
      <fieldset>
        <legend>
          {FIELD_LABEL.cabinMeal}, in the meal voucher&apos;s currency ({d.meal.currency}); empty: the amount per person
        </legend>
        <div className="form-row">
          {CABINS.map((c) => (
            <label key={c} className="field">
              {CABIN_WORD[c]}
              <input
                inputMode="decimal"
                value={d.cabinMeal[c]}
                onChange={(e) => setD({ ...d, cabinMeal: { ...d.cabinMeal, [c]: e.target.value } })}
                {...invalid('cabinMeal')}
              />
            </label>
          ))}
        </div>
        <label className="inline">
          <input type="checkbox" checked={d.autoTopUp} onChange={(e) => setD({ ...d, autoTopUp: e.target.checked })} /> {FIELD_LABEL.autoTopUp}
        </label>
      </fieldset>
      <div className="form-row">
        {moneyFields('meal')}
        {moneyFields('hotel')}
        {moneyFields('transport')}
      </div>
      {errors.length > 0 && (
        <div role="alert" id="airline-errors" data-testid="airline-errors">
          <ul className="import-errors">
            {errors.map((e, i) => (
              <li key={i}>{e.field === 'form' ? e.message : `${FIELD_LABEL[e.field]}: ${e.message}`}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="row-actions">
        <button className="primary" type="submit">
          Save airline
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
