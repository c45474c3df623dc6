import { useMemo, useState } from 'react';
import {
  activityTimeline,
  airportTimeZone,
  buildBoard,
  entitlementsForFlight,
  serveTimeDistribution,
  summariseEntitlements,
  type HubState,
} from '../../../core/index.ts';
import { ActivityChart } from './charts/ActivityChart.tsx';
import { ServeTimeChart } from './charts/ServeTimeChart.tsx';
import { SpendChart } from './charts/SpendChart.tsx';
import { redemptionRate, voucherBilling } from '../../../core/voucher-billing.ts';
import { clock, minutes, money } from './format.ts';
import { TeamWords } from './TeamWords.tsx';
import { GateRow } from './GateRow.tsx';
import { Table } from '../ui/Table.tsx';

const GATE_COLUMNS = [
  'Gate',
  'Waiting',
  'Open needs',
  'Oldest wait',
  'Median serve (1 h)',
  'Staff active / assigned',
  'Stock',
  'Spend',
  'Escalations',
];
import { RedemptionConflicts } from './RedemptionConflicts.tsx';

function Tile({ label, value, testId, alert }: { label: string; value: string; testId: string; alert?: boolean }) {
  return (
    <div className={`tile${alert ? ' alert' : ''}`} data-testid={testId}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}

/** The live picture: totals, gates, flights and charts, all computed by core from the synced state. */
export function BoardPanel({ state, now }: { state: HubState; now: string }) {
  const [allGates, setAllGates] = useState(false);
  const board = useMemo(() => buildBoard(state, now), [state, now]);
  // What each flight's passengers are owed reads only flights and airlines: assessed again when those change, not per push.
  const { flights: allFlights, airlines } = state;
  const owed = useMemo(() => {
    const facts = { flights: allFlights, airlines };
    return new Map(Object.values(allFlights).map((f) => [f.id, entitlementsForFlight(facts, f)]));
  }, [allFlights, airlines]);
  const timeline = useMemo(() => activityTimeline(state, now), [state, now]);
  const bins = useMemo(() => serveTimeDistribution(state), [state]);
  const currency = board.spend.currency;
  // Only vouchers change it, and they are few next to requests: recomputed when the vouchers map changes.
  const { vouchers, requests, flights, outlets } = state;
  const rate = useMemo(() => redemptionRate(voucherBilling({ vouchers, requests, flights, outlets })), [vouchers, requests, flights, outlets]);
  const zone = airportTimeZone(state);
  const gates = allGates
    ? board.gates
    : board.gates.filter((g) => g.open > 0 || g.servedLastHour > 0 || g.lowStock.length > 0 || g.flights.length > 0);
  return (
    <section aria-labelledby="board-title">
      <h2 id="board-title">
        Live board <span className="muted">updated {clock(now, zone)}</span>
      </h2>
      <div className="tiles">
        <Tile label="waiting now" value={String(board.totals.open)} testId="total-open" alert={board.totals.open > 0} />
        <Tile
          label="longest wait"
          value={minutes(board.totals.oldestWaitMin)}
          testId="total-oldest"
          alert={(board.totals.oldestWaitMin ?? 0) >= 20}
        />
        <Tile label="median time to serve (1 h)" value={minutes(board.totals.medianServeMinLastHour)} testId="total-median" />
        <Tile label="served in the last hour" value={String(board.totals.servedLastHour)} testId="total-served" />
        <Tile label="staff active (1 h)" value={String(board.totals.staffActive)} testId="total-staff" />
        <Tile label={`vouchers issued (${board.spend.shiftHours} h)`} value={money(board.spend.issuedCents, currency)} testId="total-spend" />
        <Tile label="voucher value redeemed" value={rate === null ? '—' : `${Math.round(rate * 100)} %`} testId="total-redeemed" />
        <Tile label="escalations waiting" value={String(board.spend.pendingCount)} testId="total-escalations" alert={board.spend.pendingCount > 0} />
      </div>

      <div className="table-head">
        <h3>Gates</h3>
        <label className="inline">
          <input type="checkbox" checked={allGates} onChange={(e) => setAllGates(e.target.checked)} /> show all gates
        </label>
      </div>
      <Table grid testId="gate-table" columns={GATE_COLUMNS}>
        {gates.map((g) => (
          <GateRow key={g.gate} g={g} currency={currency} />
        ))}
      </Table>

      <h3>Flights</h3>
      <Table grid testId="flight-board" columns={['Flight', 'Gate', 'Departure', 'Delay', 'Passenger care owed', 'Waiting', 'Helped']}>
        {board.flights.map((f) => (
          <tr key={f.flight.id} data-testid="flight-board-row" data-flight={f.flight.number}>
            <th scope="row">
              {f.flight.number} <span className="muted">{f.flight.destinationName}</span>
            </th>
            <td>{f.flight.gate}</td>
            <td>
              {f.flight.status === 'cancelled' ? <strong className="late">Cancelled</strong> : clock(f.flight.estimatedDeparture, zone)}
              {f.flight.status === 'cancelled' && <span className="muted"> rebooked {clock(f.flight.estimatedDeparture, zone)}</span>}
            </td>
            <td className={`num${f.delayMin >= 120 ? ' late' : ''}`}>{f.delayMin ? minutes(f.delayMin) : 'on time'}</td>
            <td className="entitlement" data-testid="flight-entitlement">
              {summariseEntitlements(owed.get(f.flight.id) ?? entitlementsForFlight(state, f.flight), now, zone)}
            </td>
            <td className="num">{f.open ? `${f.open} (${f.peopleWaiting} people)` : '—'}</td>
            <td className="num">{f.helped || '—'}</td>
          </tr>
        ))}
      </Table>

      <div className="charts">
        <ActivityChart buckets={timeline} zone={zone} />
        <ServeTimeChart bins={bins} />
        <SpendChart spend={board.spend} />
      </div>

      <RedemptionConflicts state={state} zone={zone} />
      <TeamWords state={state} zone={zone} />
    </section>
  );
}
