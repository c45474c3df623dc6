import { memo, useState } from 'react';
import { phoneLinkOpen, type CareRequest, type OpBody } from '../../../core/index.ts';
import { clockTime } from '../labels.ts';

/**
 * The passenger's written thread on the request's card: their messages (plain text, flagged while
 * unanswered), a free answer signed by the hub with the agent's first name, and "lost phone",
 * which switches the ticket's phone link off at once.
 */
export const ThreadPanel = memo(function ThreadPanel({
  request: r,
  zone,
  onSubmit,
}: {
  request: CareRequest;
  zone: string;
  onSubmit: (body: OpBody) => void;
}) {
  const [text, setText] = useState('');
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const thread = r.thread ?? [];
  const open = phoneLinkOpen(r);
  const unanswered = thread.length > 0 && thread[thread.length - 1]!.from === 'passenger';
  if (!open && thread.length === 0) return null;
  return (
    <section className={`thread${unanswered ? ' unanswered' : ''}`} aria-label="Messages with the passenger" data-testid="thread">
      {unanswered && (
        <p className="flag" data-testid="thread-flag">
          New message from the passenger
        </p>
      )}
      {thread.length > 0 && (
        <ol className="thread-messages">
          {thread.map((m) => (
            <li key={m.seq} className={m.from} data-testid={`thread-${m.from}`}>
              <strong>{m.from === 'passenger' ? 'Passenger' : m.byName}</strong> {clockTime(m.at, zone)}: {m.text}
            </li>
          ))}
        </ol>
      )}
      {open && thread.length > 0 && (
        <form
          aria-label="Answer the passenger"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            onSubmit({ type: 'thread.staff', payload: { requestId: r.id, text: text.trim() } });
            setText('');
          }}
        >
          <label className="field">
            Answer (the passenger sees it on their phone, signed with your first name)
            <textarea value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} />
          </label>
          <button className="primary" type="submit" disabled={!text.trim()}>
            Send answer
          </button>
        </form>
      )}
      {open && (
        <div className="actions">
          {confirmRevoke ? (
            <>
              <button
                className="danger"
                onClick={() => {
                  onSubmit({ type: 'phone.revoke', payload: { requestId: r.id } });
                  setConfirmRevoke(false);
                }}
              >
                Switch the phone link off now
              </button>
              <button onClick={() => setConfirmRevoke(false)}>Keep it</button>
            </>
          ) : (
            <button onClick={() => setConfirmRevoke(true)}>Lost phone…</button>
          )}
        </div>
      )}
    </section>
  );
});
