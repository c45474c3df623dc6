import { useMemo } from 'react';
import { wordsForTheTeam, type HubState } from '../../../core/index.ts';
import { clock } from './format.ts';

/**
 * Passengers' words for the team, newest first: where and when, never who served them. Thanks,
 * not scores: the board counts nothing per agent.
 */
export function TeamWords({ state, zone }: { state: HubState; zone: string }) {
  const words = useMemo(() => wordsForTheTeam(state), [state]);
  return (
    <section aria-labelledby="team-words-title" data-testid="team-words">
      <h3 id="team-words-title">Words from passengers</h3>
      {words.length === 0 ? (
        <p className="muted">No words yet. After delivery, passengers can leave one for the team from their phone.</p>
      ) : (
        <ul className="team-words">
          {words.map((w) => (
            <li key={`${w.at}-${w.gate}-${w.text}`} data-testid="team-word">
              <blockquote dir="auto">{w.text}</blockquote>
              <span className="muted">
                {w.flightNumber} · gate {w.gate} · {clock(w.at, zone)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
