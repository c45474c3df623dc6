import { useState } from 'react';
import { careGroupLabel, CARE_GROUP_ORDER, careGroupOf, type CareGroup, type HubState } from '../../../core/index.ts';
import { parsePassengerList, type PassengerImport } from '../../../core/passenger-import.ts';
import type { Session } from '../session.ts';
import { LineErrors, ListFileField, type ListFile } from './ListFile.tsx';
import { FlightSelect } from './FlightSelect.tsx';

const COLUMNS = 'surname,givenName,bookingRef,cabin,seat,sequence,ssr';

function careCounts(p: PassengerImport): string {
  const counts = new Map<CareGroup, number>();
  for (const x of p.passengers) {
    for (const g of new Set(x.ssr.map(careGroupOf))) if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return CARE_GROUP_ORDER.filter((g) => counts.has(g))
    .map((g) => careGroupLabel(g, counts.get(g)!))
    .join(', ');
}

/**
 * One flight's passenger list from departure control: read in the browser with the core parser
 * (every bad line named), then sent whole to the hub's REST route, which parses it again and
 * replaces the flight's list. A list can be too large for one socket operation, hence REST.
 */
export function PassengerListImport({ state, session }: { state: HubState; session: Session }) {
  const flights = Object.values(state.flights).sort((a, b) => a.scheduledDeparture.localeCompare(b.scheduledDeparture));
  const [flightId, setFlightId] = useState('');
  const [file, setFile] = useState<{ name: string; text: string; parsed: PassengerImport } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const flight = state.flights[flightId];
  const current = state.passengerLists?.[flightId];

  const read = (f: ListFile) => {
    setResult(null);
    setFile({ name: f.name, text: f.text, parsed: parsePassengerList(f.text, f.format) });
  };

  const send = async () => {
    if (!file || !flight) return;
    const res = await fetch(`/api/flights/${encodeURIComponent(flight.id)}/passengers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ text: file.text, format: file.parsed.format }),
    }).catch(() => null);
    const body = res
      ? ((await res.json().catch(() => ({}))) as { imported?: number; error?: string })
      : { error: 'the hub cannot be reached: try again' };
    if (res?.ok) {
      setResult({ ok: true, text: `${body.imported} passengers listed on ${flight.number}.` });
      setFile(null);
    } else setResult({ ok: false, text: `Not imported: ${body.error ?? `the hub answered ${res?.status}`}` });
  };

  return (
    <div className="import" data-testid="passenger-import">
      <h3>Passenger list of a flight</h3>
      <p className="muted">
        From departure control, CSV with a first line naming the columns or a JSON array. Columns: <code>{COLUMNS}</code> (cabin F, C, W or Y;
        special-service codes such as WCHR UMNR INFT separated by spaces). A new list replaces the flight&apos;s earlier one.
      </p>
      <label className="field">
        Flight
        <FlightSelect flights={flights} value={flightId} placeholder="Choose a flight" onChange={setFlightId} />
      </label>
      {current && (
        <p className="muted" data-testid="passenger-list-current">
          Listed now: {current.passengers.length} passengers.
        </p>
      )}
      <ListFileField label="Passenger list file (CSV or JSON)" onRead={read} />
      {file && (
        <div className="import-result">
          <p data-testid="passenger-import-summary">
            {file.name}: {file.parsed.passengers.length} passenger{file.parsed.passengers.length === 1 ? '' : 's'}
            {careCounts(file.parsed) && ` (${careCounts(file.parsed)})`}
            {file.parsed.errors.length > 0 &&
              `, ${file.parsed.errors.length} line${file.parsed.errors.length === 1 ? '' : 's'} with problems: nothing can be imported until they are fixed`}
          </p>
          <LineErrors errors={file.parsed.errors} testId="passenger-import-errors" />
          {file.parsed.errors.length === 0 && (
            <button className="primary" disabled={!flight} onClick={() => void send()}>
              {flight ? `List ${file.parsed.passengers.length} passengers on ${flight.number}` : 'Choose the flight first'}
            </button>
          )}
        </div>
      )}
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok' : 'error'}>
          {result.text}
        </p>
      )}
    </div>
  );
}
