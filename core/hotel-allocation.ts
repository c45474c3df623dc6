import type { CareRequest, HubState } from './model.ts';
import type { Hotel, RoomAllocation, TransportChoice } from './hotel-model.ts';
import { ROOM_BEDS, ROOM_TYPES, type MinorRule, type RoomType } from './hotel-values.ts';
import {
  activeAllocationsOf,
  bedsNeeded,
  hotelsOf,
  roomRate,
  roomsLeft,
  seatsLeft,
  seatsNeeded,
  shuttlesFor,
  unaccompaniedChild,
  type HotelFacts,
  type RoomCounts,
} from './hotel-state.ts';
import { entitlementsForRequest, type EntitlementFacts } from './entitlements/for-request.ts';
import type { EntitlementAssessment } from './entitlements/types.ts';
import { carrierOf } from './entitlements/carrier.ts';
import { airportTimeZone } from './airport-zone.ts';
import { localDay } from './entitlements/local-day.ts';
import { mobilityRequests } from './mobility-index.ts';

/*
 * The allocation rules, pure: the tablet's one-tap suggestion, the duty manager's whole-flight
 * preview and the property tests all run these. The hub does not trust them: room.allocate
 * re-checks capacity against its own state, so a stale preview is refused, never over-booked.
 */

/** A party as the planner sees it. */
export interface PlannerParty {
  requestId: string;
  beds: number;
  seats: number;
  mobility: boolean;
  minor: boolean;
  createdAt: string;
}

export interface PlannedAllocation {
  requestId: string;
  hotelId: string;
  night: string;
  rooms: RoomType[];
  transport: TransportChoice;
  people: number;
  seats: number;
  costCents: number;
  currency: string;
  /** Part of a party placed in more than one hotel (only when splitting was allowed). */
  split: boolean;
}

/**
 * The `room.allocate` payload that books one planned allocation, under an id the device made (a device
 * makes its operations' ids). The hub checks every room again, so a plan that went stale is refused, not half-booked.
 */
export function allocationPayload(a: PlannedAllocation, allocationId: string) {
  const { requestId, hotelId, night, rooms, transport, people } = a;
  return { allocationId, requestId, hotelId, night, rooms, transport, people, ...(a.split ? { split: true as const } : {}) };
}

export type UnplacedReason = 'no_room' | 'no_accessible_room' | 'minor_airline_escort';

export interface Unplaced {
  requestId: string;
  reason: UnplacedReason;
}

/** All the planner reads from the state: the hotel maps, the airlines' minor rule and the policy's currency. */
export type PlannerFacts = HotelFacts & Pick<HubState, 'airlines' | 'policy'>;

export interface PlanOptions {
  night: string;
  /** Shuttles leaving before this instant are not offered. */
  now: string;
  /** A party that fits in no single hotel may be spread over several. */
  allowSplit?: boolean;
}

export interface AllocationPlan {
  night: string;
  placed: PlannedAllocation[];
  unplaced: Unplaced[];
  /** Rooms each hotel still has that night once the plan is applied. */
  left: Record<string, RoomCounts>;
  /** Seats each shuttle still has once the plan is applied. */
  seatsLeft: Record<string, number>;
  costCents: number;
  currency: string;
}

const NIGHT_ROLLOVER_MS = 6 * 3600_000;

/**
 * The hotel night for an allocation made now: the airport's calendar day, except that a passenger
 * placed at 01:30 sleeps the night that began the evening before.
 */
export function tonight(state: HubState, nowIso: string): string {
  return nightIn(airportTimeZone(state), nowIso);
}

/** tonight() for the airport's time zone, when a screen already holds it. */
export function nightIn(timeZone: string, nowIso: string): string {
  return localDay(new Date(Date.parse(nowIso) - NIGHT_ROLLOVER_MS).toISOString(), timeZone);
}

export function partyOf(r: CareRequest): PlannerParty {
  return {
    requestId: r.id,
    beds: bedsNeeded(r),
    seats: seatsNeeded(r),
    mobility: r.needs.includes('mobility'),
    minor: unaccompaniedChild(r),
    createdAt: r.createdAt,
  };
}

/** Whether an assessment owes a hotel now (or from a time already past). */
export function hotelOwedIn(a: EntitlementAssessment | null, nowIso: string): boolean {
  return !!a?.entitlements.some((e) => e.kind === 'hotel' && (e.from === null || Date.parse(e.from) <= Date.parse(nowIso)));
}

/** Whether the entitlement engine says this party is owed a hotel now (or from a time already past). */
export function hotelOwed(state: EntitlementFacts, r: CareRequest, nowIso: string): boolean {
  return hotelOwedIn(entitlementsForRequest(state, r), nowIso);
}

