import { useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import {
  PolicyRules,
  Role,
  STOCK_LABEL,
  StockItem,
  airportTimeZone,
  decimalText,
  describeZodError,
  parseMoney,
  policyRules,
  type HubState,
} from '../../../core/index.ts';
import { ChangeLog } from './ChangeLog.tsx';
import { Table } from '../ui/Table.tsx';
import { ErrorLine, OkLine } from '../../../client/ui/message-lines.tsx';

const ROLE_LABEL: Record<Role, string> = { agent: 'Agents', duty_manager: 'Duty managers' };

/** The two amounts each role is held to, typed in major units: draft key, words on screen and in errors, field in the rules. */
const LIMITS = [
  { key: 'cap', words: 'cap per passenger', field: 'capPerPassengerCents' },
  { key: 'budget', words: 'budget per shift', field: 'budgetPerShiftCents' },
] as const;

/** Caps and budgets per role and low-stock thresholds, changed live; below, the change log. */
export function PolicyPanel({ state, client }: { state: HubState; client: SyncClient }) {
  const rules = policyRules(state.policy);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const value = (key: string, current: string) => draft[key] ?? current;
  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setSaved('');
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  };

  // Amounts are typed in major units (12.50) and kept in minor units (core/money.ts).
  const toMajor = (minor: number) => decimalText({ minor, currency: rules.currency });

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const unreadable: string[] = [];
    const toMinor = (label: string, text: string): number => {
      const read = parseMoney(text, rules.currency);
      if (read.ok) return read.money.minor;
      unreadable.push(`${label}: ${read.reason}`);
      return 0;
    };
    const next = {
      ...rules,
      shiftHours: Number(value('shiftHours', String(rules.shiftHours))),
      limits: Object.fromEntries(
        Role.options.map((r) => [
          r,
          Object.fromEntries(
            LIMITS.map((l) => [l.field, toMinor(`${ROLE_LABEL[r]}, ${l.words}`, value(`${r}.${l.key}`, toMajor(rules.limits[r][l.field])))]),
          ),
        ]),
      ),
      lowStock: Object.fromEntries(StockItem.options.map((i) => [i, Number(value(`low.${i}`, String(rules.lowStock[i])))])),
    };
    if (unreadable.length) return setError(unreadable.join('; '));
    const parsed = PolicyRules.safeParse(next);
    if (!parsed.success) return setError(describeZodError(parsed.error));
    setError('');
    void client.submit({ type: 'policy.set', payload: parsed.data });
    setDraft({});
    setSaved('Policy saved: it applies on every tablet at once.');
  };

  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">Limits and budgets</h2>
      <form onSubmit={save} className="policy-form" aria-label="Policy">
        <Table grid columns={['Role', `Cap per passenger (${rules.currency})`, `Budget per shift (${rules.currency})`]}>
          {Role.options.map((r) => (
            <tr key={r}>
              <th scope="row">{ROLE_LABEL[r]}</th>
              {LIMITS.map((l) => (
                <td key={l.key}>
                  <input
                    aria-label={`${ROLE_LABEL[r]} ${l.words}`}
                    inputMode="decimal"
                    value={value(`${r}.${l.key}`, toMajor(rules.limits[r][l.field]))}
                    onChange={set(`${r}.${l.key}`)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </Table>
        <div className="form-row">
          <label className="field">
            Shift length (hours)
            <input type="number" min={1} max={24} value={value('shiftHours', String(rules.shiftHours))} onChange={set('shiftHours')} />
          </label>
          {StockItem.options.map((i) => (
            <label key={i} className="field">
              Low-stock alert: {STOCK_LABEL[i]}
              <input type="number" min={0} value={value(`low.${i}`, String(rules.lowStock[i]))} onChange={set(`low.${i}`)} />
            </label>
          ))}
        </div>
        <ErrorLine text={error} />
        <OkLine text={saved} />
        <button className="primary" type="submit">
          Save policy
        </button>
      </form>

      <h3>Change log</h3>
      <ChangeLog
        changes={state.policyLog.filter((c) => !c.airline)}
        empty="The default policy has not been changed."
        testId="policy-log"
        zone={airportTimeZone(state)}
      />
    </section>
  );
}
