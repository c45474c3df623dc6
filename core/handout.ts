import type { CareRequest, ItemCounts, Need, StockItem } from './model.ts';

/** The gate stock item that answers a need, where one does. */
const ITEM_FOR_NEED: Partial<Record<Need, StockItem>> = { water: 'water', food: 'snack', blanket: 'blanket', baby: 'baby_kit' };

/**
 * What to hand out for what the passenger asked: one per person (a baby kit per infant, at least
 * one), less what was already handed out in earlier partial deliveries, and never more than the
 * gate holds. The agent adjusts it before sending; it only saves typing the obvious.
 */
export function suggestedHandout(
  r: Pick<CareRequest, 'needs' | 'party' | 'handedOut'>,
  stock: Partial<Record<StockItem, number>> | undefined,
): ItemCounts {
  const persons = r.party.adults + r.party.children + r.party.infants;
  const out: ItemCounts = {};
  for (const need of r.needs) {
    const item = ITEM_FOR_NEED[need];
    if (!item) continue;
    const wanted = item === 'baby_kit' ? Math.max(1, r.party.infants) : persons;
    const left = Math.max(0, wanted - (r.handedOut?.[item] ?? 0));
    const n = Math.min(left, stock?.[item] ?? 0);
    if (n > 0) out[item] = n;
  }
  return out;
}