export function minorRuleFor(state: Pick<HubState, 'airlines'>, r: CareRequest): MinorRule {
  return state.airlines?.[carrierOf(r.flightNumber)]?.unaccompaniedMinorHotel ?? 'escort_room';
}

/** Who goes first: reduced mobility (accessible rooms are few), unaccompanied minors, bigger families, then who asked first. */
export function partyOrder(a: PlannerParty, b: PlannerParty): number {
  return (
    Number(b.mobility) - Number(a.mobility) ||
    Number(b.minor) - Number(a.minor) ||
    b.beds - a.beds ||
    a.createdAt.localeCompare(b.createdAt) ||
    (a.requestId < b.requestId ? -1 : 1)
  );
}

function hotelOrder(a: Hotel, b: Hotel): number {
  return a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : 1);
}

/**
 * The rooms that hold `beds` people from what is left: the fewest spare beds, then the fewest
 * rooms, then the cheapest. A party with a mobility need gets at least one accessible room; others
 * get accessible rooms only when `accessibleAllowed`. Null when nothing fits.
 */
export function chooseRooms(
  beds: number,
  left: RoomCounts,
  opts: { mobility: boolean; accessibleAllowed: boolean; rates: Record<RoomType, number> },
): RoomType[] | null {
  const maxOf = (t: RoomType): number => Math.min(left[t], Math.ceil(beds / ROOM_BEDS[t]));
  const aMin = opts.mobility ? 1 : 0;
  const aMax = opts.mobility || opts.accessibleAllowed ? maxOf('accessible') : 0;
  let best: { counts: RoomCounts; spare: number; rooms: number; cost: number } | null = null;
  for (let a = aMin; a <= aMax; a++) {
    for (let f = 0; f <= maxOf('family'); f++) {
      for (let d = 0; d <= maxOf('double'); d++) {
        const partial = a * ROOM_BEDS.accessible + f * ROOM_BEDS.family + d * ROOM_BEDS.double;
        // Singles only fill what the bigger rooms leave: more would only add spare beds.
        const s = Math.max(0, beds - partial);
        if (s > left.single) continue;
        const total = partial + s;
        if (total < beds) continue;
        const counts = { accessible: a, family: f, double: d, single: s };
        const spare = total - beds;
        const rooms = a + f + d + s;
        const cost = ROOM_TYPES.reduce((n, t) => n + counts[t] * opts.rates[t], 0);
        if (!best || spare < best.spare || (spare === best.spare && (rooms < best.rooms || (rooms === best.rooms && cost < best.cost)))) {
          best = { counts, spare, rooms, cost };
        }
      }
    }
  }
  if (!best) return null;
  const chosen = best.counts;
  return ROOM_TYPES.flatMap((t) => Array.from({ length: chosen[t] }, () => t));
}

/** Working copy of what is left, so a plan never counts a room or a seat twice. */
class Availability {
  private rooms = new Map<string, RoomCounts>();
  private seats = new Map<string, number>();
  constructor(
    private state: HotelFacts,
    private night: string,
  ) {}
  roomsAt(hotelId: string): RoomCounts {
    let c = this.rooms.get(hotelId);
    if (!c) {
      c = roomsLeft(this.state, hotelId, this.night);
      this.rooms.set(hotelId, c);
    }
    return c;
  }
  seatsOn(shuttleId: string): number {
    let n = this.seats.get(shuttleId);
    if (n === undefined) {
      n = seatsLeft(this.state, shuttleId);
      this.seats.set(shuttleId, n);
    }
    return n;
  }
  take(hotelId: string, rooms: readonly RoomType[], transport: TransportChoice, seats: number): void {
    const c = this.roomsAt(hotelId);
    for (const t of rooms) c[t] -= 1;
    if (transport.kind === 'shuttle') this.seats.set(transport.shuttleId, this.seatsOn(transport.shuttleId) - seats);
  }
  snapshot(): { left: Record<string, RoomCounts>; seatsLeft: Record<string, number> } {
    return {
      left: Object.fromEntries([...this.rooms].map(([k, v]) => [k, { ...v }])),
      seatsLeft: Object.fromEntries(this.seats),
    };
  }
}

/** The earliest shuttle not yet gone with seats for everyone, else a taxi. */
function transportFor(state: HotelFacts, hotel: Hotel, seats: number, now: string, avail: Availability): TransportChoice {
  if (hotel.transport === 'shuttle') {
    for (const s of shuttlesFor(state, hotel.id)) {
      if (Date.parse(s.departsAt) >= Date.parse(now) && avail.seatsOn(s.id) >= seats) return { kind: 'shuttle', shuttleId: s.id };
    }
  }
  return { kind: 'taxi' };
}

