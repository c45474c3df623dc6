import { useEffect, useState } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import { v7 as uuidv7 } from 'uuid';
import { NEEDS, findFlight, isLanguage, parseFlightNumber, type HubState, type Need, type OpBody, type Party } from '../../core/plain.ts';
import type { ScannedPassenger } from './use-pass-scan.ts';
import { isolateIn } from '../../client/passenger/words-in-language.ts';

const PARTY_KEYS = ['adults', 'children', 'infants'] as const;
const START_PARTY: Party = { adults: 1, children: 0, infants: 0 };

export function RequestForm({
  gate,
  state,
  identity,
  onClearIdentity,
  onDirtyChange,
  onSubmit,
}: {
  gate: string;
  state: HubState;
  /** Flight and surname read from a boarding pass, replacing the typed fields. */
  identity: ScannedPassenger | null;
  onClearIdentity: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onSubmit: (body: Extract<OpBody, { type: 'request.create' }>) => Promise<void>;
}) {
  const { t, language } = useKioskTranslation();
  const [flight, setFlight] = useState('');
  const [surname, setSurname] = useState('');
  const [needs, setNeeds] = useState<Need[]>([]);
  const [party, setParty] = useState<Party>(START_PARTY);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ key: string; values?: Record<string, string> }[]>([]);
  const [sending, setSending] = useState(false);

  const dirty =
    identity !== null ||
    flight !== '' ||
    surname !== '' ||
    needs.length > 0 ||
    note !== '' ||
    party.adults !== START_PARTY.adults ||
    party.children !== 0 ||
    party.infants !== 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  // A scan typed into a focused field: the pass wins, the stray characters go. Adjusted while
  // rendering (not in an effect) so the stray characters are never painted.
  const [seenIdentity, setSeenIdentity] = useState(identity);
  if (identity !== seenIdentity) {
    setSeenIdentity(identity);
    if (identity) {
      setFlight('');
      setSurname('');
    }
    setErrors([]);
  }

  const toggle = (n: Need) => setNeeds((cur) => (cur.includes(n) ? cur.filter((x) => x !== n) : [...cur, n]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const problems: typeof errors = [];
    let flightNumber = identity?.flight.number ?? '';
    if (!identity) {
      const fn = parseFlightNumber(flight);
      if (!fn) problems.push({ key: 'form.errorFlight' });
      else if (!findFlight(state, fn, new Date().toISOString())) {
        problems.push({ key: 'form.errorUnknownFlight', values: { flight: fn } });
      } else flightNumber = fn;
      if (!surname.trim()) problems.push({ key: 'form.errorSurname' });
    }
    if (!needs.length) problems.push({ key: 'form.errorNeeds' });
    if (party.adults + party.children + party.infants < 1) problems.push({ key: 'form.errorParty' });
    setErrors(problems);
    if (problems.length) return;
    setSending(true);
    try {
      await onSubmit({
        type: 'request.create',
        payload: {
          requestId: uuidv7(),
          gate,
          flightNumber,
          surname: identity ? identity.surname : surname.trim(),
          needs,
          party,
          language: isLanguage(language) ? language : 'en',
          note: note.trim(),
          ...(identity?.checkInSequence ? { checkInSequence: identity.checkInSequence } : {}),
        },
      });
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="request-form" aria-labelledby="form-title">
      <h2 id="form-title" className="visually-hidden">
        {t('form.intro')}
      </h2>
      {identity ? (
        <div className="identified" data-testid="identified">
          {/* A status, so speech (and any screen reader) says whose pass was read. */}
          <p role="status">
            <strong>{t('form.yourFlight')}</strong>:{' '}
            {t('form.identified', {
              flight: isolateIn(identity.flight.number, language),
              destination: isolateIn(identity.flight.destinationName, language),
              surname: isolateIn(identity.surname, language),
            })}
          </p>
          <button type="button" onClick={onClearIdentity}>
            {t('form.notYou')}
          </button>
        </div>
      ) : (
        <>
          <label className="field">
            {t('form.flight')}
            <input
              name="flight"
              value={flight}
              onChange={(e) => setFlight(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              aria-describedby="flight-hint"
            />
            <small id="flight-hint">{t('form.flightHint')}</small>
          </label>
          <label className="field">
            {t('form.surname')}
            <input name="surname" dir="auto" value={surname} onChange={(e) => setSurname(e.target.value)} autoComplete="off" />
          </label>
        </>
      )}
      <fieldset className="needs">
        <legend>{t('form.needs')}</legend>
        {NEEDS.map((n) => (
          <label key={n} className={needs.includes(n) ? 'need chosen' : 'need'}>
            <input type="checkbox" checked={needs.includes(n)} onChange={() => toggle(n)} />
            {t(`needs.${n}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="party">
        <legend>{t('form.party')}</legend>
        {PARTY_KEYS.map((k) => (
          <div key={k} className="stepper">
            <span id={`party-${k}`}>{t(`form.${k}`)}</span>
            <button
              type="button"
              aria-label={t('form.less', { who: t(`form.${k}`) })}
              onClick={() => setParty((p) => ({ ...p, [k]: Math.max(0, p[k] - 1) }))}
            >
              −
            </button>
            <output aria-labelledby={`party-${k}`} aria-live="polite">
              {party[k]}
            </output>
            <button
              type="button"
              aria-label={t('form.more', { who: t(`form.${k}`) })}
              onClick={() => setParty((p) => ({ ...p, [k]: Math.min(20, p[k] + 1) }))}
            >
              +
            </button>
          </div>
        ))}
      </fieldset>
      <label className="field">
        {t('form.note')}
        <textarea name="note" dir="auto" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      {errors.length > 0 && (
        <div role="alert" className="error" data-testid="form-errors">
          <ul>
            {errors.map((er) => (
              <li key={er.key}>{t(er.key, er.values)}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" className="primary big" aria-disabled={sending}>
        {t('form.submit')}
      </button>
    </form>
  );
}
