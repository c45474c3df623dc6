import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { SyncClient } from '../../../client/sync-client.ts';
import {
  DEFAULT_NOTICE_LEAD_SECONDS,
  Language,
  MAX_NOTICE_LEAD_SECONDS,
  airportTimeZone,
  PublishNoticePayload,
  describeZodError,
  type HubState,
  type Notice,
  type NoticeScope,
  type NoticeTexts,
} from '../../../core/index.ts';
import { fromLocalInput, toLocalInput } from './format.ts';
import { LANGUAGE_NAME } from './labels.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { ErrorLine } from '../../../client/ui/message-lines.tsx';
import { FlightSelect } from './FlightSelect.tsx';

type ScopeKind = NoticeScope['kind'];

function initialScope(n: Notice | null): { kind: ScopeKind; flightId: string; gates: string } {
  if (!n) return { kind: 'flight', flightId: '', gates: '' };
  return {
    kind: n.scope.kind,
    flightId: n.scope.kind === 'flight' ? n.scope.flightId : '',
    gates: n.scope.kind === 'gates' ? n.scope.gates.join(', ') : '',
  };
}

/**
 * Write (or update) a notice: for one flight, some gates or all; "what we know / what we
 * don't know yet" in each language the manager fills in; next update; staff-only lead.
 */
export function NoticeForm({
  state,
  client,
  updating,
  onDone,
}: {
  state: HubState;
  client: SyncClient;
  updating: Notice | null;
  onDone: () => void;
}) {
  const scope0 = initialScope(updating);
  const [kind, setKind] = useState<ScopeKind>(scope0.kind);
  const [flightId, setFlightId] = useState(scope0.flightId);
  const [gates, setGates] = useState(scope0.gates);
  const [languages, setLanguages] = useState<Language[]>(updating ? (Object.keys(updating.texts) as Language[]) : ['en', 'fr']);
  const [texts, setTexts] = useState<NoticeTexts>(updating?.texts ?? {});
  const [nextUpdate, setNextUpdate] = useState(updating?.nextUpdateAt ? toLocalInput(updating.nextUpdateAt, airportTimeZone(state)) : '');
  const [lead, setLead] = useState(String(updating?.leadSeconds ?? DEFAULT_NOTICE_LEAD_SECONDS));
  const [error, setError] = useState('');
  const flights = Object.values(state.flights).sort((a, b) => a.number.localeCompare(b.number));

  const setText = (lang: Language, field: 'known' | 'unknown', value: string) =>
    setTexts((t) => ({ ...t, [lang]: { known: t[lang]?.known ?? '', unknown: t[lang]?.unknown ?? '', [field]: value } }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const scope: NoticeScope =
      kind === 'all'
        ? { kind: 'all' }
        : kind === 'flight'
          ? { kind: 'flight', flightId }
          : {
              kind: 'gates',
              gates: gates
                .split(/[\s,;]+/)
                .map((g) => g.trim().toUpperCase())
                .filter(Boolean),
            };
    const written = Object.fromEntries(languages.filter((l) => texts[l]?.known.trim()).map((l) => [l, texts[l]]));
    const parsed = PublishNoticePayload.safeParse({
      noticeId: uuidv7(),
      scope,
      texts: written,
      nextUpdateAt: fromLocalInput(nextUpdate, airportTimeZone(state)),
      leadSeconds: Number(lead),
      replaces: updating?.id ?? null,
    });
    if (kind === 'flight' && !flightId) return setError('choose the flight');
    if (!parsed.success) return setError(describeZodError(parsed.error));
    setError('');
    void client.submit({ type: 'notice.publish', payload: parsed.data });
    onDone();
  };

  return (
    <form className="notice-form" onSubmit={submit} aria-label={updating ? 'Update notice' : 'New notice'}>
      <fieldset>
        <legend>For</legend>
        <label className="inline">
          <input type="radio" name="scope" checked={kind === 'flight'} onChange={() => setKind('flight')} /> one flight
        </label>
        <label className="inline">
          <input type="radio" name="scope" checked={kind === 'gates'} onChange={() => setKind('gates')} /> some gates
        </label>
        <label className="inline">
          <input type="radio" name="scope" checked={kind === 'all'} onChange={() => setKind('all')} /> all gates
        </label>
        {kind === 'flight' && (
          <label className="field">
            Flight
            <FlightSelect flights={flights} value={flightId} placeholder="Choose…" onChange={setFlightId} />
          </label>
        )}
        {kind === 'gates' && (
          <label className="field">
            Gates (e.g. K32, K34)
            <input value={gates} onChange={(e) => setGates(e.target.value)} />
          </label>
        )}
      </fieldset>

      <fieldset>
        <legend>Languages</legend>
        {Language.options.map((l) => (
          <label key={l} className="inline">
            <input
              type="checkbox"
              checked={languages.includes(l)}
              onChange={(e) => setLanguages((ls) => (e.target.checked ? [...ls, l] : ls.filter((x) => x !== l)))}
            />{' '}
            {LANGUAGE_NAME[l]}
          </label>
        ))}
      </fieldset>

      {languages.map((l) => (
        <fieldset key={l} lang={l} className="notice-lang">
          <legend>{LANGUAGE_NAME[l]}</legend>
          <label className="field">
            What we know ({l})
            <textarea rows={2} value={texts[l]?.known ?? ''} onChange={(e) => setText(l, 'known', e.target.value)} maxLength={600} />
          </label>
          <label className="field">
            What we don't know yet ({l})
            <textarea rows={2} value={texts[l]?.unknown ?? ''} onChange={(e) => setText(l, 'unknown', e.target.value)} maxLength={600} />
          </label>
        </fieldset>
      ))}

      <div className="form-row">
        <label className="field">
          Next update at
          <input type="datetime-local" value={nextUpdate} onChange={(e) => setNextUpdate(e.target.value)} />
        </label>
        <label className="field">
          Staff see it first, for (seconds)
          <input type="number" min={0} max={MAX_NOTICE_LEAD_SECONDS} value={lead} onChange={(e) => setLead(e.target.value)} />
        </label>
      </div>
      <ErrorLine text={error} />
      <FormActions onClose={onDone}>
        <button className="primary" type="submit">
          {updating ? 'Publish update' : 'Publish notice'}
        </button>
      </FormActions>
    </form>
  );
}