function ratesAt(state: HotelFacts, hotelId: string, night: string): { rates: Record<RoomType, number>; currency: string } {
  const rates = { single: 0, double: 0, family: 0, accessible: 0 };
  let currency = '';
  for (const t of ROOM_TYPES) {
    const r = roomRate(state, hotelId, night, t);
    rates[t] = r.cents;
    currency ||= r.cents > 0 ? r.currency : '';
  }
  return { rates, currency: currency || roomRate(state, hotelId, night, 'double').currency };
}

interface Placement {
  hotel: Hotel;
  rooms: RoomType[];
}

/** One hotel for the whole party (and the minor's escort), nearest first. */
function placeWhole(
  state: HotelFacts,
  hotels: Hotel[],
  p: PlannerParty,
  night: string,
  accessibleAllowed: boolean,
  escort: boolean,
  avail: Availability,
): Placement | null {
  for (const hotel of hotels) {
    const left = avail.roomsAt(hotel.id);
    const { rates } = ratesAt(state, hotel.id, night);
    const rooms = chooseRooms(p.beds, left, { mobility: p.mobility, accessibleAllowed, rates });
    if (!rooms) continue;
    if (escort) {
      const after = { ...left };
      for (const t of rooms) after[t] -= 1;
      const escortRoom = chooseRooms(1, after, { mobility: false, accessibleAllowed, rates });
      if (!escortRoom) continue;
      return { hotel, rooms: [...rooms, ...escortRoom] };
    }
    return { hotel, rooms };
  }
  return null;
}

/** Spread over hotels, nearest first, only when allowed; the mobility need travels with the first part. */
function placeSplit(
  state: HotelFacts,
  hotels: Hotel[],
  p: PlannerParty,
  night: string,
  accessibleAllowed: boolean,
  avail: Availability,
): { hotel: Hotel; rooms: RoomType[]; people: number }[] | null {
  const parts: { hotel: Hotel; rooms: RoomType[]; people: number }[] = [];
  let remaining = p.beds;
  for (const hotel of hotels) {
    if (remaining === 0) break;
    const left = { ...avail.roomsAt(hotel.id) };
    const { rates } = ratesAt(state, hotel.id, night);
    const mobility = p.mobility && parts.length === 0;
    for (let people = remaining; people >= 1; people--) {
      const rooms = chooseRooms(people, left, { mobility, accessibleAllowed, rates });
      if (!rooms) continue;
      for (const t of rooms) left[t] -= 1;
      parts.push({ hotel, rooms, people });
      remaining -= people;
      break;
    }
  }
  return remaining === 0 ? parts : null;
}

function planned(
  state: HotelFacts,
  hotel: Hotel,
  night: string,
  rooms: RoomType[],
  people: number,
  seats: number,
  split: boolean,
  transport: TransportChoice,
): PlannedAllocation {
  const currency = ratesAt(state, hotel.id, night).currency;
  const costCents = rooms.reduce((n, t) => n + roomRate(state, hotel.id, night, t).cents, 0);
  return { requestId: '', hotelId: hotel.id, night, rooms, transport, people, seats, costCents, currency, split };
}

/**
 * Places parties in order (partyOrder) over the hotels' rooms left that night. Rules: capacity is
 * never exceeded; a party stays in one hotel unless `allowSplit`; a party with a mobility need gets
 * an accessible room or none, and no other party gets an accessible room while a mobility party
 * is still without one; an unaccompanied minor follows the airline's rule.
 */
