import { useLayoutEffect, type ComponentProps } from 'react';
import type { CareRequest, HubState, Voucher } from '../../../core/index.ts';
import { RequestCard } from '../RequestCard.tsx';
import { noVouchers } from './use-queue-view.ts';
import { useWindowedList } from './use-windowed-list.ts';

type Shared = Omit<ComponentProps<typeof RequestCard>, 'request' | 'flight' | 'vouchers' | 'measure'>;

interface Props extends Shared {
  requests: readonly CareRequest[];
  /** The requests' ids in the same order (kept by the queue index, so no push reads every request for them). */
  ids: readonly string[];
  flights: HubState['flights'];
  vouchers: ReadonlyMap<string, readonly Voucher[]>;
}

/** Beyond this many open requests only the cards near the viewport are drawn. */
export const WINDOW_FROM = 60;

/**
 * The open requests in queue order. A long queue is windowed: only the cards near the viewport
 * are in the DOM, in queue order, each telling assistive technology its place (n of total).
 */
export function QueueList({ requests, ids, flights, vouchers, ...shared }: Props) {
  const { listRef, windowed, range, measure } = useWindowedList(ids, { from: WINDOW_FROM, estimatePx: 190, overscanPx: 900 });
  const shown = windowed ? requests.slice(range.start, range.end) : requests;
  // Each drawn card's place in the whole queue, for assistive technology; written to the DOM here so
  // that a push, which shifts every place by one, does not re-render the cards.
  useLayoutEffect(() => {
    const items = listRef.current?.children;
    if (!items) return;
    const setSize = String(requests.length);
    for (let i = 0; i < items.length; i++) {
      if (windowed) {
        const posInSet = String(range.start + i + 1);
        // Written only when it changed: a push that adds at the end changes no card's place.
        if (items[i]!.getAttribute('aria-posinset') !== posInSet) items[i]!.setAttribute('aria-posinset', posInSet);
        if (items[i]!.getAttribute('aria-setsize') !== setSize) items[i]!.setAttribute('aria-setsize', setSize);
      } else {
        items[i]!.removeAttribute('aria-posinset');
        items[i]!.removeAttribute('aria-setsize');
      }
    }
  });
  return (
    <ul
      className="cards"
      ref={listRef}
      data-testid="open-requests"
      data-windowed={windowed || undefined}
      style={windowed ? { paddingTop: range.before, paddingBottom: range.after } : undefined}
    >
      {shown.map((r) => (
        <RequestCard
          key={r.id}
          request={r}
          flight={flights[r.flightId]}
          vouchers={vouchers.get(r.id) ?? noVouchers}
          measure={windowed ? measure : undefined}
          {...shared}
        />
      ))}
    </ul>
  );
}
