import { useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import { StockItem, type HubState } from '../../core/index.ts';
import { STOCK_TITLE } from './labels.ts';
import { Table } from './ui/Table.tsx';
import { Select } from '../../client/ui/Select.tsx';
import { onSubmitted } from './ui/on-submit.ts';

/** Stock at the watched gates; low items stand out; restocking is one operation. */
export function StockPanel({ state, gates, client }: { state: HubState; gates: string[]; client: SyncClient }) {
  const [open, setOpen] = useState(false);
  const [gate, setGate] = useState(gates[0] ?? '');
  const [item, setItem] = useState<StockItem>('water');
  const [quantity, setQuantity] = useState(10);
  const low = (g: string, i: StockItem) => (state.stock[g]?.[i] ?? 0) <= state.policy.lowStock[i];
  const lowCount = gates.reduce((n, g) => n + StockItem.options.filter((i) => low(g, i)).length, 0);
  return (
    <section className="stock" aria-label="Gate stock">
      <h2>
        <button className="linkish" aria-expanded={open} onClick={() => setOpen(!open)}>
          Gate stock {lowCount > 0 ? `— ${lowCount} low` : ''}
        </button>
      </h2>
      {open && (
        <>
          <Table columns={['Gate', ...StockItem.options.map((i) => STOCK_TITLE[i])]}>
            {gates.map((g) => (
              <tr key={g} data-testid={`stock-${g}`}>
                <th scope="row">{g}</th>
                {StockItem.options.map((i) => (
                  <td key={i} className={low(g, i) ? 'low' : ''} data-item={i}>
                    {state.stock[g]?.[i] ?? 0}
                    {low(g, i) ? ' (low)' : ''}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
          <form
            className="restock"
            aria-label="Restock"
            onSubmit={onSubmitted(() => {
              if (quantity >= 1) void client.submit({ type: 'stock.restock', payload: { gate, item, quantity } });
            })}
          >
            <label>
              Gate
              <Select value={gate} options={gates} onChange={setGate} />
            </label>
            <label>
              Item
              <Select value={item} options={StockItem.options} label={(i) => STOCK_TITLE[i]} onChange={setItem} />
            </label>
            <label>
              Quantity
              <input type="number" min={1} max={10000} value={quantity} onChange={(e) => setQuantity(Number(e.target.value) || 0)} />
            </label>
            <button type="submit" disabled={quantity < 1}>
              Restock
            </button>
          </form>
        </>
      )}
    </section>
  );
}
