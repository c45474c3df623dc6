import {
  airportClock,
  airportDateTime,
  airportTimeZone,
  kioskReveal,
  noticeHistoryForGates,
  noticeText,
  noticesForStaffGates,
  type HubState,
  type Notice,
} from '../../core/index.ts';
import { noticeScopeLabel } from './notice-scope.ts';

function kioskLine(n: Notice, nowIso: string, zone: string): string {
  const r = kioskReveal(n, nowIso);
  if (r.kind === 'staff_only') return `Kiosks show this at ${airportClock(r.at, zone)}`;
  if (r.kind === 'due') return 'Going to the kiosks now';
  return `On the kiosks since ${airportClock(r.since, zone)}`;
}

function NoticeBody({ n, zone }: { n: Notice; zone: string }) {
  // Staff read English where the duty manager wrote it; the passengers' languages are on the kiosks.
  const { language, text } = noticeText(n, 'en');
  return (
    <div lang={language} dir="auto">
      <p>
        <strong lang="en">We know:</strong> <bdi>{text.known}</bdi>
      </p>
      {text.unknown && (
        <p>
          <strong lang="en">We don't know yet:</strong> <bdi>{text.unknown}</bdi>
        </p>
      )}
      {n.nextUpdateAt && (
        <p className="muted" lang="en">
          Next update at {airportClock(n.nextUpdateAt, zone)}
        </p>
      )}
    </div>
  );
}

/**
 * The duty manager's notices for the agent's gates, at once: the front line knows before the
 * kiosks show it (and says when they will), and can look back at what was said before.
 */
export function GateNotices({ state, gates, now }: { state: HubState; gates: readonly string[]; now: number }) {
  const zone = airportTimeZone(state);
  const nowIso = new Date(now).toISOString();
  const current = noticesForStaffGates(state, gates);
  const history = noticeHistoryForGates(state, gates);
  if (!history.length) return null;
  return (
    <section className="gate-notices" aria-labelledby="gate-notices-title" data-testid="gate-notices">
      <h2 id="gate-notices-title">Notices for your gates</h2>
      <ul>
        {current.map((n) => (
          <li key={n.id} className="gate-notice" data-testid="gate-notice" data-notice={n.id}>
            <p className="gate-notice-head">
              <strong>{noticeScopeLabel(state, n)}</strong> · {n.publishedByName}, {airportClock(n.publishedAt, zone)} ·{' '}
              <span className="kiosk-when" data-testid="kiosk-when">
                {kioskLine(n, nowIso, zone)}
              </span>
            </p>
            <NoticeBody n={n} zone={zone} />
          </li>
        ))}
      </ul>
      <details>
        <summary>History for your gates ({history.length})</summary>
        <ol className="gate-notice-history" data-testid="gate-notice-history">
          {history.map((n) => (
            <li key={n.id}>
              <p>
                <strong>{noticeScopeLabel(state, n)}</strong> · published {airportDateTime(n.publishedAt, zone)} by {n.publishedByName}
                {current.every((c) => c.id !== n.id) && <span className="muted"> · replaced</span>}
              </p>
              <NoticeBody n={n} zone={zone} />
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
