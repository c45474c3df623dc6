import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lowStockAlerts, StockItem } from '../../core/index.ts';
import { AMIRA, LUCAS } from '../helpers/ops.ts';
import { MANAGER, SOFIA, accepted, by, run, withRequest } from '../helpers/core-fixtures.ts';

describe('gate stock', () => {
  it('delivering takes the handed-out items from the request gate', () => {
    const { state, id } = withRequest();
    const s = accepted(state, by(AMIRA, { type: 'request.deliver', payload: { requestId: id, items: { water: 3, blanket: 1 } } }));
    expect(s.stock.K32).toMatchObject({ water: 45, blanket: 19, snack: 40, baby_kit: 6 });
    expect(s.stock.K33).toMatchObject({ water: 48, blanket: 20 });
    expect(s.requests[id]).toMatchObject({ status: 'delivered', handedOut: { water: 3, blanket: 1 } });
    expect(s.requests[id]!.history.at(-1)).toMatchObject({ action: 'delivered', by: 'A101', detail: '3 water, 1 blanket' });
  });

  it('refuses to hand out more than the gate holds, says what is left, and changes nothing', () => {
    const { state, id } = withRequest();
    const out = run(state, by(AMIRA, { type: 'request.deliver', payload: { requestId: id, items: { water: 2, baby_kit: 7 } } }));
    expect(out).toMatchObject({ ok: false, code: 'conflict' });
    if (!out.ok) expect(out.reason).toBe('only 6 baby kits left at gate K32 (7 asked): restock first or hand out fewer');
    expect(state.stock.K32!.water).toBe(48);
    expect(state.requests[id]!.status).toBe('received');
  });

  it('stock never goes negative, whatever sequence of deliveries and restocks', () => {
    const item = fc.constantFrom(...StockItem.options);
    const step = fc.oneof(
      fc.record({ kind: fc.constant('deliver' as const), item, n: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('restock' as const), item, n: fc.integer({ min: 1, max: 10 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let { state } = withRequest();
        for (const st of steps) {
          if (st.kind === 'restock') {
            state = accepted(state, by(AMIRA, { type: 'stock.restock', payload: { gate: 'K32', item: st.item, quantity: st.n } }));
            continue;
          }
          const r = withRequest({}, state);
          const before = r.state.stock.K32![st.item];
          const out = run(r.state, by(AMIRA, { type: 'request.deliver', payload: { requestId: r.id, items: { [st.item]: st.n } } }));
          expect(out.ok).toBe(st.n <= before);
          state = out.ok ? out.state : r.state;
          expect(state.stock.K32![st.item]).toBe(out.ok ? before - st.n : before);
        }
        for (const i of StockItem.options) expect(state.stock.K32![i]).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 },
    );
  });

  it('a partial delivery keeps the request open with the agent and adds up what was handed out', () => {
    const { state, id } = withRequest({ needs: ['water', 'food'] });
    let s = accepted(state, by(AMIRA, { type: 'request.deliver', payload: { requestId: id, items: { water: 2 }, partial: true } }));
    expect(s.requests[id]).toMatchObject({ status: 'claimed', claimedBy: 'A101', deliveredAt: null, handedOut: { water: 2 } });
    expect(s.requests[id]!.history.at(-1)).toMatchObject({ action: 'delivered partly', detail: '2 water' });
    expect(run(s, by(LUCAS, { type: 'request.deliver', payload: { requestId: id } }))).toMatchObject({ ok: false, code: 'conflict' });
    s = accepted(s, by(AMIRA, { type: 'request.deliver', payload: { requestId: id, items: { water: 1, snack: 2 } } }));
    expect(s.requests[id]).toMatchObject({ status: 'delivered', handedOut: { water: 3, snack: 2 } });
    expect(s.stock.K32).toMatchObject({ water: 45, snack: 38 });
  });

  it('restocking is an operation, for staff at their own gates', () => {
    const { state } = withRequest();
    const s = accepted(state, by(AMIRA, { type: 'stock.restock', payload: { gate: 'K32', item: 'blanket', quantity: 10 } }));
    expect(s.stock.K32!.blanket).toBe(30);
    expect(run(state, by(SOFIA, { type: 'stock.restock', payload: { gate: 'K32', item: 'blanket', quantity: 10 } }))).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'gate K32 is not one of your gates',
    });
    expect(run(state, by(AMIRA, { type: 'stock.restock', payload: { gate: 'K99', item: 'water', quantity: 1 } }))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(accepted(state, by(MANAGER, { type: 'stock.restock', payload: { gate: 'K41', item: 'water', quantity: 1 } })).stock.K41!.water).toBe(49);
  });

  it('low stock raises an alert at the policy threshold, and restocking clears it', () => {
    const { state, id } = withRequest();
    expect(lowStockAlerts(state)).toEqual([]);
    let s = accepted(state, by(AMIRA, { type: 'request.deliver', payload: { requestId: id, items: { baby_kit: 4 } } }));
    expect(lowStockAlerts(s)).toEqual([{ gate: 'K32', item: 'baby_kit', quantity: 2, threshold: 2 }]);
    s = accepted(s, by(AMIRA, { type: 'stock.restock', payload: { gate: 'K32', item: 'baby_kit', quantity: 1 } }));
    expect(lowStockAlerts(s)).toEqual([]);
  });
});
