import { useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import { airportTimeZone, currentNotices, noticeHistory, type HubState, type Language, type Notice } from '../../../core/index.ts';
import { clock, dateTime } from './format.ts';
import { LANGUAGE_NAME } from './labels.ts';
import { NoticeForm } from './NoticeForm.tsx';
import { noticeScopeLabel } from '../notice-scope.ts';

function kioskStatus(n: Notice, current: boolean, now: string, zone: string): string {
  if (n.revealedAt) return current ? `On kiosks since ${clock(n.revealedAt, zone)}` : `Was on kiosks from ${clock(n.revealedAt, zone)}`;
  if (!current) return 'Replaced before kiosks showed it';
  return n.revealAt > now ? `Staff only — on kiosks at ${clock(n.revealAt, zone)}` : 'Going to kiosks now';
}

/** Notices: write one, see which are in force, update one, and the full history. */
export function NoticesPanel({ state, client, now }: { state: HubState; client: SyncClient; now: string }) {
  const [editing, setEditing] = useState<{ updating: Notice | null } | null>(null);
  const current = new Set(currentNotices(state).map((n) => n.id));
  const history = noticeHistory(state);
  const zone = airportTimeZone(state);
  return (
    <section aria-labelledby="notices-title">
      <div className="table-head">
        <h2 id="notices-title">Notices to passengers</h2>
        {!editing && (
          <button className="primary" onClick={() => setEditing({ updating: null })}>
            New notice
          </button>
        )}
      </div>
      {editing && (
        <NoticeForm key={editing.updating?.id ?? 'new'} state={state} client={client} updating={editing.updating} onDone={() => setEditing(null)} />
      )}
      {history.length === 0 && <p className="empty">No notice published yet.</p>}
      <ol className="notices" data-testid="notice-history">
        {history.map((n) => {
          const inForce = current.has(n.id);
          return (
            <li key={n.id} className={`notice${inForce ? '' : ' replaced'}`} data-testid="notice" data-notice={n.id}>
              <div className="notice-head">
                <strong>{noticeScopeLabel(state, n)}</strong>
                <span>
                  published {dateTime(n.publishedAt, zone)} by {n.publishedByName}
                </span>
                <span className="kiosk-status" data-testid="notice-status">
                  {kioskStatus(n, inForce, now, zone)}
                </span>
              </div>
              {(Object.entries(n.texts) as [Language, { known: string; unknown: string }][]).map(([lang, t]) => (
                <div key={lang} lang={lang} className="notice-text">
                  <span className="muted">{LANGUAGE_NAME[lang]}:</span> <strong>We know:</strong> {t.known}
                  {t.unknown && (
                    <>
                      {' '}
                      <strong>We don't know yet:</strong> {t.unknown}
                    </>
                  )}
                </div>
              ))}
              {n.nextUpdateAt && <p className="muted">Next update at {clock(n.nextUpdateAt, zone)}</p>}
              {inForce && !editing && (
                <button onClick={() => setEditing({ updating: n })} aria-label={`Update notice for ${noticeScopeLabel(state, n)}`}>
                  Update
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
