import { useEffect, useState } from 'react';
import type { SyncClient } from '../../client/sync-client.ts';
import { EVENTS, type PublicTicket, type TicketLookup, type TicketQuery } from '../../core/plain.ts';

export type LookupState =
  { kind: 'searching' } | { kind: 'found'; tickets: PublicTicket[] } | { kind: 'offline' } | { kind: 'refused'; reason: string };

/** How often a ticket on screen is refreshed: the queue moves in minutes, not seconds. */
export const LOOKUP_REFRESH_MS = 15_000;

/**
 * Asks the hub for a ticket's public status and keeps it fresh while on screen.
 * `refreshKey` asks again at once (e.g. when the kiosk sees its own request change).
 */
export function useTicketLookup(client: SyncClient, query: TicketQuery | null, refreshKey: unknown = null): LookupState | null {
  const key = query ? JSON.stringify(query) : null;
  const [state, setState] = useState<LookupState | null>(() => (key ? { kind: 'searching' } : null));
  // A new query keeps the last answer on screen until the hub answers it; no query clears it.
  const [askedKey, setAskedKey] = useState(key);
  if (key !== askedKey) {
    setAskedKey(key);
    setState(key ? (state ?? { kind: 'searching' }) : null);
  }

  useEffect(() => {
    if (!key) return;
    let live = true;
    const ask = async () => {
      const answer = await client.ask<TicketLookup>(EVENTS.ticketLookup, JSON.parse(key));
      if (!live) return;
      if (!answer) setState((s) => (s?.kind === 'found' ? s : { kind: 'offline' }));
      else setState(answer.ok ? { kind: 'found', tickets: answer.tickets } : { kind: 'refused', reason: answer.reason });
    };
    void ask();
    const timer = setInterval(() => void ask(), LOOKUP_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, key, refreshKey]);

  return state;
}
