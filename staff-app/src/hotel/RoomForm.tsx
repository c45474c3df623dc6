import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { SyncClient } from '../../../client/sync-client.ts';
import { useSync } from '../../../client/use-sync.ts';
import {
  airportClock,
  airportTimeZone,
  bedsNeeded,
  bedsOf,
  hotelsOf,
  roomsLeft,
  seatsLeft,
  shuttlesFor,
  ROOM_TYPES,
  type CareRequest,
  type PlannedAllocation,
  type RoomAllocation,
  type RoomType,
  type TransportChoice,
} from '../../../core/index.ts';

export type RoomChoice = { kind: 'allocate'; start: PlannedAllocation | null } | { kind: 'move'; allocation: RoomAllocation };

interface Props {
  request: CareRequest;
  choice: RoomChoice;
  night: string;
  /** The screen's minute tick: shuttles gone by then are not offered. */
  nowIso: string;
  client: SyncClient;
  onDone: () => void;
}

type Counts = Record<RoomType, number>;

function countsOf(rooms: readonly RoomType[] | undefined): Counts {
  const c: Counts = { single: 0, double: 0, family: 0, accessible: 0 };
  for (const t of rooms ?? []) c[t] += 1;
  return c;
}

function transportValue(t: TransportChoice | undefined): string {
  return t?.kind === 'shuttle' ? t.shuttleId : 'taxi';
}

/**
 * Another hotel, room type or taxi than the suggestion, or a move of a room already held. The form
 * follows the live state (rooms and seats left) while it is open; the hub decides, and a room taken
 * meanwhile comes back as its refusal.
 */
export function RoomForm({ request: r, choice, night: tonight, nowIso, client, onDone }: Props) {
  const { state } = useSync(client);
  const zone = airportTimeZone(state);
  const start = choice.kind === 'move' ? choice.allocation : choice.start;
  const night = choice.kind === 'move' ? choice.allocation.night : tonight;
  const except = choice.kind === 'move' ? choice.allocation.id : undefined;
  const hotels = Object.values(hotelsOf(state)).sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1));
  const [hotelId, setHotelId] = useState(start?.hotelId ?? hotels[0]?.id ?? '');
  const [counts, setCounts] = useState<Counts>(() => countsOf(start?.rooms));
  const [transport, setTransport] = useState(transportValue(start?.transport));
  const [tried, setTried] = useState(false);

  const left = hotelId ? roomsLeft(state, hotelId, night, except) : countsOf([]);
  const rooms = ROOM_TYPES.flatMap((t) => Array.from({ length: counts[t] }, () => t));
  const needed = choice.kind === 'move' ? choice.allocation.people : bedsNeeded(r);
  const beds = bedsOf(rooms);
  const runs = hotelId ? shuttlesFor(state, hotelId).filter((s) => Date.parse(s.departsAt) >= Date.parse(nowIso) || s.id === transport) : [];
  const shuttleChosen = runs.find((s) => s.id === transport);
  const error = !hotelId
    ? 'Choose a hotel'
    : rooms.length === 0
      ? 'Choose at least one room'
      : ROOM_TYPES.some((t) => counts[t] > left[t])
        ? `Only ${ROOM_TYPES.filter((t) => counts[t] > left[t])
            .map((t) => `${left[t]} ${t}`)
            .join(', ')} left on the night of ${night}`
        : beds < needed
          ? `These rooms sleep ${beds}; the party needs ${needed} ${needed === 1 ? 'bed' : 'beds'}`
          : transport !== 'taxi' && !shuttleChosen
            ? 'Choose a shuttle run or a taxi'
            : null;

  const submit = () => {
    setTried(true);
    if (error) return;
    const t: TransportChoice = shuttleChosen ? { kind: 'shuttle', shuttleId: shuttleChosen.id } : { kind: 'taxi' };
    const body = { hotelId, night, rooms, transport: t };
    if (choice.kind === 'move') {
      void client.submit({ type: 'room.move', payload: { ...body, allocationId: choice.allocation.id, newAllocationId: uuidv7() } });
    } else {
      void client.submit({ type: 'room.allocate', payload: { ...body, allocationId: uuidv7(), requestId: r.id } });
    }
    onDone();
  };

  return (
    <form
      className="panel room-form"
      aria-label={choice.kind === 'move' ? 'Move the room' : 'Choose a room'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field">
        Hotel
        <select
          value={hotelId}
          onChange={(e) => {
            setHotelId(e.target.value);
            setTransport('taxi');
          }}
        >
          {hotels.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name} · {h.distanceKm} km · {h.transport}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="room-counts">
        <legend>
          Rooms for the night of {night} ({needed} {needed === 1 ? 'bed' : 'beds'} needed)
        </legend>
        {ROOM_TYPES.map((t) => (
          <label key={t} className="field">
            {t[0]!.toUpperCase() + t.slice(1)} ({left[t]} left)
            <input
              type="number"
              min={0}
              max={20}
              inputMode="numeric"
              value={counts[t]}
              onChange={(e) => setCounts((c) => ({ ...c, [t]: Math.max(0, Math.min(20, Math.trunc(Number(e.target.value) || 0))) }))}
            />
          </label>
        ))}
      </fieldset>
      <label className="field">
        Transport
        <select value={transport} onChange={(e) => setTransport(e.target.value)}>
          {runs.map((s) => (
            <option key={s.id} value={s.id}>
              Shuttle {airportClock(s.departsAt, zone)} ({seatsLeft(state, s.id, except)} seats left)
            </option>
          ))}
          <option value="taxi">Taxi</option>
        </select>
      </label>
      {tried && error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button className="primary" type="submit">
          {choice.kind === 'move' ? 'Move here' : 'Allocate'}
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
