import { describe, expect, it } from 'vitest';
import { entryForViewer, parseOp, viewOf, type Actor, type HubState, type LogEntry } from '../../core/index.ts';
import { AMIRA, KIOSK, LUCAS } from '../helpers/ops.ts';
import { MANAGER, SOFIA, accepted, by, run, withRequest } from '../helpers/core-fixtures.ts';

const claim = (requestId: string) => ({ type: 'request.claim' as const, payload: { requestId } });

describe('working a request: release, reassign, cancel, notes, history', () => {
  it('the holder releases a claim back to the queue; a colleague cannot', () => {
    const { state, id } = withRequest();
    const s = accepted(state, by(AMIRA, claim(id)));
    expect(run(s, by(LUCAS, { type: 'request.release', payload: { requestId: id } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'claimed by Amira: only they or a duty manager can do this',
    });
    const released = accepted(s, by(AMIRA, { type: 'request.release', payload: { requestId: id } }));
    expect(released.requests[id]).toMatchObject({ status: 'received', claimedBy: null, claimedByName: null });
    expect(run(released, by(AMIRA, { type: 'request.release', payload: { requestId: id } }))).toMatchObject({
      ok: false,
      reason: 'this request is not claimed',
    });
    expect(accepted(released, by(LUCAS, claim(id))).requests[id]!.claimedBy).toBe('A102');
  });

  it('a duty manager can release anyone’s claim', () => {
    const { state, id } = withRequest();
    const s = accepted(accepted(state, by(AMIRA, claim(id))), by(MANAGER, { type: 'request.release', payload: { requestId: id } }));
    expect(s.requests[id]!.status).toBe('received');
  });

  it('reassigns to a colleague who works the gate, and refuses one who does not', () => {
    const { state, id } = withRequest();
    const s = accepted(state, by(AMIRA, claim(id)));
    const moved = accepted(s, by(AMIRA, { type: 'request.reassign', payload: { requestId: id, to: 'A102' } }));
    expect(moved.requests[id]).toMatchObject({ status: 'claimed', claimedBy: 'A102', claimedByName: 'Lucas' });
    expect(moved.requests[id]!.history.at(-1)).toMatchObject({ action: 'reassigned', by: 'A101', detail: 'to Lucas (A102)' });
    const reassign = (from: HubState, actor: Actor, to: string) => run(from, by(actor, { type: 'request.reassign', payload: { requestId: id, to } }));
    expect(reassign(s, AMIRA, 'A103')).toMatchObject({ ok: false, reason: 'Sofia does not work gate K32' });
    expect(reassign(s, AMIRA, 'A999')).toMatchObject({ ok: false, code: 'not_found' });
    expect(reassign(moved, AMIRA, 'A105')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(reassign(moved, LUCAS, 'A102')).toMatchObject({ ok: false, reason: 'already with Lucas' });
  });

  it('cancels with a reason, shown in the history; a closed request cannot be worked further', () => {
    const { state, id } = withRequest();
    const s = accepted(state, by(AMIRA, { type: 'request.cancel', payload: { requestId: id, reason: 'passenger left on another flight' } }));
    expect(s.requests[id]).toMatchObject({ status: 'cancelled', cancelReason: 'passenger left on another flight' });
    expect(s.requests[id]!.history.at(-1)).toMatchObject({ action: 'cancelled', by: 'A101', detail: 'passenger left on another flight' });
    for (const body of [
      claim(id),
      { type: 'request.deliver' as const, payload: { requestId: id } },
      { type: 'request.cancel' as const, payload: { requestId: id, reason: 'again please' } },
      { type: 'request.reassign' as const, payload: { requestId: id, to: 'A102' } },
    ]) {
      expect(run(s, by(AMIRA, body))).toMatchObject({ ok: false, code: 'conflict', reason: 'this request was cancelled' });
    }
  });

  it('a cancellation needs a real reason', () => {
    const { id } = withRequest();
    const parsed = parseOp(by(AMIRA, { type: 'request.cancel', payload: { requestId: id, reason: '  ' } }));
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.reason).toContain('give a reason');
  });

  it('notes are visible to colleagues with who wrote them and when', () => {
    const { state, id } = withRequest();
    const s = accepted(
      state,
      by(AMIRA, { type: 'request.note', payload: { requestId: id, text: 'Needs gluten-free meal' } }),
      '2026-11-23T18:05:00.000Z',
    );
    expect(s.requests[id]!.staffNotes).toEqual([{ at: '2026-11-23T18:05:00.000Z', by: 'A101', byName: 'Amira', text: 'Needs gluten-free meal' }]);
    const parsed = parseOp(by(AMIRA, { type: 'request.note', payload: { requestId: id, text: '' } }));
    expect(parsed.ok).toBe(false);
  });

  it('agents only work the requests at their gates; a kiosk cannot work requests at all', () => {
    const { state, id } = withRequest();
    for (const body of [claim(id), { type: 'request.note' as const, payload: { requestId: id, text: 'hello' } }]) {
      expect(run(state, by(SOFIA, body))).toMatchObject({ ok: false, code: 'forbidden', reason: 'gate K32 is not one of your gates' });
    }
    expect(run(state, by(KIOSK, { type: 'request.cancel', payload: { requestId: id, reason: 'not needed' } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('the history tells who did what, when, in order', () => {
    const { state, id } = withRequest();
    let s = accepted(state, by(AMIRA, claim(id)), '2026-11-23T18:01:00.000Z');
    s = accepted(s, by(AMIRA, { type: 'request.note', payload: { requestId: id, text: 'on my way' } }), '2026-11-23T18:02:00.000Z');
    s = accepted(s, by(AMIRA, { type: 'request.reassign', payload: { requestId: id, to: 'A105' } }), '2026-11-23T18:03:00.000Z');
    s = accepted(
      s,
      by({ kind: 'staff', id: 'A105' }, { type: 'request.deliver', payload: { requestId: id, items: { water: 2 } } }),
      '2026-11-23T18:04:00.000Z',
    );
    expect(s.requests[id]!.history.map((h) => [h.at.slice(11, 16), h.by, h.action])).toEqual([
      ['18:00', KIOSK.id, 'received'],
      ['18:01', 'A101', 'claimed'],
      ['18:02', 'A101', 'note added'],
      ['18:03', 'A101', 'reassigned'],
      ['18:04', 'A105', 'delivered'],
    ]);
  });

  it('staff notes and cancel reasons stay among staff: the passenger’s kiosk gets them blanked', () => {
    const { state, id } = withRequest();
    const note = by(AMIRA, { type: 'request.note', payload: { requestId: id, text: 'difficult passenger' } });
    let s = accepted(state, note);
    s = accepted(s, by(AMIRA, { type: 'request.cancel', payload: { requestId: id, reason: 'went to the lounge' } }));
    const kiosk = { kind: 'kiosk' as const, device: KIOSK.id, gate: 'K32' };
    const seen = viewOf(s, kiosk).requests[id]!;
    expect(seen.status).toBe('cancelled');
    expect(JSON.stringify(seen)).not.toMatch(/difficult|lounge/);
    expect(JSON.stringify(viewOf(s, { kind: 'staff', id: 'A102', role: 'agent', gates: ['K32'] }).requests[id])).toMatch(/difficult/);
    const entry: LogEntry = { seq: 1, at: s.requests[id]!.history[1]!.at, op: note };
    expect(JSON.stringify(entryForViewer(s, entry, kiosk))).not.toContain('difficult');
  });
});
