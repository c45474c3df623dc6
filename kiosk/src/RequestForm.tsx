import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { FlightNumber, Language, type Need, type OpBody, type Party } from '../../core/index.ts';

/** Needs offered first: the ones a passenger at a gate asks for most. */
const NEEDS: Need[] = ['water', 'food', 'blanket', 'medical', 'other'];
const PARTY_KEYS = ['adults', 'children', 'infants'] as const;

export function RequestForm({ gate, onSubmit }: { gate: string; onSubmit: (body: OpBody) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [flight, setFlight] = useState('');
  const [surname, setSurname] = useState('');
  const [needs, setNeeds] = useState<Need[]>([]);
  const [party, setParty] = useState<Party>({ adults: 1, children: 0, infants: 0 });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const toggle = (n: Need) => setNeeds((cur) => (cur.includes(n) ? cur.filter((x) => x !== n) : [...cur, n]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problems: string[] = [];
    const fn = FlightNumber.safeParse(flight);
    if (!fn.success) problems.push(t('form.errorFlight'));
    if (!surname.trim()) problems.push(t('form.errorSurname'));
    if (!needs.length) problems.push(t('form.errorNeeds'));
    setErrors(problems);
    if (problems.length || !fn.success) return;
    const language = Language.safeParse(i18n.language);
    await onSubmit({
      type: 'request.create',
      payload: {
        requestId: uuidv7(),
        gate,
        flightNumber: fn.data,
        surname: surname.trim(),
        needs,
        party,
        language: language.success ? language.data : 'en',
        note: note.trim(),
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="request-form">
      <p className="intro">{t('form.intro')}</p>
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
        <input name="surname" value={surname} onChange={(e) => setSurname(e.target.value)} autoComplete="off" />
      </label>
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
            <output aria-labelledby={`party-${k}`}>{party[k]}</output>
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
        <textarea name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      {errors.length > 0 && (
        <ul role="alert" className="error">
          {errors.map((er) => (
            <li key={er}>{er}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="primary big">
        {t('form.submit')}
      </button>
    </form>
  );
}
