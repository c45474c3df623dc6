import { useMemo, useState } from 'react';
import { STOCK_LABEL, StockItem, type HubState } from '../../../core/index.ts';
import { buildReport, type DisruptionReport } from '../../../core/report.ts';
import type { Session } from '../session.ts';
import { voucherBilling } from '../../../core/voucher-billing.ts';
import { clock, dateTime, minutes, money } from './format.ts';
import { downloadCsv } from './download-csv.ts';
import { Table } from '../ui/Table.tsx';
import { ErrorLine } from '../../../client/ui/message-lines.tsx';

type Counts = DisruptionReport['totals'];

const REPORT_COLUMNS = [
  'Flight',
  'Status',
  'Requests',
  'Passengers helped',
  'Still open',
  'Median wait',
  'Worst wait',
  'Items handed out',
  'Vouchers',
  'Spend',
];

function Cells({ c, currency }: { c: Counts; currency: string }) {
  return (
    <>
      <td className="num">{c.requests}</td>
      <td className="num">{c.passengersHelped}</td>
      <td className="num">{c.stillOpen || '—'}</td>
      <td className="num">{minutes(c.medianWaitMin)}</td>
      <td className="num">{minutes(c.worstWaitMin)}</td>
      <td>
        {StockItem.options
          .filter((i) => c.itemsHandedOut[i] > 0)
          .map((i) => `${c.itemsHandedOut[i]} ${STOCK_LABEL[i]}`)
          .join(', ') || '—'}
      </td>
      <td className="num">{c.vouchers || '—'}</td>
      <td className="num">{c.spendCents ? money(c.spendCents, currency) : '—'}</td>
    </>
  );
}

/** The end-of-disruption report: on screen, printable (print CSS), downloadable as CSV. */
export function ReportPanel({ state, now, session }: { state: HubState; now: string; session: Session }) {
  const report = useMemo(() => buildReport(state, now), [state, now]);
  const [error, setError] = useState('');
  return (
    <section aria-labelledby="report-title" className="report">
      <div className="table-head">
        <h2 id="report-title">End-of-disruption report</h2>
        <div className="actions no-print">
          <button
            onClick={() =>
              downloadCsv(session, '/api/report.csv', 'gatecare-report.csv').catch((e: Error) =>
                setError(`The CSV could not be downloaded: ${e.message}`),
              )
            }
          >
            Download CSV
          </button>
          <button
            onClick={() =>
              downloadCsv(session, '/api/vouchers.csv', 'gatecare-voucher-billing.csv').catch((e: Error) =>
                setError(`The billing CSV could not be downloaded: ${e.message}`),
              )
            }
          >
            Download voucher billing CSV
          </button>
          <button onClick={() => window.print()}>Print</button>
        </div>
      </div>
      <ErrorLine text={error} className="no-print" />
      <p className="muted">
        Terminal care report generated {dateTime(report.generatedAt, report.timeZone)} by {session.staff.firstName} {session.staff.lastName}.
      </p>
      <Table
        grid
        testId="report-table"
        columns={REPORT_COLUMNS}
        foot={
          <tr data-testid="report-total">
            <th scope="row">Total</th>
            <td />
            <Cells c={report.totals} currency={report.currency} />
          </tr>
        }
      >
        {report.flights.map((f) => (
          <tr key={f.flightId} data-testid="report-row" data-flight={f.number}>
            <th scope="row">
              {f.number} <span className="muted">{f.destination}</span>
            </th>
            <td>
              {f.status}
              {f.delayMin ? ` (+${minutes(f.delayMin)})` : ''}
              {f.expectedDeparture && (
                <span className="muted" data-testid="report-departure">
                  {' '}
                  · departs {clock(f.expectedDeparture, report.timeZone)}
                </span>
              )}
            </td>
            <Cells c={f} currency={report.currency} />
          </tr>
        ))}
      </Table>
      <VoucherBillingTable state={state} />
      {report.totals.pendingVouchers > 0 && <p className="late">{report.totals.pendingVouchers} voucher request(s) still wait for a decision.</p>}
    </section>
  );
}

/** Per airline what vouchers were issued, redeemed at outlets and never spent (the airline keeps it); per outlet what it took. */
function VoucherBillingTable({ state }: { state: HubState }) {
  const billing = useMemo(() => voucherBilling(state), [state]);
  if (billing.airlines.length === 0) return null;
  return (
    <>
      <h3>Vouchers: issued, redeemed, unredeemed</h3>
      <Table grid testId="voucher-billing" columns={['Airline / outlet', 'Issued', 'Redeemed', 'Unredeemed']}>
        {billing.airlines.map((a) => (
          <tr key={`${a.airline}-${a.currency}`} data-testid="billing-airline">
            <th scope="row">{a.airline}</th>
            <td className="num">
              {a.issuedCount} · {money(a.issuedMinor, a.currency)}
            </td>
            <td className="num">
              {a.redeemedCount} · {money(a.redeemedMinor, a.currency)}
            </td>
            <td className="num">{money(a.unredeemedMinor, a.currency)}</td>
          </tr>
        ))}
        {billing.outlets.map((o) => (
          <tr key={`${o.outletId}-${o.airline}-${o.currency}`}>
            <th scope="row">
              {o.outletName} <span className="muted">({o.airline})</span>
            </th>
            <td />
            <td className="num">
              {o.redemptions} · {money(o.redeemedMinor, o.currency)}
            </td>
            <td />
          </tr>
        ))}
      </Table>
    </>
  );
}
