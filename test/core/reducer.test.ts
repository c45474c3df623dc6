import { describe, expect, it } from 'vitest';
import { apply, parseOp, replay, ticketFor, type HubState, type Op, type LogEntry } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, KIOSK, LUCAS, createRequest, op } from '../helpers/ops.ts';

const NOW = '2026-11-23T18:00:00.000Z';

function run(state: HubState, o: Op, at = NOW) {
  return apply(state, o, { seq: state.seq + 1, at });
}

function accepted(state: HubState, o: Op): HubState {
  const out = run(state, o);
  if (!out.ok) throw new Error(`rejected: ${out.reason}`);
  return out.state;
}

describe('care request lifecycle', () => {
  const base = demoState(new Date(NOW));

  it('a kiosk request is received with a ticket, the flight found by number', () => {
    const body = createRequest();
    const s = accepted(base, op(KIOSK, body, NOW));
    const r = Object.values(s.requests)[0]!;
    expect(r.status).toBe('received');
    expect(r.flightId).toMatch(/^AF1634-/);
    expect(r.ticket).toBe(ticketFor(r.id));
    expect(r.ticket).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
  });

  it('two requests whose ids give the same ticket are both accepted, the second with its own number', () => {
    // Same 32-bit tail: the first 30-bit ticket collides, as it does for ~5 % of 10,000 requests.
    const first = createRequest({ requestId: '01900000-0000-7000-8000-0000deadbeef' });
    const second = createRequest({ requestId: '01900000-0000-7abc-8123-4567deadbeef' });
    let s = accepted(base, op(KIOSK, first, NOW));
    s = accepted(s, op(KIOSK, second, NOW));
    const a = s.requests['01900000-0000-7000-8000-0000deadbeef']!;
    const b = s.requests['01900000-0000-7abc-8123-4567deadbeef']!;
    expect(a.ticket).toBe(ticketFor(a.id));
    expect(b.ticket).not.toBe(a.ticket);
    expect(b.ticket).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    // Replaying the same log gives the same numbers on every device.
    const again = accepted(accepted(base, op(KIOSK, first, NOW)), op(KIOSK, second, NOW));
    expect(again.requests[b.id]!.ticket).toBe(b.ticket);
  });

  it('claim names the agent, deliver closes it, and the history says who did what', () => {
    const body = createRequest();
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    let s = accepted(base, op(KIOSK, body));
    s = accepted(s, op(AMIRA, { type: 'request.claim', payload: { requestId: id } }));
    expect(s.requests[id]).toMatchObject({ status: 'claimed', claimedBy: 'A101', claimedByName: 'Amira' });
    s = accepted(s, op(AMIRA, { type: 'request.deliver', payload: { requestId: id } }));
    expect(s.requests[id]!.status).toBe('delivered');
    expect(s.requests[id]!.history.map((h) => `${h.action}:${h.by}`)).toEqual([`received:${KIOSK.id}`, 'claimed:A101', 'delivered:A101']);
  });

  it('a second agent cannot claim what a colleague already claimed', () => {
    const body = createRequest();
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    let s = accepted(base, op(KIOSK, body));
    s = accepted(s, op(AMIRA, { type: 'request.claim', payload: { requestId: id } }));
    const out = run(s, op(LUCAS, { type: 'request.claim', payload: { requestId: id } }));
    expect(out).toMatchObject({ ok: false, code: 'conflict', reason: 'already claimed by Amira' });
  });

  it('an unknown flight is refused with a message the passenger can act on', () => {
    const out = run(base, op(KIOSK, createRequest({ flightNumber: 'ZZ999' })));
    expect(out).toMatchObject({ ok: false, code: 'not_found' });
    if (!out.ok) expect(out.reason).toContain('ZZ999');
  });

  it('a kiosk may not claim, and an unknown staff member may do nothing', () => {
    const body = createRequest();
    const id = body.type === 'request.create' ? body.payload.requestId : '';
    const s = accepted(base, op(KIOSK, body));
    expect(run(s, op(KIOSK, { type: 'request.claim', payload: { requestId: id } }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(s, op({ kind: 'staff', id: 'A999' }, { type: 'request.claim', payload: { requestId: id } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('an offline kiosk keeps the time the passenger asked, but never a future time', () => {
    const earlier = '2026-11-23T17:10:00.000Z';
    const s1 = accepted(base, op(KIOSK, createRequest(), earlier));
    expect(Object.values(s1.requests)[0]!.createdAt).toBe(earlier);
    const s2 = accepted(base, op(KIOSK, createRequest(), '2030-01-01T00:00:00.000Z'));
    expect(Object.values(s2.requests)[0]!.createdAt).toBe(NOW);
  });

  it('replaying the log gives the same state as applying live', () => {
    let s = base;
    const log: LogEntry[] = [];
    for (let i = 0; i < 5; i++) {
      const o = op(KIOSK, createRequest());
      const seq = s.seq + 1;
      const out = apply(s, o, { seq, at: NOW });
      if (!out.ok) throw new Error(out.reason);
      s = out.state;
      log.push({ seq, at: NOW, op: o });
    }
    expect(replay(base, log).state).toEqual(s);
  });
});

describe('operation schema', () => {
  it('explains what is wrong with a malformed operation', () => {
    const r = parseOp({ v: 1, id: 'nope', type: 'request.create', payload: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/id: must be a UUID/);
      expect(r.reason).toMatch(/payload\./);
    }
  });

  it('rejects unknown operation types and unknown fields', () => {
    const good = op(KIOSK, createRequest());
    expect(parseOp({ ...good, type: 'request.explode' }).ok).toBe(false);
    expect(parseOp({ ...good, payload: { ...(good.payload as object), admin: true } }).ok).toBe(false);
  });

  it('normalises a flight number typed with spaces and lower case', () => {
    const r = parseOp(op(KIOSK, createRequest({ flightNumber: ' af 1634 ' })));
    expect(r.ok && r.op.type === 'request.create' && r.op.payload.flightNumber).toBe('AF1634');
  });
});
