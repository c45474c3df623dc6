import { describe, expect, it } from 'vitest';
import { apply, estimateWait, lookupTickets, type HubState, type Op } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';

const T0 = Date.parse('2026-11-23T18:00:00.000Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

function run(state: HubState, o: Op, when: string): HubState {
  const out = apply(state, o, { seq: state.seq + 1, at: when });
  if (!out.ok) throw new Error(out.reason);
  return out.state;
}

/** Submits a request at gate `gate` at minute `min`, returning its id. */
function ask(state: HubState, min: number, gate = 'K32', surname = 'Moreau'): [HubState, string] {
  const body = createRequest({ gate, surname, flightNumber: gate === 'K41' ? 'AF1780' : 'AF1634' });
  const id = body.type === 'request.create' ? body.payload.requestId : '';
  return [run(state, op(KIOSK, body, at(min)), at(min)), id];
}

/** Submits `n` requests at K32, one a minute from minute 0, returning their ids in order. */
function askMany(state: HubState, n: number): [HubState, string[]] {
  let s = state;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    let id: string;
    [s, id] = ask(s, i);
    ids.push(id);
  }
  return [s, ids];
}

function deliver(state: HubState, id: string, min: number): HubState {
  return run(state, op(AMIRA, { type: 'request.deliver', payload: { requestId: id } }, at(min)), at(min));
}

describe('honest wait estimate', () => {
  const base = demoState(new Date(T0));

  it('grows with the number of passengers ahead in the same queue, as a range from a typical pace', () => {
    const [s, ids] = askMany(base, 8);
    const first = estimateWait(s, s.requests[ids[0]!]!, at(10));
    const last = estimateWait(s, s.requests[ids[7]!]!, at(10));
    expect(first).toMatchObject({ position: 1, basis: 'typical_pace' });
    expect(last).toMatchObject({ position: 8, basis: 'typical_pace' });
    expect(first.minutes!.low).toBeLessThanOrEqual(first.minutes!.high);
    expect(last.minutes!.low).toBeGreaterThan(first.minutes!.low);
    expect(last.minutes!.high).toBeGreaterThan(first.minutes!.high);
  });

  it('counts passengers at gates served by the same agents, not at gates served by others', () => {
    // Without Nadia, who covers the whole pier, K30–K39 and K40–K49 are separate queues.
    const { A105: _nadia, ...staff } = base.staff;
    let s: HubState = { ...base, staff };
    let mine: string;
    [s] = ask(s, 0, 'K34');
    [s] = ask(s, 1, 'K41');
    [s, mine] = ask(s, 2, 'K32');
    expect(estimateWait(s, s.requests[mine]!, at(3)).position).toBe(2);
  });

  it('switches to the pace staff actually kept in the last hour once there is enough of it', () => {
    let [s, done] = askMany(base, 6);
    // Six deliveries in the last hour: one every ten minutes.
    done.forEach((id, i) => (s = deliver(s, id, 5 + i * 10)));
    let waiting: string;
    [s, waiting] = ask(s, 60);
    const e = estimateWait(s, s.requests[waiting]!, at(61));
    expect(e.basis).toBe('recent_pace');
    expect(e.position).toBe(1);
    // One ahead of nobody at 6 an hour: about 10 minutes, shown as a range around it.
    expect(e.minutes!.low).toBeLessThanOrEqual(10);
    expect(e.minutes!.high).toBeGreaterThanOrEqual(10);
    // Two hours later those deliveries are no longer "recent".
    expect(estimateWait(s, s.requests[waiting]!, at(200)).basis).toBe('typical_pace');
  });

  it('says "on the way" once claimed and "done" once delivered, with no made-up minutes', () => {
    let s = base;
    let id: string;
    [s, id] = ask(s, 0);
    s = run(s, op(AMIRA, { type: 'request.claim', payload: { requestId: id } }, at(1)), at(1));
    expect(estimateWait(s, s.requests[id]!, at(2))).toEqual({ position: 0, minutes: null, basis: 'on_the_way' });
    s = deliver(s, id, 3);
    expect(estimateWait(s, s.requests[id]!, at(4))).toEqual({ position: 0, minutes: null, basis: 'done' });
  });
});

describe('returning passenger lookup', () => {
  const base = demoState(new Date(T0));

  it('finds a ticket by number, however it is typed, without the surname or note', () => {
    let s = base;
    let id: string;
    [s, id] = ask(s, 0, 'K32', 'Moreau');
    [s] = ask(s, 1, 'K32', 'Haddad');
    const ticket = s.requests[id]!.ticket;
    const found = lookupTickets(s, { ticket: ticket.toLowerCase().replace('-', ' ') }, at(2));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ticket, status: 'received', gate: 'K32', flightNumber: 'AF1634' });
    expect(JSON.stringify(found)).not.toMatch(/Moreau|Haddad|kiosk-test/i);
    expect(lookupTickets(s, { ticket: 'ZZZ-ZZZ' }, at(2))).toEqual([]);
  });

  it("finds a pass's tickets by flight and surname, accents and case aside, and nobody else's", () => {
    let s = base;
    [s] = ask(s, 0, 'K32', 'Müller');
    [s] = ask(s, 1, 'K32', 'Muller-Smith');
    [s] = ask(s, 2, 'K41', 'Müller');
    const found = lookupTickets(s, { flightNumber: 'AF1634', surname: 'MULLER' }, at(3));
    expect(found).toHaveLength(1);
    expect(found[0]!.flightNumber).toBe('AF1634');
    // A day later the pass no longer finds old requests.
    expect(lookupTickets(s, { flightNumber: 'AF1634', surname: 'MULLER' }, at(60 * 25))).toEqual([]);
  });
});
