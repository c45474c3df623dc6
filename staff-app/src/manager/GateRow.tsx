import { memo } from 'react';
import { STOCK_LABEL, StockItem, type GateBoard, type Need } from '../../../core/index.ts';
import { minutes, money } from './format.ts';
import { NEED_SHORT } from './labels.ts';

interface Props {
  g: GateBoard;
  currency: string;
}

function GateRowView({ g, currency }: Props) {
  const needs = Object.entries(g.openByNeed) as [Need, number][];
  return (
    <tr data-testid="gate-row" data-gate={g.gate}>
      <th scope="row">{g.gate}</th>
      <td className="num" data-testid="gate-open">
        {g.open}
      </td>
      <td>
        {needs.length
          ? needs.map(([n, c]) => (
              <span key={n} className="chip">
                {NEED_SHORT[n]} {c}
              </span>
            ))
          : '—'}
      </td>
      <td className={`num${(g.oldestWaitMin ?? 0) >= 20 ? ' late' : ''}`} data-testid="gate-oldest">
        {minutes(g.oldestWaitMin)}
      </td>
      <td className="num">
        {minutes(g.medianServeMinLastHour)}
        {g.servedLastHour ? ` (${g.servedLastHour})` : ''}
      </td>
      <td>
        {g.staffActive.length ? g.staffActive.map((s) => s.name.split(' ')[0]).join(', ') : '—'}
        <span className="muted"> / {g.staffAssigned}</span>
      </td>
      <td>
        {StockItem.options.map((i) => (
          <span key={i} className={`stock${g.lowStock.includes(i) ? ' low' : ''}`} title={STOCK_LABEL[i]}>
            {STOCK_LABEL[i]} {g.stock[i]}
          </span>
        ))}
      </td>
      <td className="num">{g.spendCents ? money(g.spendCents, currency) : '—'}</td>
      <td className="num">{g.pendingEscalations || '—'}</td>
    </tr>
  );
}

const sameList = <T,>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether two readings of a gate draw the same row (buildBoard makes a new object for every gate on every push). */
function sameRow({ g: a, currency: ca }: Props, { g: b, currency: cb }: Props): boolean {
  return (
    ca === cb &&
    a.gate === b.gate &&
    a.open === b.open &&
    sameList(Object.entries(a.openByNeed).flat(), Object.entries(b.openByNeed).flat()) &&
    a.oldestWaitMin === b.oldestWaitMin &&
    a.medianServeMinLastHour === b.medianServeMinLastHour &&
    a.servedLastHour === b.servedLastHour &&
    sameList(
      a.staffActive.map((s) => s.name),
      b.staffActive.map((s) => s.name),
    ) &&
    a.staffAssigned === b.staffAssigned &&
    StockItem.options.every((i) => a.stock[i] === b.stock[i]) &&
    sameList(a.lowStock, b.lowStock) &&
    a.spendCents === b.spendCents &&
    a.pendingEscalations === b.pendingEscalations
  );
}

/** One gate of the board: memoised on what it shows, so a push redraws only the rows of the gates it changed. */
export const GateRow = memo(GateRowView, sameRow);
