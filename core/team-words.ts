import type { HubState } from './model.ts';
import { PURGED } from './personal-data.ts';

/**
 * A passenger's word for the team, as the duty manager's board shows it: where and when, never
 * who served them. Thanks, not scores: nothing here (or anywhere) counts words per agent.
 */
export interface TeamWord {
  at: string;
  gate: string;
  flightNumber: string;
  text: string;
}

/** The newest words first, at most `limit`; words blanked by the purge are gone. */
export function wordsForTheTeam(state: HubState, limit = 30): TeamWord[] {
  const words: TeamWord[] = [];
  for (const r of Object.values(state.requests)) {
    if (!r.thanks || r.thanks.text === PURGED) continue;
    words.push({ at: r.thanks.at, gate: r.gate, flightNumber: r.flightNumber, text: r.thanks.text });
  }
  return words.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
