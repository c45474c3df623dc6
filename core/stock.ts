import { STOCK_ITEMS } from './values.ts';
import type { StockItem, HubState, ItemCounts, Stock } from './model.ts';

export function emptyStock(): Stock {
  return Object.fromEntries(STOCK_ITEMS.map((i) => [i, 0])) as Stock;
}

export const STOCK_LABEL: Record<StockItem, string> = {
  water: 'water',
  blanket: 'blankets',
  snack: 'snacks',
  baby_kit: 'baby kits',
};

const ONE: Record<StockItem, string> = { water: 'water', blanket: 'blanket', snack: 'snack', baby_kit: 'baby kit' };

export function countOf(item: StockItem, n: number): string {
  return `${n} ${n === 1 ? ONE[item] : STOCK_LABEL[item]}`;
}

export interface LowStockAlert {
  gate: string;
  item: StockItem;
  quantity: number;
  threshold: number;
}

/** Derived, never stored: every gate item at or below the policy's threshold, for the duty managers. */
export function lowStockAlerts(state: HubState): LowStockAlert[] {
  const alerts: LowStockAlert[] = [];
  for (const gate of Object.keys(state.stock).sort()) {
    const stock = state.stock[gate]!;
    for (const item of STOCK_ITEMS) {
      const threshold = state.policy.lowStock[item];
      if (stock[item] <= threshold) alerts.push({ gate, item, quantity: stock[item], threshold });
    }
  }
  return alerts;
}

export function describeItems(items: ItemCounts): string {
  return STOCK_ITEMS.filter((i) => (items[i] ?? 0) > 0)
    .map((i) => countOf(i, items[i] ?? 0))
    .join(', ');
}

/** Takes items from a gate's stock, or says which item falls short. Never goes below zero. */
export function takeFromStock(stock: Stock, items: ItemCounts, gate: string): { ok: true; stock: Stock } | { ok: false; reason: string } {
  const next = { ...stock };
  for (const item of STOCK_ITEMS) {
    const want = items[item] ?? 0;
    if (want === 0) continue;
    if (next[item] < want) {
      return {
        ok: false,
        reason: `only ${countOf(item, next[item])} left at gate ${gate} (${want} asked): restock first or hand out fewer`,
      };
    }
    next[item] -= want;
  }
  return { ok: true, stock: next };
}

export function addItems(a: ItemCounts, b: ItemCounts): ItemCounts {
  const out: ItemCounts = { ...a };
  for (const item of STOCK_ITEMS) {
    const n = (a[item] ?? 0) + (b[item] ?? 0);
    if (n > 0) out[item] = n;
  }
  return out;
}
