import type { ActivityBucket } from '../../../../core/index.ts';
import { clock } from '../format.ts';

const W = 420;
const H = 200;
const PAD = { l: 32, r: 8, t: 12, b: 28 };

/** Requests (dark) and deliveries (green) per time slot, side by side. */
export function ActivityChart({ buckets, zone }: { buckets: readonly ActivityBucket[]; zone: string }) {
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.created, b.delivered)));
  const plotW = W - PAD.l - PAD.r;
  const plotH = H - PAD.t - PAD.b;
  const slot = plotW / Math.max(1, buckets.length);
  const bar = Math.max(2, slot / 2 - 2);
  const y = (v: number) => PAD.t + plotH - (v / max) * plotH;
  const total = buckets.reduce((n, b) => n + b.created, 0);
  const delivered = buckets.reduce((n, b) => n + b.delivered, 0);
  return (
    <figure className="chart" data-testid="activity-chart">
      <figcaption>Requests and deliveries, per 15 minutes</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${total} requests and ${delivered} deliveries over the last ${buckets.length * 15} minutes`}
      >
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} className="axis" />
        <text x={PAD.l - 6} y={y(max) + 4} className="tick" textAnchor="end">
          {max}
        </text>
        <text x={PAD.l - 6} y={y(0)} className="tick" textAnchor="end">
          0
        </text>
        {buckets.map((b, i) => {
          const x = PAD.l + i * slot + 1;
          return (
            <g key={b.start}>
              <rect x={x} y={y(b.created)} width={bar} height={y(0) - y(b.created)} className="bar-created">
                <title>{`${clock(b.start, zone)}: ${b.created} requests`}</title>
              </rect>
              <rect x={x + bar + 1} y={y(b.delivered)} width={bar} height={y(0) - y(b.delivered)} className="bar-delivered">
                <title>{`${clock(b.start, zone)}: ${b.delivered} delivered`}</title>
              </rect>
              {i % 5 === 0 && (
                <text x={x} y={H - 8} className="tick">
                  {clock(b.start, zone)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="legend">
        <span className="key created" /> requests <span className="key delivered" /> delivered
      </p>
    </figure>
  );
}
