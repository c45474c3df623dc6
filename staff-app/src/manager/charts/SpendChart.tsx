import type { SpendSummary } from '../../../../core/index.ts';
import { money } from '../format.ts';

const W = 420;
const ROW = 30;

/** Each issuer's spend over the shift against their budget; red past 80 %. */
export function SpendChart({ spend }: { spend: SpendSummary }) {
  const labelW = 110;
  const barW = W - labelW - 130;
  const H = Math.max(1, spend.byStaff.length) * ROW + 8;
  return (
    <figure className="chart" data-testid="spend-chart">
      <figcaption>
        Voucher spend against budget, last {spend.shiftHours} h — {money(spend.issuedCents, spend.currency)} issued
        {spend.pendingCount > 0 && `, ${money(spend.pendingCents, spend.currency)} waiting for approval`}
      </figcaption>
      {spend.byStaff.length === 0 ? (
        <p className="empty">No voucher issued in this shift yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={spend.byStaff
            .map((s) => `${s.name}: ${money(s.usedCents, spend.currency)} of ${money(s.budgetCents, spend.currency)}`)
            .join(', ')}
        >
          {spend.byStaff.map((s, i) => {
            const share = s.budgetCents > 0 ? Math.min(1, s.usedCents / s.budgetCents) : 1;
            return (
              <g key={s.id} transform={`translate(0 ${i * ROW + 4})`}>
                <text x={labelW - 8} y={ROW / 2 + 4} className="tick" textAnchor="end">
                  {s.name}
                </text>
                <rect x={labelW} y={3} width={barW} height={ROW - 10} className="bar-budget" />
                <rect x={labelW} y={3} width={share * barW} height={ROW - 10} className={share > 0.8 ? 'bar-slow' : 'bar-created'} />
                <text x={labelW + barW + 6} y={ROW / 2 + 4} className="tick">
                  {money(s.usedCents, spend.currency)} / {money(s.budgetCents, spend.currency)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
