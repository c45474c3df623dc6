import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { activityTimeline, buildBoard, findFlight, serveTimeDistribution, type HubState } from '../../core/index.ts';
import { buildReport, reportCsv } from '../../core/report.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, KIOSK, LUCAS, createRequest, op } from '../helpers/ops.ts';
import { MANAGER, SOFIA, accepted, voucherBody } from '../helpers/core-fixtures.ts';

const NOW = '2026-11-23T18:00:00.000Z';
const t = (min: number) => new Date(Date.parse(NOW) + min * 60_000).toISOString();

/** A short evening: requests at K32 (AF1634) and K41 (AF1780), served at known times. */
function evening(): { state: HubState; ids: Record<string, string> } {
  let s = demoState(new Date(t(-180)));
  const ids: Record<string, string> = {};
  const ask = (name: string, at: number, o: Parameters<typeof createRequest>[0]) => {
    const body = createRequest(o);
    ids[name] = body.type === 'request.create' ? body.payload.requestId : '';
    s = accepted(s, op(KIOSK, body, t(at)), t(at));
  };
  const act = (actor: typeof AMIRA, body: Parameters<typeof op>[1], at: number) => {
    s = accepted(s, op(actor, body, t(at)), t(at));
  };
  // K32, AF1634: served in 4, 10 and 30 minutes; one still waiting since -25.
  ask('a', -50, { needs: ['water'], party: { adults: 2, children: 0, infants: 0 } });
  act(AMIRA, { type: 'request.deliver', payload: { requestId: ids.a!, items: { water: 2 } } }, -46);
  ask('b', -40, { needs: ['water', 'blanket'], party: { adults: 1, children: 1, infants: 0 } });
  act(LUCAS, { type: 'request.claim', payload: { requestId: ids.b! } }, -35);
  act(LUCAS, { type: 'request.deliver', payload: { requestId: ids.b!, items: { water: 2, blanket: 2 } } }, -30);
  ask('c', -150, { needs: ['food'], party: { adults: 1, children: 0, infants: 0 } });
  act(AMIRA, { type: 'request.deliver', payload: { requestId: ids.c!, items: { snack: 1 } } }, -120);
  ask('d', -25, { needs: ['blanket', 'baby'], party: { adults: 1, children: 0, infants: 1 } });
  act(AMIRA, voucherBody(ids.a!, 1500), -45);
  act(AMIRA, voucherBody(ids.b!, 30000, 'voucher.escalate'), -29);
  // K41, AF1780 (cancelled): one waiting since -5.
  ask('e', -5, { gate: 'K41', flightNumber: 'AF1780', needs: ['hotel'], party: { adults: 3, children: 0, infants: 0 } });
  act(SOFIA, voucherBody(ids.e!, 9000, 'voucher.issue', 'hotel'), -4);
  return { state: s, ids };
}

describe('the live board', () => {
  const { state } = evening();
  const board = buildBoard(state, NOW);

  it('puts the gates where people wait first, with open needs and the oldest wait', () => {
    expect(board.gates.slice(0, 2).map((g) => g.gate)).toEqual(['K32', 'K41']);
    const k32 = board.gates[0]!;
    expect(k32.open).toBe(1);
    expect(k32.openByNeed).toEqual({ blanket: 1, baby: 1 });
    expect(k32.oldestWaitMin).toBe(25);
    expect(board.gates.find((g) => g.gate === 'K30')).toMatchObject({ open: 0, oldestWaitMin: null, medianServeMinLastHour: null });
  });

  it('takes the median time to serve over the last hour only', () => {
    const k32 = board.gates[0]!;
    // Delivered in the last hour: 4 and 10 min (the 30-minute one was delivered two hours ago).
    expect(k32.servedLastHour).toBe(2);
    expect(k32.medianServeMinLastHour).toBe(7);
    expect(board.totals).toMatchObject({ open: 2, oldestWaitMin: 25, servedLastHour: 2, medianServeMinLastHour: 7 });
  });

  it('names the staff active at each gate in the last hour, and shows stock and low stock from the policy', () => {
    const k32 = board.gates[0]!;
    expect(k32.staffActive.map((s) => s.id).sort()).toEqual(['A101', 'A102']);
    expect(k32.staffAssigned).toBe(4); // A101, A102, A105, M201
    expect(k32.stock).toMatchObject({ water: 44, blanket: 18, snack: 39 });
    expect(k32.lowStock).toEqual([]);
    const low = accepted(state, op(MANAGER, { type: 'stock.set', payload: { gate: 'K32', item: 'baby_kit', quantity: 1 } }, NOW));
    expect(buildBoard(low, NOW).gates.find((g) => g.gate === 'K32')!.lowStock).toEqual(['baby_kit']);
  });

  it('shows voucher spend against each issuer budget, and pending escalations', () => {
    expect(board.spend).toMatchObject({ currency: 'EUR', issuedCents: 10500, pendingCents: 30000, pendingCount: 1 });
    expect(board.spend.byStaff).toEqual([
      { id: 'A103', name: 'Sofia Rossi', role: 'agent', usedCents: 9000, budgetCents: 300000 },
      { id: 'A101', name: 'Amira Benali', role: 'agent', usedCents: 1500, budgetCents: 300000 },
    ]);
    expect(board.gates[0]).toMatchObject({ spendCents: 1500, pendingEscalations: 1 });
  });

  it('lists flights by departure with delay, people waiting and people helped', () => {
    const af1634 = board.flights.find((f) => f.flight.number === 'AF1634')!;
    expect(af1634).toMatchObject({ open: 1, peopleWaiting: 2, helped: 5 });
    expect(af1634.delayMin).toBe(150);
    const deps = board.flights.map((f) => f.flight.estimatedDeparture);
    expect(deps).toEqual([...deps].sort());
  });

  it('follows a change at once: a new request and a delivery move the numbers', () => {
    const { state: s0, ids } = evening();
    const s1 = accepted(s0, op(AMIRA, { type: 'request.deliver', payload: { requestId: ids.d!, items: { blanket: 1, baby_kit: 1 } } }, NOW), NOW);
    const b1 = buildBoard(s1, NOW);
    expect(b1.gates.find((g) => g.gate === 'K32')).toMatchObject({ open: 0, oldestWaitMin: null, servedLastHour: 3, medianServeMinLastHour: 10 });
  });
});

