import { useState } from 'react';
import type { SyncClient } from '../../../client/sync-client.ts';
import type { HubState } from '../../../core/index.ts';
import { LineErrors, ListFileField, type ListFile } from './ListFile.tsx';
import { parseFlightList, type FlightImport as Parsed } from '../../../core/flight-import.ts';
import { OkLine } from '../../../client/ui/message-lines.tsx';

const EXAMPLE =
  'number,origin,destination,destinationName,distanceKm,gate,scheduledDeparture,estimatedDeparture,status,originCountry,destinationCountry,originTimeZone';

/**
 * Reads a CSV or JSON flight list in the browser with the core parser, shows every bad row
 * by line, and imports the good ones as flight.upsert operations (kept if the hub is unreachable).
 */
export function FlightImport({ state, client }: { state: HubState; client: SyncClient }) {
  const [parsed, setParsed] = useState<(Parsed & { file: string }) | null>(null);
  const [done, setDone] = useState('');

  const read = (file: ListFile) => {
    setDone('');
    setParsed({ ...parseFlightList(file.text, Object.keys(state.gates), file.format), file: file.name });
  };

  const importGood = async () => {
    if (!parsed) return;
    for (const f of parsed.flights) await client.submit({ type: 'flight.upsert', payload: f });
    setDone(`${parsed.flights.length} flight${parsed.flights.length === 1 ? '' : 's'} from ${parsed.file} imported.`);
    setParsed(null);
  };

  return (
    <div className="import" data-testid="flight-import">
      <h3>Import a flight list</h3>
      <p className="muted">
        CSV with a first line naming the columns, or a JSON array of flights. Columns: <code>{EXAMPLE}</code> (the last five are optional; times as
        2026-11-23T18:45:00Z).
      </p>
      <ListFileField label="Flight list file (CSV or JSON)" onRead={read} />
      {parsed && (
        <div className="import-result">
          <p data-testid="import-summary">
            {parsed.file}: {parsed.flights.length} flight{parsed.flights.length === 1 ? '' : 's'} ready
            {parsed.errors.length > 0 && `, ${parsed.errors.length} line${parsed.errors.length === 1 ? '' : 's'} with problems`}
          </p>
          <LineErrors errors={parsed.errors} testId="import-errors" />
          {parsed.flights.length > 0 && (
            <button className="primary" onClick={() => void importGood()}>
              Import {parsed.flights.length} flight{parsed.flights.length === 1 ? '' : 's'}
              {parsed.errors.length > 0 ? ' (skip the lines with problems)' : ''}
            </button>
          )}
        </div>
      )}
      <OkLine text={done} />
    </div>
  );
}
