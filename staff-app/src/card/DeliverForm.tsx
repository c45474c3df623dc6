import { useState } from 'react';
import { StockItem, suggestedHandout, type CareRequest, type HubState, type ItemCounts } from '../../../core/index.ts';
import { STOCK_TITLE } from '../labels.ts';
import type { FormProps } from './types.ts';
import { FormActions } from '../forms/FormActions.tsx';

/** What is handed out now, from the gate's stock; "partly" keeps the request open for the rest. */
export function DeliverForm({ request: r, state, onSubmit, onDone }: FormProps & { request: CareRequest; state: HubState }) {
  const stock = state.stock[r.gate];
  // Pre-filled with what was asked and not yet handed out, so the usual delivery is one tap.
  const [counts, setCounts] = useState<ItemCounts>(() => suggestedHandout(r, stock));
  const set = (item: StockItem, n: number) => setCounts((c) => ({ ...c, [item]: Math.max(0, n) }));
  const send = (partial: boolean) => {
    const items: ItemCounts = {};
    for (const i of StockItem.options) if ((counts[i] ?? 0) > 0) items[i] = counts[i];
    onSubmit({ type: 'request.deliver', payload: { requestId: r.id, items, partial } });
    onDone();
  };
  return (
    <form className="panel deliver-form" onSubmit={(e) => e.preventDefault()} aria-label="Deliver">
      <p>Hand out from gate {r.gate} stock:</p>
      <div className="item-counts">
        {StockItem.options.map((item) => (
          <label key={item} className="count">
            {STOCK_TITLE[item]} <small>({stock?.[item] ?? 0} left)</small>
            <input
              type="number"
              min={0}
              max={1000}
              inputMode="numeric"
              value={counts[item] ?? 0}
              onChange={(e) => set(item, Number(e.target.value) || 0)}
            />
          </label>
        ))}
      </div>
      <FormActions onClose={onDone}>
        <button type="button" className="primary" onClick={() => send(false)}>
          Mark delivered
        </button>
        <button type="button" onClick={() => send(true)}>
          Delivered partly, more to come
        </button>
      </FormActions>
    </form>
  );
}