describe('charts data', () => {
  const { state } = evening();

  it('counts requests and deliveries per 15-minute slot, ending now', () => {
    const slots = activityTimeline(state, NOW, 15, 16);
    expect(slots).toHaveLength(16);
    expect(slots.at(-1)!.start).toBe(t(0));
    expect(slots.reduce((n, s) => n + s.created, 0)).toBe(5);
    expect(slots.reduce((n, s) => n + s.delivered, 0)).toBe(3);
    // -50 and -46 fall in the slot starting at -60.
    expect(slots.find((s) => s.start === t(-60))).toMatchObject({ created: 1, delivered: 1 });
    // Before the window: nothing counted.
    expect(activityTimeline(state, NOW, 15, 2).reduce((n, s) => n + s.created, 0)).toBe(1);
  });

  it('bins times to serve', () => {
    const bins = serveTimeDistribution(state);
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ['0–5 min', 1],
      ['5–10 min', 0],
      ['10–15 min', 1],
      ['15–30 min', 0],
      ['30–60 min', 1],
      ['60+ min', 0],
    ]);
  });
});

describe('the end-of-disruption report', () => {
  const { state } = evening();
  const report = buildReport(state, NOW);

  it('per flight: passengers helped, median and worst wait, items, vouchers and spend', () => {
    expect(report.flights.map((f) => f.number)).toEqual(['AF1634', 'AF1780']);
    const af1634 = report.flights[0]!;
    expect(af1634).toMatchObject({
      requests: 4,
      passengersHelped: 2 + 2 + 1,
      stillOpen: 1,
      medianWaitMin: 10,
      worstWaitMin: 30,
      itemsHandedOut: { water: 4, blanket: 2, snack: 1, baby_kit: 0 },
      vouchers: 1,
      spendCents: 1500,
      pendingVouchers: 1,
      declinedVouchers: 0,
    });
    const af1780 = report.flights[1]!;
    expect(af1780).toMatchObject({ status: 'cancelled', passengersHelped: 0, stillOpen: 1, medianWaitMin: null, worstWaitMin: 5, spendCents: 9000 });
    expect(report.totals).toMatchObject({ requests: 5, passengersHelped: 5, spendCents: 10500, vouchers: 2 });
  });

  it('an open request that waited longer than any delivery is the worst wait', () => {
    const later = new Date(Date.parse(NOW) + 3600_000).toISOString();
    expect(buildReport(state, later).flights[0]!.worstWaitMin).toBe(85);
  });

  it('downloads as CSV a spreadsheet reads back', () => {
    const csv = reportCsv(report);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      flight: 'AF1634',
      flight_id: findFlight(state, 'AF1634', NOW)!.id,
      destination: 'Barcelona',
      passengers_helped: '5',
      median_wait_min: '10.0',
      worst_wait_min: '30.0',
      items_water: '4',
      vouchers: '1',
      spend_eur: '15.00',
      vouchers_pending: '1',
    });
    expect(rows[1]).toMatchObject({ flight: 'AF1780', destination: 'Rome Fiumicino', median_wait_min: '' });
    expect(rows[2]).toMatchObject({ flight: 'TOTAL', requests: '5', spend_eur: '105.00' });
  });
});
