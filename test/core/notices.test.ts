import { describe, expect, it } from 'vitest';
import {
  apply,
  entryVisible,
  nextRevealAt,
  noticeHistory,
  noticeText,
  noticesDueForReveal,
  noticesForGate,
  parseOp,
  replay,
  viewOf,
  type HubState,
  type LogEntry,
  type Op,
  type Viewer,
} from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, KIOSK, SYSTEM, op } from '../helpers/ops.ts';
import { CLAIRE, publishNotice } from '../helpers/manager-ops.ts';

const NOW = '2026-11-23T18:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();
const KIOSK_K32: Viewer = { kind: 'kiosk', device: KIOSK.id, gate: 'K32' };
const AGENT: Viewer = { kind: 'staff', id: 'A101', role: 'agent', gates: ['K32'] };

function accept(state: HubState, o: Op, when = NOW): HubState {
  const out = apply(state, o, { seq: state.seq + 1, at: when });
  if (!out.ok) throw new Error(`rejected: ${out.reason}`);
  return out.state;
}

/** What the hub does when the lead is over. */
function revealDue(state: HubState, when: string): { state: HubState; entries: LogEntry[] } {
  let s = state;
  const entries: LogEntry[] = [];
  for (const n of noticesDueForReveal(s, when)) {
    const o = op(SYSTEM, { type: 'notice.reveal', payload: { notice: n } }, when);
    s = accept(s, o, when);
    entries.push({ seq: s.seq, at: when, op: o });
  }
  return { state: s, entries };
}

