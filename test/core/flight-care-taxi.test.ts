import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { parseOp, planFlight, replay, type HubState, type ListedPassenger, type LogEntry, type Op } from '../../core/index.ts';
import { purgeEntry, purgedRecords } from '../../core/purge-log.ts';
import { storedOpProblem } from '../../core/stored-op.ts';
import { SYSTEM } from '../helpers/ops.ts';
import { planFlightCare } from '../../core/flight-care.ts';
import { vouchersBoundToPass } from '../../core/bound-vouchers.ts';
import { demoState } from '../helpers/demo-state.ts';
import { accepted, by, MANAGER, NOW, run, SOFIA, withRequest } from '../helpers/core-fixtures.ts';

function passenger(sequence: number, surname: string, bookingRef: string): ListedPassenger {
  return { surname, givenName: '', bookingRef, cabin: 'economy', seat: '', sequence, ssr: [] };
}

/** AF1780 (cancelled, rebooked next morning: a hotel and transport owed) with two bookings, a passenger alone and a party on a shuttle. */
const LIST = [
  passenger(1, 'Moreau', 'ABC123'),
  passenger(2, 'Moreau', 'ABC123'),
  passenger(3, 'Leroy', ''),
  passenger(4, 'Garcia', 'XYZ789'),
  passenger(5, 'Garcia', 'XYZ789'),
];

function flightId(state: HubState, number: string): string {
  return Object.values(state.flights).find((f) => f.number === number)!.id;
}

function listed(number = 'AF1780'): { state: HubState; id: string } {
  const s = demoState(new Date(NOW));
  const id = flightId(s, number);
  return { state: accepted(s, by(MANAGER, { type: 'passengers.import', payload: { flightId: id, passengers: LIST } })), id };
}

function taxis(id: string, extra: Record<string, unknown> = {}): Op {
  return by(MANAGER, { type: 'vouchers.issueFlight', payload: { flightId: id, kind: 'taxi', ...extra } });
}

/** The Garcias asked at the kiosk with their pass and were given a room with a hotel shuttle (the planner's choice in the demo). */
function garciasOnShuttle(state: HubState, id: string): HubState {
  const { state: s, id: requestId } = withRequest(
    { flightNumber: 'AF1780', gate: 'K41', surname: 'GARCIA', checkInSequence: 4, party: { adults: 2, children: 0, infants: 0 } },
    state,
  );
  const night = Object.values(s.roomBlocks ?? {})[0]!.night;
  const placed = planFlight(s, id, { night, now: NOW }).placed.find((p) => p.requestId === requestId)!;
  expect(placed.transport.kind).toBe('shuttle');
  const body = {
    type: 'room.allocate' as const,
    payload: {
      allocationId: uuidv7(),
      requestId,
      hotelId: placed.hotelId,
      night,
      rooms: placed.rooms,
      transport: placed.transport,
      people: placed.people,
    },
  };
  return accepted(s, by(SOFIA, body));
}

describe('a taxi there and back for a whole flight', () => {
  it('one voucher per booking where transport is owed, bound to its first passenger’s pass, none for a party on a hotel shuttle', () => {
    const { state, id } = listed();
    const s0 = garciasOnShuttle(state, id);
    const planned = planFlightCare(s0, { flightId: id, kind: 'taxi' }, NOW);
    expect(planned).toMatchObject({ ok: true, plan: { kind: 'taxi', passengers: 3, onShuttle: 2, totalMinor: 2 * 8000, currency: 'EUR' } });
    if (!planned.ok) return;
    expect(planned.plan.vouchers.map((v) => [v.sequence, v.amountMinor, v.booking?.passengers])).toEqual([
      [1, 8000, 2],
      [3, 8000, 1],
    ]);
    const s = accepted(s0, taxis(id, { expect: { vouchers: 2, totalMinor: 16000 } }));
    const [moreau] = vouchersBoundToPass(s, id, 'MOREAU', 1);
    expect(moreau).toMatchObject({
      kind: 'taxi',
      amountCents: 8000,
      status: 'issued',
      description: 'Taxi there and back for AF1780, 2 passengers of one booking: 80.00 EUR',
      bound: { sequence: 1, step: 1 },
    });
    expect(vouchersBoundToPass(s, id, 'LEROY', 3)).toHaveLength(1);
    expect(vouchersBoundToPass(s, id, 'GARCIA', 4)).toEqual([]);
    // Never twice: the same tap again gives nothing and says why.
    expect(run(s, taxis(id))).toMatchObject({ ok: false, code: 'conflict', reason: expect.stringContaining('already holds its taxi voucher') });
  });

  it('a booking that already holds its taxi is not given another when its lead leaves a new list', () => {
    const { state, id } = listed();
    const s = accepted(state, taxis(id));
    const relisted = accepted(s, by(MANAGER, { type: 'passengers.import', payload: { flightId: id, passengers: LIST.slice(1) } }));
    const plan = planFlightCare(relisted, { flightId: id, kind: 'taxi' }, NOW);
    expect(plan).toMatchObject({ ok: true, plan: { vouchers: [], alreadyHeld: 4 } });
  });

  it('no transport is owed on a delay within the day; a top-up is for meals; the confirmed figures must hold', () => {
    const { state, id } = listed('AF1634');
    expect(run(state, taxis(id))).toMatchObject({
      ok: false,
      reason: 'no transport is owed on AF1634: it is owed only when the new departure is the next day or later',
    });
    const { state: night, id: af1780 } = listed();
    expect(run(night, taxis(af1780, { topUp: true }))).toMatchObject({ ok: false, reason: 'a top-up is for meals: a taxi is given once' });
    expect(run(night, taxis(af1780, { expect: { vouchers: 1, totalMinor: 8000 } }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('it is now 3 taxi vouchers (there and back) for 5 passengers, 240.00 EUR'),
    });
  });

  it('after the purge the log still replays to the same taxis: bookings kept together under stand-in references', () => {
    const s0 = demoState(new Date(NOW));
    const id = flightId(s0, 'AF1780');
    const ops: Op[] = [by(MANAGER, { type: 'passengers.import', payload: { flightId: id, passengers: LIST } }), taxis(id)];
    const entries: LogEntry[] = ops.map((o, i) => ({ seq: s0.seq + 1 + i, at: NOW, op: o }));
    const later = new Date(Date.parse(s0.flights[id]!.estimatedDeparture) + 25 * 3600_000).toISOString();
    entries.push({ seq: s0.seq + 3, at: later, op: by(SYSTEM, { type: 'passengers.purge', payload: { flightId: id } }, later) });
    const { state: purged, failed } = replay(s0, entries);
    expect(failed).toEqual([]);
    expect(Object.values(purged.vouchers).filter((v) => v.kind === 'taxi')).toHaveLength(3);
    const blanked = entries.map((e) => purgeEntry(e, purgedRecords(purged, [id])));
    expect(JSON.stringify(blanked)).not.toMatch(/ABC123|XYZ789|Moreau/);
    for (const e of blanked) expect(storedOpProblem(e.op)).toBeNull();
    const again = replay(s0, blanked);
    expect(again.failed).toEqual([]);
    expect(again.state.vouchers).toEqual(purged.vouchers);
  });

  it('a hotel is not a whole-flight voucher: the operation says where rooms are given', () => {
    const parsed = parseOp(by(MANAGER, { type: 'vouchers.issueFlight', payload: { flightId: uuidv7(), kind: 'hotel' } } as never));
    expect(parsed).toMatchObject({ ok: false, reason: expect.stringContaining('hotel rooms: the Hotels tab') });
  });
});
