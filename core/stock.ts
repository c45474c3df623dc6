import { StockItem, type Stock } from './model.ts';

export function emptyStock(): Stock {
  return Object.fromEntries(StockItem.options.map((i) => [i, 0])) as Stock;
}
