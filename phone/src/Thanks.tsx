import { useState, type FormEvent } from 'react';
import type { PhoneTicket } from '../../core/phone-view.ts';
import type { Translate } from './i18n.ts';
import type { PhoneSend } from './use-phone-ticket.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';
import { useSending } from './use-sending.ts';
import { SendButton } from './SendButton.tsx';

/** Same limit as the hub's (core/ops.ts ThanksText). */
const MAX_LENGTH = 300;

/**
 * After delivery, one word for the team if the passenger wishes: free words, no stars, no score,
 * no agent to rate. Duty managers read them on their board.
 */
export function Thanks({ ticket, t, online, send }: { ticket: PhoneTicket; t: Translate; online: boolean; send: PhoneSend }) {
  const [text, setText] = useState('');
  const { sending, error, attempt } = useSending(t);
  if (ticket.status !== 'delivered') return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    // Kept in the box until the hub has it.
    if (await attempt(() => send('thanks', { text }))) setText('');
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
          <SendButton label={t('phone.thanksSend')} sending={sending} disabled={!online || !text.trim()} t={t} />
        </form>
      )}
    </section>
  );
}
