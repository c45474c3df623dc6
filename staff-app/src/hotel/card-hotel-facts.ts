import { createContext, useMemo, useState } from 'react';
import {
  activeAllocationsByRequest,
  airportTimeZone,
  hotelsOf,
  mapWrites,
  mobilityWithoutRoomByFlight,
  nightIn,
  type CareRequest,
  type HubState,
  type PlannerFacts,
  type RoomAllocation,
} from '../../../core/index.ts';

/**
 * What the cards' hotel lines read, held apart from the rest of the state: a context whose value
 * changes only when hotel data, the flights' mobility parties without a room or the minute change.
 * The memoised cards do not read it; only the small hotel line inside a card does, so a surge of
 * new requests re-renders no hotel line and works out no suggestion again.
 */
export interface CardHotelFacts {
  planner: PlannerFacts;
  /** Each request's rooms still held; the same arrays until an allocation changes. */
  allocations: ReadonlyMap<string, readonly RoomAllocation[]>;
  /** Per flight, the parties with a mobility need and no room yet; an array stays the same while its parties do. */
  waitingMobility: ReadonlyMap<string, readonly CareRequest[]>;
  night: string;
  nowIso: string;
  zone: string;
}

const NO_ALLOCATIONS: Record<string, RoomAllocation> = {};
const EMPTY = new Map<string, never>();

export const HotelFactsContext = createContext<CardHotelFacts | null>(null);

function sameParties(a: readonly CareRequest[] | undefined, b: readonly CareRequest[]): boolean {
  return !!a && a.length === b.length && a.every((r, i) => r === b[i]);
}

/** `next`, reusing `prev`'s arrays (and `prev` itself) wherever the parties are the same. */
function keepSame(prev: ReadonlyMap<string, readonly CareRequest[]>, next: Map<string, CareRequest[]>): ReadonlyMap<string, readonly CareRequest[]> {
  let changed = prev.size !== next.size;
  const out = new Map<string, readonly CareRequest[]>();
  for (const [flightId, list] of next) {
    const before = prev.get(flightId);
    if (sameParties(before, list)) out.set(flightId, before!);
    else {
      out.set(flightId, list);
      changed = true;
    }
  }
  return changed ? out : prev;
}

/** The queue screen's value for HotelFactsContext. `now` is the screen's minute tick. */
export function useCardHotelFacts(state: HubState, now: number): CardHotelFacts {
  const allocationMap = state.roomAllocations ?? NO_ALLOCATIONS;
  // The sync client writes allocations, room blocks, shuttles and requests in place: a map and its write count together say whether it changed.
  const allocationWrites = mapWrites(allocationMap);
  const blockWrites = state.roomBlocks ? mapWrites(state.roomBlocks) : 0;
  const shuttleWrites = state.shuttles ? mapWrites(state.shuttles) : 0;
  const requestWrites = mapWrites(state.requests);
  const planner = useMemo<PlannerFacts>(() => {
    // A new write count is a new value of the same map: the facts are rebuilt so that whatever memoises on them follows.
    void allocationWrites;
    void blockWrites;
    void shuttleWrites;
    return {
      hotels: state.hotels,
      roomBlocks: state.roomBlocks,
      shuttles: state.shuttles,
      roomAllocations: allocationMap,
      airlines: state.airlines,
      policy: state.policy,
    };
  }, [state.hotels, state.roomBlocks, blockWrites, state.shuttles, shuttleWrites, allocationMap, allocationWrites, state.airlines, state.policy]);
  const allocations = useMemo(() => activeAllocationsByRequest(planner), [planner]);
  const hasHotels = Object.keys(hotelsOf(planner)).length > 0;
  // One pass over the requests per push, and only where hotels are kept at all.
  const mobility = useMemo(() => {
    void requestWrites;
    return hasHotels ? mobilityWithoutRoomByFlight(state.requests, allocations) : EMPTY;
  }, [hasHotels, state.requests, requestWrites, allocations]);
  const [held, setHeld] = useState<ReadonlyMap<string, readonly CareRequest[]>>(mobility);
  const waitingMobility = keepSame(held, mobility);
  if (waitingMobility !== held) setHeld(waitingMobility);
  const nowIso = new Date(now).toISOString();
  const zone = airportTimeZone(state);
  // The night changes with the minute tick or the zone, not with each push: a calendar day in a zone costs a formatter call.
  const night = useMemo(() => nightIn(zone, nowIso), [zone, nowIso]);
  return useMemo(
    () => ({ planner, allocations, waitingMobility, night, nowIso, zone }),
    [planner, allocations, waitingMobility, night, nowIso, zone],
  );
}