describe('notices to passengers', () => {
  const base = demoState(new Date(NOW));
  const flightId = Object.values(base.flights).find((f) => f.number === 'AF1634')!.id;

  it('a duty manager publishes a flight notice; staff see it at once, kiosks only after the lead', () => {
    const body = publishNotice({ kind: 'flight', flightId }, { leadSeconds: 90, nextUpdateAt: at(1800) });
    const s = accept(base, op(CLAIRE, body));
    const n = s.notices[body.payload.noticeId]!;
    expect(n).toMatchObject({ publishedBy: 'M201', publishedByName: 'Claire Dubois', revealAt: at(90), revealedAt: null });

    expect(Object.keys(viewOf(s, AGENT).notices)).toEqual([n.id]);
    expect(viewOf(s, KIOSK_K32).notices).toEqual({});
    expect(noticesDueForReveal(s, at(89))).toEqual([]);
    expect(nextRevealAt(s)).toBe(at(90));

    const { state: after } = revealDue(s, at(90));
    expect(after.notices[n.id]!.revealedAt).toBe(at(90));
    expect(noticesForGate(viewOf(after, KIOSK_K32), 'K32').map((x) => x.id)).toEqual([n.id]);
    expect(nextRevealAt(after)).toBeNull();
  });

  it('a kiosk never receives the publication, only the reveal, and rebuilds the notice from it', () => {
    const body = publishNotice({ kind: 'gates', gates: ['K32', 'K34'] }, { leadSeconds: 30 });
    const pub = op(CLAIRE, body);
    const s1 = accept(base, pub);
    const pubEntry: LogEntry = { seq: s1.seq, at: NOW, op: pub };
    expect(entryVisible(s1, pubEntry, KIOSK_K32)).toBe(false);
    expect(entryVisible(s1, pubEntry, AGENT)).toBe(true);

    const { state: s2, entries } = revealDue(s1, at(30));
    expect(entries).toHaveLength(1);
    expect(entryVisible(s2, entries[0]!, KIOSK_K32)).toBe(true);

    // The kiosk's own copy: it starts from the view it had before and replays only what it may see.
    const kioskBefore = viewOf(base, KIOSK_K32);
    const { state: kioskAfter, failed } = replay(
      kioskBefore,
      [pubEntry, ...entries].filter((e) => entryVisible(s2, e, KIOSK_K32)),
    );
    expect(failed).toEqual([]);
    expect(noticesForGate(kioskAfter, 'K32')[0]?.texts.fr?.known).toContain('panne technique');
    expect(noticesForGate(kioskAfter, 'K36')).toEqual([]);
  });

  it('a flight notice follows the flight to its new gate', () => {
    const body = publishNotice({ kind: 'flight', flightId }, { leadSeconds: 0 });
    let s = accept(base, op(CLAIRE, body));
    s = revealDue(s, NOW).state;
    expect(noticesForGate(s, 'K32')).toHaveLength(1);
    s = accept(s, op(CLAIRE, { type: 'flight.gate', payload: { flightId, gate: 'K38' } }));
    expect(noticesForGate(s, 'K32')).toHaveLength(0);
    expect(noticesForGate(s, 'K38')).toHaveLength(1);
  });

  it('an update replaces the notice on kiosks only when it is revealed, and the history keeps both', () => {
    const first = publishNotice({ kind: 'all' }, { leadSeconds: 0 });
    let s = accept(base, op(CLAIRE, first));
    s = revealDue(s, NOW).state;
    const update = publishNotice({ kind: 'all' }, { leadSeconds: 60, replaces: first.payload.noticeId });
    s = accept(s, op(CLAIRE, update, at(600)), at(600));

    // Staff see the update at once; kiosks keep the first until the lead is over.
    expect(noticesForGate(viewOf(s, KIOSK_K32), 'K40').map((n) => n.id)).toEqual([first.payload.noticeId]);
    s = revealDue(s, at(660)).state;
    expect(noticesForGate(viewOf(s, KIOSK_K32), 'K40').map((n) => n.id)).toEqual([update.payload.noticeId]);
    expect(noticeHistory(s).map((n) => n.id)).toEqual([update.payload.noticeId, first.payload.noticeId]);

    const again = publishNotice({ kind: 'all' }, { replaces: first.payload.noticeId });
    expect(apply(s, op(CLAIRE, again), { seq: s.seq + 1, at: at(700) })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('a notice replaced during its lead is never shown on kiosks', () => {
    const first = publishNotice({ kind: 'all' }, { leadSeconds: 120 });
    let s = accept(base, op(CLAIRE, first));
    const fix = publishNotice({ kind: 'all' }, { leadSeconds: 120, replaces: first.payload.noticeId });
    s = accept(s, op(CLAIRE, fix, at(10)), at(10));
    expect(noticesDueForReveal(s, at(125)).map((n) => n.id)).toEqual([]);
    expect(noticesDueForReveal(s, at(130)).map((n) => n.id)).toEqual([fix.payload.noticeId]);
  });

  it('only a duty manager may publish, and only the hub may reveal', () => {
    const body = publishNotice({ kind: 'all' });
    expect(apply(base, op(AMIRA, body), { seq: base.seq + 1, at: NOW })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(apply(base, op(KIOSK, body), { seq: base.seq + 1, at: NOW })).toMatchObject({ ok: false, code: 'forbidden' });
    const s = accept(base, op(CLAIRE, body));
    const reveal = op(CLAIRE, { type: 'notice.reveal', payload: { notice: s.notices[body.payload.noticeId]! } });
    expect(apply(s, reveal, { seq: s.seq + 1, at: NOW })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('bad notices get a clear reason', () => {
    const noText = parseOp(op(CLAIRE, publishNotice({ kind: 'all' }, { texts: {} })));
    expect(noText).toMatchObject({ ok: false });
    if (!noText.ok) expect(noText.reason).toContain('at least one language');
    const emptyKnown = parseOp(op(CLAIRE, publishNotice({ kind: 'all' }, { texts: { en: { known: '  ', unknown: '' } } })));
    if (!emptyKnown.ok) expect(emptyKnown.reason).toContain('"what we know" is required');
    expect(emptyKnown.ok).toBe(false);
    const tooLong = parseOp(op(CLAIRE, publishNotice({ kind: 'all' }, { leadSeconds: 3600 })));
    expect(tooLong.ok).toBe(false);

    const unknownGate = apply(base, op(CLAIRE, publishNotice({ kind: 'gates', gates: ['Z99'] })), { seq: 1, at: NOW });
    expect(unknownGate).toMatchObject({ ok: false, code: 'not_found', reason: 'gate Z99 does not exist' });
    const past = apply(base, op(CLAIRE, publishNotice({ kind: 'all' }, { nextUpdateAt: at(-60) })), { seq: 1, at: NOW });
    expect(past).toMatchObject({ ok: false, reason: 'the next update must be in the future' });
  });

  it('shows the passenger their language, else English, else the first written', () => {
    const s = accept(base, op(CLAIRE, publishNotice({ kind: 'all' })));
    const n = Object.values(s.notices)[0]!;
    expect(noticeText(n, 'fr').language).toBe('fr');
    expect(noticeText(n, 'zh')).toMatchObject({ language: 'en', text: { known: expect.stringContaining('technical fault') } });
    const esOnly = { ...n, texts: { es: { known: 'Retraso', unknown: '' } } };
    expect(noticeText(esOnly, 'de').language).toBe('es');
  });
});
