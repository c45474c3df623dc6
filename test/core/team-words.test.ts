import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyState, type CareRequest, type HubState } from '../../core/index.ts';
import { wordOf, wordsForTheTeam, type TeamWord } from '../../core/team-words.ts';
import { storeRequestInPlace } from '../../core/in-place-writes.ts';
import { PURGED } from '../../core/personal-data.ts';
import { plainRequest } from '../helpers/plain-request.ts';

/** The board's words as the whole map reads them: what the kept words must always equal. */
function scanned(state: HubState, limit: number): TeamWord[] {
  const words: Array<[string, TeamWord]> = [];
  for (const r of Object.values(state.requests)) {
    const w = wordOf(r);
    if (w) words.push([r.id, w]);
  }
  return words
    .sort((a, b) => b[1].at.localeCompare(a[1].at) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([, w]) => w);
}

function request(id: string, gate: string, thanks: CareRequest['thanks']): CareRequest {
  return plainRequest(id, { gate, status: 'delivered', deliveredAt: '2026-11-23T15:10:00.000Z', ...(thanks ? { thanks } : {}) });
}

/** A write into the requests map: a request (new or again) with a word, none, or its word purged; or a read. */
type Step = { kind: 'write'; id: number; gate: number; word: 'none' | 'purged' | { minute: number; text: string } } | { kind: 'read'; limit: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    id: fc.nat({ max: 30 }),
    gate: fc.nat({ max: 2 }),
    // Few minutes, so words of the same instant are common.
    word: fc.oneof(
      fc.constantFrom('none' as const, 'purged' as const),
      fc.record({ minute: fc.nat({ max: 5 }), text: fc.constantFrom('merci', 'thank you', 'gracias') }),
    ),
  }),
  fc.record({ kind: fc.constant('read' as const), limit: fc.constantFrom(1, 3, 30) }),
);

function thanksOf(word: Extract<Step, { kind: 'write' }>['word']): CareRequest['thanks'] {
  if (word === 'none') return undefined;
  if (word === 'purged') return { at: '2026-11-23T15:20:00.000Z', text: PURGED };
  return { at: `2026-11-23T16:0${word.minute}:00.000Z`, text: word.text };
}

describe('words for the team, kept as requests are written', () => {
  it('equal the words read from every request, after any writes, read at any point', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const state = { ...emptyState(), requests: {} as Record<string, CareRequest> };
        for (const s of steps) {
          if (s.kind === 'read') {
            expect(wordsForTheTeam(state, s.limit)).toEqual(scanned(state, s.limit));
            continue;
          }
          storeRequestInPlace(state.requests, request(`r${String(s.id).padStart(2, '0')}`, `K3${s.gate}`, thanksOf(s.word)));
        }
        expect(wordsForTheTeam(state)).toEqual(scanned(state, 30));
        // A copy of the map (the pure reducer's) is read afresh and gives the same words.
        expect(wordsForTheTeam({ ...state, requests: { ...state.requests } })).toEqual(scanned(state, 30));
      }),
      { numRuns: 300 },
    );
  });

  it('answer the same list while no word changes, so the board does not redraw it', () => {
    const state = { ...emptyState(), requests: {} as Record<string, CareRequest> };
    storeRequestInPlace(state.requests, request('a', 'K32', { at: '2026-11-23T16:00:00.000Z', text: 'merci' }));
    const first = wordsForTheTeam(state);
    storeRequestInPlace(state.requests, request('b', 'K32', undefined));
    expect(wordsForTheTeam(state)).toBe(first);
    storeRequestInPlace(state.requests, request('b', 'K33', { at: '2026-11-23T16:05:00.000Z', text: 'thanks' }));
    expect(wordsForTheTeam(state).map((w) => w.text)).toEqual(['thanks', 'merci']);
  });
});
