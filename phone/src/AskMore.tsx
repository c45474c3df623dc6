import { useState, type FormEvent } from 'react';
import { NEEDS, type Need } from '../../core/values.ts';
import type { PhoneTicket } from '../../core/phone-view.ts';
import type { Translate } from './i18n.ts';
import type { PhoneSend } from './use-phone-ticket.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';

/** Same limits as the hub's (core/ops.ts PhoneAskChoices and Party). */
const MAX_NOTE = 500;
const MAX_PEOPLE = 20;
const WHO = ['adults', 'children', 'infants'] as const;
type Party = Record<(typeof WHO)[number], number>;
const ONE_ADULT: Party = { adults: 1, children: 0, infants: 0 };

/**
 * Something new, from the phone: the kiosk's needs, party and note. The hub puts it at the gate of
 * the passenger's flight, for the same passenger; the phone then follows it here as well.
 */
export function AskMore({ ticket, t, lang, online, send }: { ticket: PhoneTicket; t: Translate; lang: string; online: boolean; send: PhoneSend }) {
  const [needs, setNeeds] = useState<Need[]>([]);
  const [party, setParty] = useState<Party>(ONE_ADULT);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);

  const toggle = (n: Need, on: boolean) => setNeeds((list) => (on ? [...list, n] : list.filter((x) => x !== n)));
  const people = party.adults + party.children + party.infants;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!needs.length) return setError(t('form.errorNeeds'));
    if (people < 1) return setError(t('form.errorParty'));
    setSending(true);
    setError('');
    setSent(false);
    const answer = await send('ask', { needs, party, note });
    setSending(false);
    if (!answer.ok) return setError(answer.reason === 'offline' ? t('phone.sendOffline') : t('phone.sendFailed', { reason: answer.reason }));
    // Cleared only once the hub holds the request: nothing chosen is lost on a failure.
    setNeeds([]);
    setParty(ONE_ADULT);
    setNote('');
    setSent(true);
  };

  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  return (
    <section aria-labelledby="ask-title" className="card" data-testid="ask-more">
      <h2 id="ask-title">{t('ticket.new')}</h2>
      {ticket.asks.length > 0 && (
        <ul className="asks" aria-label={t('phone.asksTitle')}>
          {ticket.asks.map((a) => (
            <li key={a.ticket} data-testid="asked-ticket">
              <strong className="ticket-small">{a.ticket}</strong> · {list.format(a.needs.map((n) => t(`needs.${n}`)))} ·{' '}
              <span data-testid="asked-status">
                {a.status === 'claimed' ? t('ticket.claimed', { name: a.claimedByName ?? '' }) : t(`ticket.${a.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('form.needs')}</legend>
          {NEEDS.map((n) => (
            <label key={n} className="check">
              <input type="checkbox" checked={needs.includes(n)} onChange={(e) => toggle(n, e.target.checked)} /> {t(`needs.${n}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('form.party')}</legend>
          {WHO.map((who) => (
            <label key={who} className="count">
              {t(`form.${who}`)}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_PEOPLE}
                value={party[who]}
                onChange={(e) => setParty({ ...party, [who]: Math.max(0, Math.min(MAX_PEOPLE, Math.trunc(Number(e.target.value) || 0))) })}
              />
            </label>
          ))}
        </fieldset>
        <label htmlFor="ask-note">{t('form.note')}</label>
        <textarea id="ask-note" dir="auto" value={note} maxLength={MAX_NOTE} rows={2} onChange={(e) => setNote(e.target.value)} />
        <ErrorLine text={error} />
        {sent && (
          <p role="status" data-testid="ask-sent">
            {t('phone.askSent', { gate: ticket.flight?.gate ?? ticket.gate })}
          </p>
        )}
        <button type="submit" disabled={sending || !online}>
          {sending ? t('phone.sending') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
