import type { CareRequest, HubState } from './model.ts';
import { PURGED } from './personal-data.ts';
import { observeWrites } from './map-writes.ts';

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

type Requests = Record<string, CareRequest>;

/** The word a request holds, or null (none, or blanked by the purge). */
export function wordOf(r: CareRequest): TeamWord | null {
  if (!r.thanks || r.thanks.text === PURGED) return null;
  return { at: r.thanks.at, gate: r.gate, flightNumber: r.flightNumber, text: r.thanks.text };
}

/** Newest first; words of the same instant by request id, so the order never depends on how the map was filled. */
function newestFirst(a: [string, TeamWord], b: [string, TeamWord]): number {
  return b[1].at.localeCompare(a[1].at) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * The words per requests map, like the board summary: a copied map (pure reducer) is read afresh
 * on first use, a map written in place keeps its words current by observing its writes, so a push
 * costs the board the words it changed rather than a scan of 10,000 requests.
 */
interface Words {
  byRequest: Map<string, TeamWord>;
  /** Sorted newest first, made on the first read after a change. */
  sorted: TeamWord[] | null;
  /** The last answer per limit, the same array until a word changes (so a screen memoised on it does not redraw). */
  top: Map<number, TeamWord[]>;
}

const kept = new WeakMap<Requests, Words>();

function sameWord(a: TeamWord | undefined, b: TeamWord | null): boolean {
  if (!a || !b) return !a && !b;
  return a.at === b.at && a.gate === b.gate && a.flightNumber === b.flightNumber && a.text === b.text;
}

function wordsOf(requests: Requests): Words {
  let w = kept.get(requests);
  if (w) return w;
  const words: Words = { byRequest: new Map(), sorted: null, top: new Map() };
  for (const r of Object.values(requests)) {
    const word = wordOf(r);
    if (word) words.byRequest.set(r.id, word);
  }
  observeWrites(requests, (_prev, next) => {
    const word = wordOf(next);
    if (sameWord(words.byRequest.get(next.id), word)) return;
    if (word) words.byRequest.set(next.id, word);
    else words.byRequest.delete(next.id);
    words.sorted = null;
    words.top.clear();
  });
  kept.set(requests, (w = words));
  return w;
}

/** The newest words first, at most `limit`; words blanked by the purge are gone. */
export function wordsForTheTeam(state: HubState, limit = 30): TeamWord[] {
  const words = wordsOf(state.requests);
  let top = words.top.get(limit);
  if (!top) {
    words.sorted ??= [...words.byRequest].sort(newestFirst).map(([, word]) => word);
    top = words.sorted.slice(0, limit);
    words.top.set(limit, top);
  }
  return top;
}
