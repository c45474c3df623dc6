import type { ServeBin } from '../../../../core/index.ts';

const W = 420;
const ROW = 26;

/** How long delivered requests took: one horizontal bar per bin. */
export function ServeTimeChart({ bins }: { bins: readonly ServeBin[] }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const labelW = 80;
  const barW = W - labelW - 40;
  const H = bins.length * ROW + 8;
  return (
    <figure className="chart" data-testid="serve-chart">
      <figcaption>Time to serve (delivered requests)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={bins.map((b) => `${b.label}: ${b.count}`).join(', ')}>
        {bins.map((b, i) => {
          const w = (b.count / max) * barW;
          const slow = b.from >= 30;
          return (
            <g key={b.label} transform={`translate(0 ${i * ROW + 4})`}>
              <text x={labelW - 8} y={ROW / 2 + 4} className="tick" textAnchor="end">
                {b.label}
              </text>
              <rect x={labelW} y={2} width={w} height={ROW - 8} className={slow ? 'bar-slow' : 'bar-delivered'} />
              <text x={labelW + w + 6} y={ROW / 2 + 4} className="tick">
                {b.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
