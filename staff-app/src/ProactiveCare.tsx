import { useMemo } from 'react';
import { careGroupLabel, proactiveCare, type HubState } from '../../core/index.ts';

/**
 * Passengers on the lists of flights at these gates who are owed care before they ask (EU 261
 * Art. 11): above the queue, as its first tasks, each group with names and seats.
 */
export function ProactiveCare({ state, gates, now }: { state: HubState; gates: readonly string[]; now: number }) {
  const minute = Math.floor(now / 60_000);
  const { passengerLists, flights: all } = state;
  // Worked out again when a list or a flight changes, or each minute (whether a flight has left), not per push.
  const flights = useMemo(
    () => proactiveCare({ passengerLists, flights: all }, gates, new Date(minute * 60_000).toISOString()),
    [passengerLists, all, gates, minute],
  );
  if (flights.length === 0) return null;
  return (
    <section className="proactive-care" aria-labelledby="proactive-title" data-testid="proactive-care">
      <h2 id="proactive-title">Before anyone asks</h2>
      <ul>
        {flights.map((f) => (
          <li key={f.flightId}>
            <p className="proactive-headline">
              <strong>{f.headline}</strong> · gate {f.gate}
            </p>
            <ul className="proactive-groups">
              {f.tasks.map((t) => (
                <li key={t.group}>
                  {careGroupLabel(t.group, t.passengers.length)}:{' '}
                  {t.passengers.map((p, i) => (
                    <span key={p.sequence}>
                      {i > 0 && ', '}
                      {p.name} ({p.seat ? `seat ${p.seat}` : 'no seat yet'})
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
