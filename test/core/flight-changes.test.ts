import { describe, expect, it } from 'vitest';
import { apply, delayMinutes, findFlight, type HubState, type Op } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, op } from '../helpers/ops.ts';
import { CLAIRE } from '../helpers/manager-ops.ts';

const NOW = '2026-11-23T18:00:00.000Z';

function run(state: HubState, o: Op) {
  return apply(state, o, { seq: state.seq + 1, at: NOW });
}

describe('duty manager changes a flight', () => {
  const base = demoState(new Date(NOW));
  const madrid = findFlight(base, 'AF1012', NOW)!;
  const rome = findFlight(base, 'AF1780', NOW)!;

  it('a delay moves the departure and marks the flight delayed; back to schedule clears it', () => {
    const later = new Date(Date.parse(madrid.scheduledDeparture) + 150 * 60_000).toISOString();
    const out = run(base, op(CLAIRE, { type: 'flight.delay', payload: { flightId: madrid.id, estimatedDeparture: later } }));
    if (!out.ok) throw new Error(out.reason);
    expect(out.state.flights[madrid.id]).toMatchObject({ status: 'delayed', estimatedDeparture: later });
    expect(delayMinutes(out.state.flights[madrid.id]!)).toBe(150);

    const back = run(
      out.state,
      op(CLAIRE, { type: 'flight.delay', payload: { flightId: madrid.id, estimatedDeparture: madrid.scheduledDeparture } }),
    );
    expect(back.ok && back.state.flights[madrid.id]!.status).toBe('scheduled');
  });

  it('refuses a departure earlier than scheduled, and a delay of a cancelled flight', () => {
    const earlier = new Date(Date.parse(madrid.scheduledDeparture) - 60_000).toISOString();
    expect(run(base, op(CLAIRE, { type: 'flight.delay', payload: { flightId: madrid.id, estimatedDeparture: earlier } }))).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    const later = new Date(Date.parse(rome.scheduledDeparture) + 3600_000).toISOString();
    const out = run(base, op(CLAIRE, { type: 'flight.delay', payload: { flightId: rome.id, estimatedDeparture: later } }));
    expect(out).toMatchObject({ ok: false, code: 'conflict' });
    if (!out.ok) expect(out.reason).toContain('AF1780 is cancelled');
  });

  it('a cancellation keeps or sets the rebooked departure', () => {
    const tomorrow = new Date(Date.parse(madrid.scheduledDeparture) + 14 * 3600_000).toISOString();
    const out = run(base, op(CLAIRE, { type: 'flight.cancel', payload: { flightId: madrid.id, rebookedDeparture: tomorrow } }));
    expect(out.ok && out.state.flights[madrid.id]).toMatchObject({ status: 'cancelled', estimatedDeparture: tomorrow });
    const unknown = run(base, op(CLAIRE, { type: 'flight.cancel', payload: { flightId: madrid.id, rebookedDeparture: null } }));
    expect(unknown.ok && unknown.state.flights[madrid.id]).toMatchObject({ status: 'cancelled', estimatedDeparture: madrid.estimatedDeparture });
  });

  it('a gate change needs a real gate; kiosks then find the flight at the new gate', () => {
    const out = run(base, op(CLAIRE, { type: 'flight.gate', payload: { flightId: madrid.id, gate: 'K40' } }));
    expect(out.ok && out.state.flights[madrid.id]!.gate).toBe('K40');
    expect(run(base, op(CLAIRE, { type: 'flight.gate', payload: { flightId: madrid.id, gate: 'K99' } }))).toMatchObject({
      ok: false,
      reason: 'gate K99 does not exist',
    });
  });

  it('agents may not change flights', () => {
    const later = new Date(Date.parse(madrid.scheduledDeparture) + 3600_000).toISOString();
    for (const body of [
      { type: 'flight.delay' as const, payload: { flightId: madrid.id, estimatedDeparture: later } },
      { type: 'flight.cancel' as const, payload: { flightId: madrid.id, rebookedDeparture: null } },
      { type: 'flight.gate' as const, payload: { flightId: madrid.id, gate: 'K40' } },
    ]) {
      expect(run(base, op(AMIRA, body))).toMatchObject({ ok: false, code: 'forbidden', reason: `agent may not perform ${body.type}` });
    }
  });
});
