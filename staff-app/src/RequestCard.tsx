import type { SyncClient } from '../../client/sync-client.ts';
import { requestEntitlementSummary, type CareRequest, type HubState } from '../../core/index.ts';

const NEED_LABEL: Record<string, string> = {
  water: 'Water',
  food: 'Food',
  blanket: 'Blanket',
  hotel: 'Hotel',
  medical: 'Medical help',
  mobility: 'Mobility',
  baby: 'Baby care',
  medication_diet: 'Medication / diet',
  charging: 'Charging',
  rebooking: 'Rebooking info',
  other: 'Other',
};

interface Props {
  request: CareRequest;
  now: number;
  me: string;
  state: HubState;
  client: SyncClient;
}

export function RequestCard({ request: r, now, me, state, client }: Props) {
  const waited = Math.max(0, Math.round((now - Date.parse(r.createdAt)) / 60000));
  const flight = state.flights[r.flightId];
  const party = [
    `${r.party.adults} adult${r.party.adults === 1 ? '' : 's'}`,
    r.party.children ? `${r.party.children} child${r.party.children === 1 ? '' : 'ren'}` : '',
    r.party.infants ? `${r.party.infants} infant${r.party.infants === 1 ? '' : 's'}` : '',
  ].filter(Boolean).join(', ');
  return (
    <li className={`card ${r.status}`} data-testid="request-card" data-ticket={r.ticket}>
      <div className="card-head">
        <span className="ticket">{r.ticket}</span>
        <span>Gate {r.gate}</span>
        <span>{r.flightNumber}{flight ? ` → ${flight.destinationName}` : ''}</span>
        <span className="wait">{r.status === 'delivered' ? 'delivered' : `${waited} min waiting`}</span>
      </div>
      <p className="who">{r.surname.toUpperCase()} · {party} · {r.language.toUpperCase()}</p>
      <p className="needs">{r.needs.map((n) => NEED_LABEL[n] ?? n).join(' · ')}</p>
      <p className="entitlements" data-testid="entitlements">{requestEntitlementSummary(state, r, new Date(now).toISOString())}</p>
      {r.note && <p className="note">“{r.note}”</p>}
      <div className="actions">
        {r.status === 'received' && (
          <button className="primary" onClick={() => void client.submit({ type: 'request.claim', payload: { requestId: r.id } })}>
            Claim
          </button>
        )}
        {r.status === 'claimed' && <span className="claimed">Claimed by {r.claimedBy === me ? 'you' : r.claimedByName}</span>}
        {r.status !== 'delivered' && (r.status === 'received' || r.claimedBy === me) && (
          <button onClick={() => void client.submit({ type: 'request.deliver', payload: { requestId: r.id } })}>
            Mark delivered
          </button>
        )}
      </div>
    </li>
  );
}
