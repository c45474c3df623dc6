import { useRef, useState, type FormEvent } from 'react';
import type { ThreadMessage } from '../../core/model.ts';
import type { PhoneWriteAnswer } from '../../core/wire.ts';
import type { Translate } from './i18n.ts';
import { formatTime } from './format.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';

/** Same limit as the hub's (core/ops.ts ThreadPayload): the form says so before the hub has to. */
const MAX_LENGTH = 500;

/** crypto.randomUUID needs a secure context; a phone on the airport's plain-http address has getRandomValues. */
function newMessageId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The written thread with the gate's staff: plain text only (React escapes it), oldest first. */
export function Thread({
  thread,
  timeZone,
  t,
  lang,
  online,
  write,
}: {
  thread: ThreadMessage[];
  timeZone: string;
  t: Translate;
  lang: string;
  online: boolean;
  write: (text: string, id: string) => Promise<PhoneWriteAnswer>;
}) {
  // Names the message in the box: sent again after a lost answer or a full disk, the hub keeps it once.
  const messageId = useRef(newMessageId());
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    setError('');
    const answer = await write(text, messageId.current);
    setSending(false);
    // What the passenger typed stays in the box until the hub has it: nothing is lost.
    if (answer.ok) {
      setText('');
      messageId.current = newMessageId();
    } else setError(answer.reason === 'offline' ? t('phone.sendOffline') : t('phone.sendFailed', { reason: answer.reason }));
  };

  return (
    <section aria-labelledby="thread-title" className="card">
      <h2 id="thread-title">{t('phone.threadTitle')}</h2>
      {thread.length === 0 ? (
        <p>{t('phone.threadEmpty')}</p>
      ) : (
        <ol className="thread" data-testid="thread">
          {thread.map((m) => (
            <li key={m.seq} className={m.from} data-testid={`message-${m.from}`}>
              <p className="meta">
                {m.from === 'passenger' ? t('phone.you') : t('phone.staffSigned', { name: m.byName ?? '' })} · {formatTime(m.at, lang, timeZone)}
              </p>
              <p className="text">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(e) => void send(e)}>
        <label htmlFor="message">{t('phone.messageLabel')}</label>
        <textarea id="message" value={text} maxLength={MAX_LENGTH} rows={3} onChange={(e) => setText(e.target.value)} />
        <p className="meta">
          {text.length} / {MAX_LENGTH}
        </p>
        <ErrorLine text={error} />
        <button type="submit" disabled={sending || !online || !text.trim()}>
          {sending ? t('phone.sending') : t('phone.send')}
        </button>
      </form>
    </section>
  );
}
