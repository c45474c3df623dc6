import { useState } from 'react';
import type { Rejected, SyncClient } from '../../../client/sync-client.ts';
import { airportTimeZone, delayMinutes, type Flight, type HubState, type Op } from '../../../core/index.ts';
import { clock, fromLocalInput, minutes, toLocalInput } from './format.ts';
import { FlightImport } from './FlightImport.tsx';
import { PassengerListImport } from './PassengerListImport.tsx';
import { FlightCare } from './FlightCare.tsx';
import type { Session } from '../session.ts';
import { Table } from '../ui/Table.tsx';
import { Select } from '../../../client/ui/Select.tsx';

type Mode = 'delay' | 'cancel' | 'gate' | null;

function FlightChange({
  flight,
  gates,
  zone,
  client,
  onDone,
}: {
  flight: Flight;
  gates: string[];
  zone: string;
  client: SyncClient;
  onDone: () => void;
}) {
  const [mode, setMode] = useState<Mode>(null);
  const [when, setWhen] = useState(toLocalInput(flight.estimatedDeparture, zone));
  const [gate, setGate] = useState(flight.gate);
  const [error, setError] = useState('');
  const label = `${flight.number}`;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError('');
    if (mode === 'gate') {
      void client.submit({ type: 'flight.gate', payload: { flightId: flight.id, gate } });
    } else {
      const iso = fromLocalInput(when, zone);
      if (mode === 'delay') {
        if (!iso) return setError('choose the new departure time');
        void client.submit({ type: 'flight.delay', payload: { flightId: flight.id, estimatedDeparture: iso } });
      } else {
        void client.submit({ type: 'flight.cancel', payload: { flightId: flight.id, rebookedDeparture: iso } });
      }
    }
    setMode(null);
    onDone();
  };

  if (mode === null) {
    return (
      <div className="row-actions">
        {flight.status !== 'cancelled' && (
          <button onClick={() => setMode('delay')} aria-label={`Delay ${label}`}>
            Delay
          </button>
        )}
        <button onClick={() => setMode('cancel')} aria-label={`${flight.status === 'cancelled' ? 'Rebook' : 'Cancel'} ${label}`}>
          {flight.status === 'cancelled' ? 'Rebook' : 'Cancel'}
        </button>
        <button onClick={() => setMode('gate')} aria-label={`Change gate of ${label}`}>
          Gate
        </button>
      </div>
    );
  }
  return (
    <form className="row-form" onSubmit={submit} aria-label={`${mode} ${label}`}>
      {mode === 'gate' ? (
        <label>
          New gate
          <Select value={gate} options={gates} onChange={setGate} />
        </label>
      ) : (
        <label>
          {mode === 'delay' ? 'New departure' : 'Rebooked departure (empty if unknown)'}
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required={mode === 'delay'} />
        </label>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
      <button className="primary" type="submit">
        {mode === 'cancel' ? 'Cancel flight' : 'Save'}
      </button>
      <button type="button" onClick={() => setMode(null)}>
        Back
      </button>
    </form>
  );
}

/** Flights: change delay, cancel, change gate, import a list. Entitlements and kiosk texts follow from the state. */
export function FlightsPanel({
  state,
  client,
  session,
  pending,
  rejected,
}: {
  state: HubState;
  client: SyncClient;
  session: Session;
  pending: Op[];
  rejected: Rejected[];
}) {
  const [, setTick] = useState(0);
  const flights = Object.values(state.flights).sort((a, b) => a.scheduledDeparture.localeCompare(b.scheduledDeparture));
  const gates = Object.keys(state.gates).sort();
  const zone = airportTimeZone(state);
  return (
    <section aria-labelledby="flights-title">
      <h2 id="flights-title">Flights</h2>
      <Table grid testId="flights-table" columns={['Flight', 'To', 'Gate', 'Scheduled', 'Expected', 'Delay', 'Status', 'Change']}>
        {flights.map((f) => (
          <tr key={f.id} data-testid="flight-row" data-flight={f.number}>
            <th scope="row">{f.number}</th>
            <td>{f.destinationName}</td>
            <td data-testid="flight-gate">{f.gate}</td>
            <td>{clock(f.scheduledDeparture, zone)}</td>
            <td data-testid="flight-expected">{clock(f.estimatedDeparture, zone)}</td>
            <td className="num" data-testid="flight-delay">
              {delayMinutes(f) ? minutes(delayMinutes(f)) : '—'}
            </td>
            <td data-testid="flight-status">{f.status}</td>
            <td>
              <FlightChange flight={f} gates={gates} zone={zone} client={client} onDone={() => setTick((t) => t + 1)} />
            </td>
          </tr>
        ))}
      </Table>
      <FlightImport state={state} client={client} />
      <PassengerListImport state={state} session={session} />
      <FlightCare state={state} client={client} pending={pending} rejected={rejected} />
    </section>
  );
}