export function planParties(state: PlannerFacts, requests: readonly CareRequest[], opts: PlanOptions): AllocationPlan {
  const avail = new Availability(state, opts.night);
  const hotels = Object.values(hotelsOf(state)).sort(hotelOrder);
  const byId = new Map(requests.map((r) => [r.id, r]));
  const parties = requests.map(partyOf).sort(partyOrder);
  const placed: PlannedAllocation[] = [];
  const unplaced: Unplaced[] = [];
  let mobilityWithoutRoom = false;
  for (const p of parties) {
    const r = byId.get(p.requestId)!;
    const rule = p.minor ? minorRuleFor(state, r) : null;
    if (rule === 'airline_escort') {
      unplaced.push({ requestId: p.requestId, reason: 'minor_airline_escort' });
      continue;
    }
    const accessibleAllowed = !mobilityWithoutRoom;
    // Non-mobility parties try ordinary rooms first: accessible ones are the last resort.
    const whole =
      placeWhole(state, hotels, p, opts.night, false, rule === 'escort_room', avail) ??
      (p.mobility || !accessibleAllowed ? null : placeWhole(state, hotels, p, opts.night, true, rule === 'escort_room', avail));
    if (whole) {
      const transport = transportFor(state, whole.hotel, p.seats + (rule === 'escort_room' ? 1 : 0), opts.now, avail);
      const seats = p.seats + (rule === 'escort_room' ? 1 : 0);
      avail.take(whole.hotel.id, whole.rooms, transport, seats);
      placed.push({ ...planned(state, whole.hotel, opts.night, whole.rooms, p.beds, seats, false, transport), requestId: p.requestId });
      continue;
    }
    const parts = opts.allowSplit && !p.minor ? placeSplit(state, hotels, p, opts.night, accessibleAllowed, avail) : null;
    if (parts) {
      parts.forEach((part, i) => {
        // Infants travel with the first part, where their parents' cot is.
        const seats = part.people + (i === 0 ? p.seats - p.beds : 0);
        const transport = transportFor(state, part.hotel, seats, opts.now, avail);
        avail.take(part.hotel.id, part.rooms, transport, seats);
        placed.push({ ...planned(state, part.hotel, opts.night, part.rooms, part.people, seats, true, transport), requestId: p.requestId });
      });
      continue;
    }
    if (p.mobility) mobilityWithoutRoom = true;
    unplaced.push({ requestId: p.requestId, reason: p.mobility ? 'no_accessible_room' : 'no_room' });
  }
  const costCents = placed.reduce((n, a) => n + a.costCents, 0);
  const currency = placed[0]?.currency ?? state.policy.currency;
  return { night: opts.night, placed, unplaced, ...avail.snapshot(), costCents, currency };
}

/** Requests of a flight that are owed a hotel and have no room yet: who a whole-flight allocation is for. */
export function partiesWithoutRoom(state: HubState, flightId: string, nowIso: string): CareRequest[] {
  return Object.values(state.requests).filter(
    (r) => r.flightId === flightId && r.status !== 'cancelled' && activeAllocationsOf(state, r.id).length === 0 && hotelOwed(state, r, nowIso),
  );
}

/** The duty manager's preview: every party of the flight still owed a room, placed by the rules. */
export function planFlight(state: HubState, flightId: string, opts: PlanOptions): AllocationPlan {
  return planParties(state, partiesWithoutRoom(state, flightId, opts.now), opts);
}

/**
 * Parties of a flight with a mobility need and no room yet: a suggestion for anyone else keeps the
 * accessible rooms they will need.
 */
export function mobilityWithoutRoom(state: Pick<HubState, 'requests'> & HotelFacts, flightId: string): CareRequest[] {
  return Object.values(state.requests).filter(
    (o) => o.flightId === flightId && o.status !== 'cancelled' && o.needs.includes('mobility') && activeAllocationsOf(state, o.id).length === 0,
  );
}

/**
 * `mobilityWithoutRoom` for every flight at once, from the allocations index a screen already holds;
 * it reads only the requests with a mobility need (core/mobility-index.ts), not every request.
 */
export function mobilityWithoutRoomByFlight(
  requests: HubState['requests'],
  allocated: ReadonlyMap<string, readonly RoomAllocation[]>,
): Map<string, CareRequest[]> {
  const out = new Map<string, CareRequest[]>();
  for (const r of mobilityRequests(requests)) {
    if (allocated.has(r.id)) continue;
    const list = out.get(r.flightId);
    if (list) list.push(r);
    else out.set(r.flightId, [r]);
  }
  return out;
}

/**
 * The card's one-tap suggestion for one party, from the planner facts and the flight's mobility
 * parties still without a room (`mobilityWithoutRoom`): a tablet holds both apart from the rest of
 * the state, so it works a suggestion out again only when hotel data or those parties change.
 */
export function suggestForParty(
  state: PlannerFacts,
  r: CareRequest,
  waitingMobility: readonly CareRequest[],
  opts: PlanOptions,
): PlannedAllocation[] | Unplaced {
  const plan = planParties(state, [r, ...waitingMobility.filter((o) => o.id !== r.id)], opts);
  const mine = plan.placed.filter((a) => a.requestId === r.id);
  return mine.length > 0 ? mine : (plan.unplaced.find((u) => u.requestId === r.id) ?? { requestId: r.id, reason: 'no_room' });
}

/** The same suggestion read from the whole state, as the hub or a test holds it. */
export function suggestForRequest(state: HubState, requestId: string, opts: PlanOptions): PlannedAllocation[] | Unplaced {
  const r = state.requests[requestId];
  if (!r) return { requestId, reason: 'no_room' };
  return suggestForParty(state, r, mobilityWithoutRoom(state, r.flightId), opts);
}
