import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { HubState } from '../../core/index.ts';
import { buildReport, reportCsv } from '../../core/report.ts';
import { demoState } from '../helpers/demo-state.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';
import { accepted } from '../helpers/core-fixtures.ts';

const NOW = '2026-11-23T18:00:00.000Z';

function withDestination(name: string): HubState {
  let s = demoState(new Date(NOW));
  s = accepted(s, op(KIOSK, createRequest({ gate: 'K32', flightNumber: 'AF1634' }), NOW), NOW);
  const flight = Object.values(s.flights).find((f) => f.number === 'AF1634')!;
  return { ...s, flights: { ...s.flights, [flight.id]: { ...flight, destinationName: name } } };
}

describe('the report CSV never hands a spreadsheet a formula', () => {
  it.each(['=HYPERLINK("http://evil.example","Barcelona")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '=1+1\nBarcelona'])(
    'a destination typed as %j is read as text',
    (name) => {
      const csv = reportCsv(buildReport(withDestination(name), NOW));
      const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
      const row = rows.find((r) => r.flight === 'AF1634')!;
      expect(row.destination).toBe(`'${name}`);
    },
  );

  it('plain names and numbers are left as they are', () => {
    const csv = reportCsv(buildReport(withDestination('Barcelona'), NOW));
    const row = Papa.parse<Record<string, string>>(csv, { header: true }).data.find((r) => r.flight === 'AF1634')!;
    expect(row.destination).toBe('Barcelona');
    expect(row.requests).toBe('1');
  });
});
