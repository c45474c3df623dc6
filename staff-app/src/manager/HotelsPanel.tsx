import { useMemo, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { Rejected, SyncClient } from '../../../client/sync-client.ts';
import {
  airportTimeZone,
  allocationPayload,
  expectedGuests,
  hotelBilling,
  hotelBoard,
  hotelsOf,
  passengersWithoutRoom,
  planFlight,
  tonight,
  type AllocationPlan,
  type CareRequest,
  type HubState,
  type Op,
  type RoomCounts,
  type TransportChoice,
} from '../../../core/index.ts';
import { ROOM_TYPES } from '../../../core/index.ts';
import { clock, money } from './format.ts';
import { downloadCsv } from './download-csv.ts';
import type { Session } from '../session.ts';
import { partyText } from '../labels.ts';
import { Table, type Column } from '../ui/Table.tsx';
import { ErrorLine } from '../../../client/ui/message-lines.tsx';
import { HotelSetup } from './hotels/HotelSetup.tsx';

const UNPLACED: Record<string, string> = {
  no_room: 'no room that keeps the party together',
  no_accessible_room: 'no accessible room left',
  minor_airline_escort: "unaccompanied minor: the airline's staff take charge",
};

const BILLING_COLUMNS: Column[] = [
  'Flight',
  'Hotel',
  { label: 'Room-nights', className: 'num' },
  { label: 'Guests', className: 'num' },
  { label: 'Cost', className: 'num' },
];

function rooms(c: RoomCounts): string {
  return (
    ROOM_TYPES.filter((t) => c[t] > 0)
      .map((t) => `${c[t]} ${t}`)
      .join(', ') || '—'
  );
}

function transportText(state: HubState, t: TransportChoice, zone: string): string {
  if (t.kind === 'taxi') return 'taxi';
  const s = state.shuttles?.[t.shuttleId];
  return s ? `shuttle ${clock(s.departsAt, zone)}` : 'shuttle';
}

/** Whole-flight allocation: a preview by the core rules (who goes where, what is left, the cost), then Apply. */
function FlightAllocation({ state, client, now }: { state: HubState; client: SyncClient; now: string }) {
  const zone = airportTimeZone(state);
  const night = tonight(state, now);
  const flights = Object.values(state.flights).filter((f) => passengersWithoutRoom(state, now).some((r) => r.flightId === f.id));
  const [flightId, setFlightId] = useState('');
  const [plan, setPlan] = useState<AllocationPlan | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const preview = () => {
    setApplied(null);
    setPlan(flightId ? planFlight(state, flightId, { night, now }) : null);
  };
  const apply = () => {
    if (!plan) return;
    // One operation per party: the hub re-checks each room, so a room taken since the preview is refused for that party alone.
    for (const a of plan.placed) void client.submit({ type: 'room.allocate', payload: allocationPayload(a, uuidv7()) });
    setApplied(`${plan.placed.length} ${plan.placed.length === 1 ? 'allocation' : 'allocations'} sent to the hub`);
    setPlan(null);
  };
  const hotels = hotelsOf(state);
  return (
    <section aria-labelledby="flight-alloc">
      <h3 id="flight-alloc">Allocate a whole flight (night of {night})</h3>
      <div className="row-form">
        <label>
          Flight{' '}
          <select value={flightId} onChange={(e) => setFlightId(e.target.value)} data-testid="alloc-flight">
            <option value="">choose…</option>
            {flights.map((f) => (
              <option key={f.id} value={f.id}>
                {f.number} to {f.destinationName}
              </option>
            ))}
          </select>
        </label>
        <button onClick={preview} disabled={!flightId}>
          Preview
        </button>
      </div>
      {applied && <p role="status">{applied}</p>}
      {plan && (
        <div data-testid="alloc-preview">
          <Table caption="Who goes where" columns={['Ticket', 'Passenger', 'Party', 'Hotel', 'Rooms', 'Transport', 'Cost']}>
            {plan.placed.map((a, i) => {
              const r = state.requests[a.requestId];
              return (
                <tr key={`${a.requestId}-${i}`}>
                  <td>{r?.ticket}</td>
                  <td>{r?.surname}</td>
                  <td>{a.seats}</td>
                  <td>{hotels[a.hotelId]?.name}</td>
                  <td>{a.rooms.join(' + ')}</td>
                  <td>{transportText(state, a.transport, zone)}</td>
                  <td>{money(a.costCents, a.currency)}</td>
                </tr>
              );
            })}
          </Table>
          {plan.unplaced.length > 0 && (
            <ul aria-label="Without a room">
              {plan.unplaced.map((u) => (
                <li key={u.requestId}>
                  {state.requests[u.requestId]?.ticket} {state.requests[u.requestId]?.surname}: {UNPLACED[u.reason]}
                </li>
              ))}
            </ul>
          )}
          <p>
            Left after this:{' '}
            {Object.entries(plan.left)
              .map(([id, c]) => `${hotels[id]?.name ?? id}: ${rooms(c)}`)
              .join(' · ')}
          </p>
          <p>
            <strong>Total {money(plan.costCents, plan.currency)}</strong> for {plan.placed.length} parties
          </p>
          <button className="primary" onClick={apply} disabled={plan.placed.length === 0}>
            Apply
          </button>
        </div>
      )}
    </section>
  );
}

/** What the hotel desk needs until it has its own outlet screen: expected guests and check-in. */
function ExpectedGuests({ state, client, hotelId, night }: { state: HubState; client: SyncClient; hotelId: string; night: string }) {
  const zone = airportTimeZone(state);
  const guests = expectedGuests(state, hotelId, night);
  if (guests.length === 0) return <p>No guests expected yet.</p>;
  return (
    <ul className="guests" aria-label={`Guests of ${hotelsOf(state)[hotelId]?.name}`}>
      {guests.map((g) => (
        <li key={g.allocationId} data-testid="hotel-guest">
          {g.ticket} {g.surname.toUpperCase()} · {g.flightNumber} · {g.seats} {g.seats === 1 ? 'person' : 'people'} · {g.rooms.join(' + ')} ·{' '}
          {g.pickupAt ? `shuttle ${clock(g.pickupAt, zone)}` : 'taxi'} ·{' '}
          {g.status === 'checked_in' ? (
            <strong>checked in</strong>
          ) : (
            <>
              <button onClick={() => void client.submit({ type: 'room.checkin', payload: { allocationId: g.allocationId } })}>Mark checked in</button>{' '}
              <button onClick={() => void client.submit({ type: 'room.release', payload: { allocationId: g.allocationId, outcome: 'no_show' } })}>
                No-show
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Who is owed a hotel and has no room yet, oldest request first: the parties the duty manager still has to place. */
function WithoutRoom({ waiting, state, zone }: { waiting: readonly CareRequest[]; state: HubState; zone: string }) {
  if (waiting.length === 0) return null;
  return (
    <ul className="without-room" aria-label="Passengers still without a room" data-testid="without-room-list">
      {waiting.map((r) => (
        <li key={r.id}>
          {r.ticket} {r.surname.toUpperCase()} · {r.flightNumber}
          {state.flights[r.flightId] ? ` to ${state.flights[r.flightId]!.destinationName}` : ''} · gate {r.gate} · {partyText(r.party)}
          {r.needs.includes('mobility') ? ' · mobility' : ''} · asked {clock(r.createdAt, zone)}
        </li>
      ))}
    </ul>
  );
}

/** Room-nights, guests and cost per hotel per flight (released rooms are not billed, no-shows are): the hotels' invoices. */
function HotelBilling({ state, session }: { state: HubState; session: Session }) {
  const rows = useMemo(() => hotelBilling(state), [state]);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="hotel-billing">
      <h3 id="hotel-billing">Billing per hotel and flight</h3>
      {rows.length === 0 ? (
        <p>No room allocated yet.</p>
      ) : (
        <Table testId="hotel-billing" columns={BILLING_COLUMNS}>
          {rows.map((b) => (
            <tr key={`${b.flightId}|${b.hotelId}|${b.currency}`}>
              <td>{b.flightNumber}</td>
              <td>{b.hotelName}</td>
              <td className="num">{b.roomNights}</td>
              <td className="num">{b.guests}</td>
              <td className="num">{money(b.costCents, b.currency)}</td>
            </tr>
          ))}
        </Table>
      )}
      <button
        onClick={() =>
          downloadCsv(session, '/api/hotels.csv', 'gatecare-hotels.csv').catch((e: Error) =>
            setError(`The CSV could not be downloaded: ${e.message}`),
          )
        }
      >
        Download hotel billing (CSV)
      </button>
      <ErrorLine text={error} />
    </section>
  );
}

/**
 * Rooms per hotel tonight (held, allocated, checked in, left), shuttles, passengers still without a room, whole-flight allocation, billing;
 * and the forms that add and change hotels, their rooms and their shuttle runs.
 */
export function HotelsPanel({
  state,
  client,
  now,
  session,
  pending,
  rejected,
}: {
  state: HubState;
  client: SyncClient;
  now: string;
  session: Session;
  pending: Op[];
  rejected: Rejected[];
}) {
  const night = tonight(state, now);
  const zone = airportTimeZone(state);
  const setup = { state, client, pending, rejected, night, zone };
  const board = useMemo(() => hotelBoard(state, night), [state, night]);
  const waiting = useMemo(() => passengersWithoutRoom(state, now), [state, now]);
  return (
    <section className="hotels" aria-labelledby="hotels-title">
      <h2 id="hotels-title">Hotels</h2>
      <HotelSetup hotel={null} {...setup} />
      <p data-testid="without-room">
        {waiting.length} {waiting.length === 1 ? 'party' : 'parties'} owed a hotel still without a room
      </p>
      <WithoutRoom waiting={waiting} state={state} zone={zone} />
      <FlightAllocation state={state} client={client} now={now} />
      {board.map((row) => (
        <article key={row.hotel.id} className="hotel-row" data-testid="hotel-row" aria-label={row.hotel.name}>
          <h3>
            {row.hotel.name} · {row.hotel.distanceKm} km · {row.hotel.transport}
          </h3>
          <p>
            Held {rooms(row.held)} · allocated {rooms(row.allocated)} · checked in {rooms(row.checkedIn)} · left {rooms(row.left)}
          </p>
          {row.shuttles.length > 0 && (
            <p data-testid="hotel-shuttles">
              Shuttles:{' '}
              {row.shuttles.map(({ shuttle, taken }) => `${clock(shuttle.departsAt, zone)} ${taken} of ${shuttle.seats} seats taken`).join(' · ')}
            </p>
          )}
          <HotelSetup hotel={row.hotel} {...setup} />
          <ExpectedGuests state={state} client={client} hotelId={row.hotel.id} night={night} />
        </article>
      ))}
      <HotelBilling state={state} session={session} />
    </section>
  );
}
