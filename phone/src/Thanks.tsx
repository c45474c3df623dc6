import { useState, type FormEvent } from 'react';
import type { PhoneTicket } from '../../core/phone-view.ts';
import type { Translate } from './i18n.ts';
import type { PhoneSend } from './use-phone-ticket.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';

/** Same limit as the hub's (core/ops.ts ThanksText). */
const MAX_LENGTH = 300;

/**
 * After delivery, one word for the team if the passenger wishes: free words, no stars, no score,
 * no agent to rate. Duty managers read them on their board.
 */
export function Thanks({ ticket, t, online, send }: { ticket: PhoneTicket; t: Translate; online: boolean; send: PhoneSend }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  if (ticket.status !== 'delivered') return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    setError('');
    const answer = await send('thanks', { text });
    setSending(false);
    // Kept in the box until the hub has it.
    if (answer.ok) setText('');
    else setError(answer.reason === 'offline' ? t('phone.sendOffline') : t('phone.sendFailed', { reason: answer.reason }));
  };

  return (
    <section aria-labelledby="thanks-title" className="card" data-testid="thanks">
      <h2 id="thanks-title">{t('phone.thanksTitle')}</h2>
      {ticket.thanks !== null ? (
        <>
          <p className="text" dir="auto" data-testid="thanks-left">
            {ticket.thanks}
          </p>
          <p>{t('phone.thanksLeft')}</p>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor="thanks-text">{t('phone.thanksLabel')}</label>
          <textarea id="thanks-text" dir="auto" value={text} maxLength={MAX_LENGTH} rows={2} onChange={(e) => setText(e.target.value)} />
          <ErrorLine text={error} />
          <button type="submit" disabled={sending || !online || !text.trim()}>
            {sending ? t('phone.sending') : t('phone.thanksSend')}
          </button>
        </form>
      )}
    </section>
  );
}
