import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { apply, type Actor, type Op, type OpBody } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { NOW, foldOps } from '../helpers/core-fixtures.ts';
import { AMIRA, KIOSK, LUCAS, createRequest, op } from '../helpers/ops.ts';

const CLAIRE: Actor = { kind: 'staff', id: 'M201' };

/** A busy evening: requests created, claimed, some delivered, with a few operations that must be refused. */
function evening(): Op[] {
  const ops: Op[] = [];
  for (let i = 0; i < 40; i++) {
    const body = createRequest({ surname: `Passenger${i}` });
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    ops.push(op(KIOSK, body, NOW));
    if (i % 2 === 0) ops.push(op(AMIRA, { type: 'request.claim', payload: { requestId: id } }, NOW));
    if (i % 4 === 0) ops.push(op(LUCAS, { type: 'request.claim', payload: { requestId: id } }, NOW)); // conflict
    if (i % 3 === 0) ops.push(op(AMIRA, { type: 'request.deliver', payload: { requestId: id } }, NOW));
    if (i % 5 === 0) ops.push(op(KIOSK, body, NOW)); // same request again: conflict
    ops.push(...afterwards(i, id));
  }
  return ops;
}

/** The rest of the staff's work on request number i: every other operation that writes a request or a voucher. */
function afterwards(i: number, requestId: string): Op[] {
  const voucher = (type: 'voucher.issue' | 'voucher.escalate', amountCents: number): { body: OpBody; id: string } => {
    const id = uuidv7();
    return { id, body: { type, payload: { voucherId: id, requestId, kind: 'meal', amountCents, currency: 'EUR' } } };
  };
  const ops: Op[] = [];
  if (i % 6 === 1)
    ops.push(op(AMIRA, { type: 'request.claim', payload: { requestId } }, NOW), op(AMIRA, { type: 'request.release', payload: { requestId } }, NOW));
  if (i % 6 === 5) ops.push(op(AMIRA, { type: 'request.reassign', payload: { requestId, to: 'A102' } }, NOW));
  if (i % 7 === 5) ops.push(op(LUCAS, { type: 'request.cancel', payload: { requestId, reason: 'passenger left the gate' } }, NOW));
  if (i % 4 === 1) ops.push(op(LUCAS, { type: 'request.note', payload: { requestId, text: `note ${i}` } }, NOW));
  if (i % 5 === 2) ops.push(op(AMIRA, voucher('voucher.issue', 1500).body, NOW));
  if (i % 5 === 4) {
    const escalated = voucher('voucher.escalate', 60_000);
    const decision: OpBody =
      i % 2 === 0
        ? { type: 'voucher.approve', payload: { voucherId: escalated.id } }
        : { type: 'voucher.decline', payload: { voucherId: escalated.id, reason: 'a meal voucher covers it' } };
    ops.push(op(AMIRA, escalated.body, NOW), op(CLAIRE, decision, NOW), op(CLAIRE, decision, NOW)); // decided twice: conflict
  }
  return ops;
}

describe('the hub applying operations in place', () => {
  it('reaches exactly the state and answers of the pure reducer', () => {
    const ops = evening();
    const pure = foldOps(demoState(new Date(NOW)), ops, false);
    const inPlace = foldOps(demoState(new Date(NOW)), ops, true);
    expect(inPlace.answers).toEqual(pure.answers);
    expect(inPlace.answers.filter((a) => a !== 'ok').length).toBeGreaterThan(5);
    expect(inPlace.state).toEqual(pure.state);
  });

  it('writes every request and voucher operation into the maps it was given, never a copy', () => {
    let s = demoState(new Date(NOW));
    const { requests, vouchers } = s;
    const types = new Set<string>();
    for (const o of evening()) {
      const out = apply(s, o, { seq: s.seq + 1, at: NOW, inPlace: true });
      if (!out.ok) continue;
      types.add(o.type);
      expect(out.state.requests, o.type).toBe(requests);
      expect(out.state.vouchers, o.type).toBe(vouchers);
      s = out.state;
    }
    expect([...types].sort()).toEqual([
      'request.cancel',
      'request.claim',
      'request.create',
      'request.deliver',
      'request.note',
      'request.reassign',
      'request.release',
      'voucher.approve',
      'voucher.decline',
      'voucher.escalate',
      'voucher.issue',
    ]);
  });

  it('leaves the state untouched when it refuses an operation', () => {
    const base = demoState(new Date(NOW));
    const before = JSON.stringify(base);
    const out = apply(base, op(AMIRA, { type: 'request.claim', payload: { requestId: '0190a5f0-0000-7000-8000-000000000001' } }), {
      seq: base.seq + 1,
      at: NOW,
      inPlace: true,
    });
    expect(out).toMatchObject({ ok: false, code: 'not_found' });
    expect(JSON.stringify(base)).toBe(before);
  });

  it('gives a second request whose ticket is already in use a number of its own (the in-place ticket index stays current)', () => {
    let s = demoState(new Date(NOW));
    const first = createRequest({ requestId: '0190a5f0-1111-7000-8000-0000abcdef12' });
    const twin = createRequest({ requestId: '0190a5f0-2222-7000-9000-0000abcdef12' }); // same tail: same ticket
    // Index built on the map before the first request, then kept current in place.
    const warm = apply(s, op(KIOSK, createRequest(), NOW), { seq: s.seq + 1, at: NOW, inPlace: true });
    if (!warm.ok) throw new Error(warm.reason);
    s = warm.state;
    const a = apply(s, op(KIOSK, first, NOW), { seq: s.seq + 1, at: NOW, inPlace: true });
    if (!a.ok) throw new Error(a.reason);
    const b = apply(a.state, op(KIOSK, twin, NOW), { seq: a.state.seq + 1, at: NOW, inPlace: true });
    if (!b.ok) throw new Error(b.reason);
    const tickets = [first, twin].map((body) => (body.type === 'request.create' ? b.state.requests[body.payload.requestId]!.ticket : ''));
    expect(new Set(tickets).size).toBe(2);
  });
});
