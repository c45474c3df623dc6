import { memo, useContext, useMemo, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { SyncClient } from '../../../client/sync-client.ts';
import { allocationPayload, suggestForParty, type CareRequest, type RoomAllocation } from '../../../core/index.ts';
import { HotelFactsContext } from './card-hotel-facts.ts';
import { bookingText, UNPLACED_TEXT } from './hotel-text.ts';
import { RoomForm, type RoomChoice } from './RoomForm.tsx';
import { countHotelSuggestion } from '../render-count.ts';

interface Props {
  request: CareRequest;
  /** The entitlement engine owes this party a hotel now (worked out by the card with its entitlement line). */
  owed: boolean;
  client: SyncClient;
}

const NO_ROOMS: readonly RoomAllocation[] = [];
const NO_PARTIES: readonly CareRequest[] = [];

/**
 * The hotel line of a card: the rooms the party holds (move, release, no-show), or, when a hotel is
 * owed and none is held, the planner's suggestion with one tap to allocate it and a way to choose
 * otherwise. Only this line reads the hotel facts, and it works a suggestion out again only when
 * hotel data, the flight's mobility parties without a room, the request or the minute change.
 */
export const CardHotel = memo(function CardHotel({ request: r, owed, client }: Props) {
  const facts = useContext(HotelFactsContext);
  const [choice, setChoice] = useState<RoomChoice | null>(null);
  const held = facts?.allocations.get(r.id) ?? NO_ROOMS;
  const waiting = facts?.waitingMobility.get(r.flightId) ?? NO_PARTIES;
  const wanted = owed && held.length === 0 && r.status !== 'cancelled';
  const planner = facts?.planner;
  const night = facts?.night ?? '';
  const nowIso = facts?.nowIso ?? '';
  const suggestion = useMemo(() => {
    if (!wanted || !planner) return null;
    countHotelSuggestion(r.ticket);
    return suggestForParty(planner, r, waiting, { night, now: nowIso });
  }, [wanted, planner, r, waiting, night, nowIso]);
  if (!facts || (!owed && held.length === 0 && !r.needs.includes('hotel'))) return null;
  const { zone } = facts;
  const submit = (body: Parameters<SyncClient['submit']>[0]) => void client.submit(body);
  const close = () => setChoice(null);
  const planned = Array.isArray(suggestion) ? suggestion : null;
  const unplaced = suggestion && !Array.isArray(suggestion) ? suggestion : null;

  return (
    <div className="card-hotel" data-testid="card-hotel">
      {held.map((a) => (
        <p key={a.id} className="room-held">
          <span data-testid="card-room">
            Room: {bookingText(facts.planner, a, zone)}
            {a.status === 'checked_in' ? ' · checked in' : ''}
          </span>{' '}
          {a.status === 'allocated' && (
            <>
              <button onClick={() => setChoice({ kind: 'move', allocation: a })}>Move…</button>{' '}
              <button onClick={() => submit({ type: 'room.release', payload: { allocationId: a.id, outcome: 'released' } })}>Release room</button>{' '}
              <button onClick={() => submit({ type: 'room.release', payload: { allocationId: a.id, outcome: 'no_show' } })}>No-show</button>
            </>
          )}
        </p>
      ))}
      {held.length === 0 && r.status !== 'cancelled' && (
        <p className="room-suggestion">
          {planned ? (
            <span data-testid="hotel-suggestion">Suggested: {planned.map((a) => bookingText(facts.planner, a, zone)).join(' and ')}</span>
          ) : unplaced ? (
            <span data-testid="hotel-suggestion">Hotel owed: {UNPLACED_TEXT[unplaced.reason]}</span>
          ) : (
            <span>Hotel asked for, not owed under this flight&apos;s rules</span>
          )}{' '}
          {planned && (
            <button
              className="primary"
              onClick={() => {
                for (const a of planned) submit({ type: 'room.allocate', payload: allocationPayload(a, uuidv7()) });
              }}
            >
              Allocate
            </button>
          )}{' '}
          <button
            aria-expanded={choice?.kind === 'allocate'}
            onClick={() => setChoice(choice ? null : { kind: 'allocate', start: planned?.[0] ?? null })}
          >
            {planned ? 'Choose otherwise…' : 'Choose a room…'}
          </button>
        </p>
      )}
      {choice && (
        <RoomForm
          key={choice.kind === 'move' ? choice.allocation.id : 'new'}
          request={r}
          choice={choice}
          night={facts.night}
          nowIso={facts.nowIso}
          client={client}
          onDone={close}
        />
      )}
    </div>
  );
});
