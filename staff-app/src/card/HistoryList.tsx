import { airportTimeZone, type CareRequest, type HubState } from '../../../core/index.ts';
import { clockTime } from '../labels.ts';

/** Who did what, when: read from the request's history, kept by the reducer. */
export function HistoryList({ request: r, state }: { request: CareRequest; state: HubState }) {
  const who = (id: string) => {
    const s = state.staff[id];
    return s ? `${s.firstName} ${s.lastName}` : id.startsWith('kiosk') ? 'Kiosk' : id;
  };
  const zone = airportTimeZone(state);
  return (
    <ol className="panel history" aria-label="History">
      {r.history.map((h, i) => (
        <li key={i}>
          <time dateTime={h.at}>{clockTime(h.at, zone)}</time> {who(h.by)} — {h.action}
          {h.detail ? `: ${h.detail}` : ''}
        </li>
      ))}
    </ol>
  );
}
