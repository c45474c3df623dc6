import { useLayoutEffect, useMemo, type ComponentProps } from 'react';
import type { CareRequest, HubState, Voucher } from '../../../core/index.ts';
import { RequestCard } from '../RequestCard.tsx';
import { noVouchers } from './use-queue-view.ts';
import { useWindowedList } from './use-windowed-list.ts';

type Shared = Omit<ComponentProps<typeof RequestCard>, 'request' | 'flight' | 'vouchers' | 'measure'>;

interface Props extends Shared {
  requests: readonly CareRequest[];
  flights: HubState['flights'];
  vouchers: ReadonlyMap<string, readonly Voucher[]>;
}

/** Beyond this many open requests only the cards near the viewport are drawn. */
export const WINDOW_FROM = 60;

/**
 * The open requests in queue order. A long queue is windowed: only the cards near the viewport
 * are in the DOM, in queue order, each telling assistive technology its place (n of total).
 */
export function QueueList({ requests, flights, vouchers, ...shared }: Props) {
  const keys = useMemo(() => requests.map((r) => r.id), [requests]);
  const { listRef, windowed, range, measure } = useWindowedList(keys, { from: WINDOW_FROM, estimatePx: 190, overscanPx: 900 });
  const shown = windowed ? requests.slice(range.start, range.end) : requests;
  // Each drawn card's place in the whole queue, for assistive technology; written to the DOM here so
  // that a push, which shifts every place by one, does not re-render the cards.
  useLayoutEffect(() => {
    const items = listRef.current?.children;
    if (!items) return;
    for (let i = 0; i < items.length; i++) {
      if (windowed) {
        items[i]!.setAttribute('aria-posinset', String(range.start + i + 1));
        items[i]!.setAttribute('aria-setsize', String(requests.length));
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
