import { useLayoutEffect, useRef } from 'react';
import type { LookupState } from '../use-ticket-lookup.ts';
import { say } from './speaker.ts';

/**
 * Says that a ticket is being looked up (typed number or pass scanned again) and then how it
 * ended: how many tickets were found (each then says itself), none, or the hub out of reach. The
 * refresh every few seconds is not said again; only the answer to a new question is. A layout
 * effect, so the count is said before the tickets found announce themselves.
 */
export function useLookupSpeech(queryKey: string | null, lookup: LookupState | null, byPass: boolean): void {
  const asked = useRef<string | null>(null);
  // What was on screen when the question was asked: a new question keeps the last answer shown until the hub answers.
  const shownWhenAsked = useRef<LookupState | null | undefined>(undefined);
  useLayoutEffect(() => {
    if (queryKey !== asked.current) {
      asked.current = queryKey;
      shownWhenAsked.current = queryKey === null ? undefined : lookup;
      if (queryKey !== null) say((t) => t('speech.lookupSearching'), { interrupt: true });
    }
    if (shownWhenAsked.current === undefined || !lookup || lookup.kind === 'searching' || lookup === shownWhenAsked.current) return;
    shownWhenAsked.current = undefined;
    if (lookup.kind === 'offline') say((t) => t('lookup.offline'));
    else if (lookup.kind === 'refused') say((t) => t('lookup.notFound'));
    else if (lookup.tickets.length === 0) say((t) => t(byPass ? 'lookup.noneForPass' : 'lookup.notFound'));
    else say((t) => t('speech.lookupFound', { count: lookup.tickets.length }));
  });
}
