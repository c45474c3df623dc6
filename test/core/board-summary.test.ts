import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activityTimeline, apply, buildBoard, serveTimeDistribution, type Actor, type HubState, type Need, type OpBody } from '../../core/index.ts';
import { boardSummaryOf } from '../../core/board-summary.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';
import { MANAGER, SOFIA } from '../helpers/core-fixtures.ts';

const START = Date.parse('2026-11-23T15:00:00.000Z');
const GATES = [
  ['K32', 'AF1634'],
  ['K41', 'AF1780'],
] as const;
const NEED_CHOICES: Need[] = ['water', 'food', 'blanket', 'medical', 'mobility', 'baby'];

/** One step of an evening: a passenger asks, or staff work on the i-th request asked so far, some minutes later. */
type Step =
  | { kind: 'ask'; gate: 0 | 1; needs: Need[]; adults: number; infants: number; after: number }
  | { kind: 'claim' | 'deliver' | 'release' | 'cancel' | 'note'; i: number; who: 0 | 1 | 2; after: number };

const STAFF: Actor[] = [AMIRA, SOFIA, MANAGER];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('ask' as const),
    gate: fc.constantFrom(0 as const, 1 as const),
    needs: fc.uniqueArray(fc.constantFrom(...NEED_CHOICES), { minLength: 1, maxLength: 3 }),
    adults: fc.integer({ min: 1, max: 4 }),
    infants: fc.integer({ min: 0, max: 2 }),
    after: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({
    kind: fc.constantFrom('claim' as const, 'deliver' as const, 'release' as const, 'cancel' as const, 'note' as const),
    i: fc.nat(),
    who: fc.constantFrom(0 as const, 1 as const, 2 as const),
    after: fc.integer({ min: 0, max: 20 }),
  }),
);

function body(s: Step, ids: string[], n: number): OpBody | null {
  if (s.kind === 'ask') {
    const [gate, flightNumber] = GATES[s.gate];
    return createRequest({ requestId: `req-${n}`, gate, flightNumber, needs: s.needs, party: { adults: s.adults, children: 0, infants: s.infants } });
  }
  if (!ids.length) return null;
  const requestId = ids[s.i % ids.length]!;
  if (s.kind === 'cancel') return { type: 'request.cancel', payload: { requestId, reason: 'passenger left the gate' } };
  if (s.kind === 'note') return { type: 'request.note', payload: { requestId, text: 'asked twice' } };
  return { type: `request.${s.kind}`, payload: { requestId } } as OpBody;
}

/** Runs the steps on the demo airport, in place or purely; the board is summarised before the first step. */
function evening(steps: Step[], inPlace: boolean): { state: HubState; at: number } {
  let state = demoState(new Date(START));
  boardSummaryOf(state.requests);
  const ids: string[] = [];
  let at = START;
  steps.forEach((s, n) => {
    at += s.after * 60_000 + 1_000;
    const b = body(s, ids, n);
    if (!b) return;
    const actor = s.kind === 'ask' ? KIOSK : STAFF[s.who]!;
    const iso = new Date(at).toISOString();
    const out = apply(state, op(actor, b, iso), { seq: state.seq + 1, at: iso, inPlace });
    if (!out.ok) return;
    state = out.state;
    if (b.type === 'request.create') ids.push(b.payload.requestId);
  });
  return { state, at };
}

/** Everything the manager's board screen shows that comes from the requests. */
function screen(state: HubState, nowIso: string) {
  return { board: buildBoard(state, nowIso), timeline: activityTimeline(state, nowIso), bins: serveTimeDistribution(state) };
}

describe("the duty manager's board, kept current request by request", () => {
  it('equals the board recomputed from scratch after any sequence of operations, at any later time', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 180 }), (steps, laterMin) => {
        const { state, at } = evening(steps, true);
        const nowIso = new Date(at + laterMin * 60_000).toISOString();
        // A copied map has no summary yet: it is summarised afresh from every request.
        const fresh = { ...state, requests: { ...state.requests } };
        expect(screen(state, nowIso)).toEqual(screen(fresh, nowIso));
        // And the pure reducer (devices before in-place sync) shows the same board.
        expect(screen(evening(steps, false).state, nowIso)).toEqual(screen(fresh, nowIso));
      }),
      { numRuns: 150 },
    );
  });

  it('follows a delivery into the last hour and out of it as time passes', () => {
    const steps: Step[] = [
      { kind: 'ask', gate: 0, needs: ['water'], adults: 2, infants: 0, after: 0 },
      { kind: 'deliver', i: 0, who: 0, after: 12 },
    ];
    const { state, at } = evening(steps, true);
    const k32 = (min: number) => buildBoard(state, new Date(at + min * 60_000).toISOString()).gates.find((g) => g.gate === 'K32')!;
    expect(k32(10)).toMatchObject({ open: 0, servedLastHour: 1, staffActive: [{ id: 'A101', name: 'Amira Benali' }] });
    expect(k32(10).medianServeMinLastHour).toBeCloseTo(12 + 1 / 60, 5);
    expect(k32(61)).toMatchObject({ servedLastHour: 0, medianServeMinLastHour: null, staffActive: [] });
  });

  it('refuses activity slots that are not whole minutes', () => {
    expect(() => activityTimeline(demoState(new Date(START)), new Date(START).toISOString(), 7.5)).toThrow(/whole minutes/);
  });
});
