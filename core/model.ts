import type { Airport } from './airport.ts';
import { z } from 'zod';
import type { Notice } from './notice-model.ts';
import { type StockItem, Role, GateId, type Language, type Need } from './enums.ts';
import { FLIGHT_NUMBER_PATTERN, normaliseFlightNumber } from './flight-number.ts';
import type { Outlet, RedemptionConflict, Voucher } from './voucher-model.ts';
import type { Policy, PolicyChange } from './policy-model.ts';
import type { AirlineConfig } from './entitlements/airline-config.ts';
import type { PassengerList } from './passenger-list.ts';
import type { Hotel, RoomAllocation, RoomBlock, Shuttle } from './hotel-model.ts';

export type { Voucher } from './voucher-model.ts';

export { SCHEMA_VERSION } from './values.ts';

export { GateId, Language, Need, LANGUAGES, NEEDS, isLanguage } from './enums.ts';

export const StaffId = z.string().regex(/^[A-Z][0-9]{3}$/, 'a staff id looks like A101');
export type StaffId = z.infer<typeof StaffId>;

export const FlightNumber = z
  .string()
  .transform(normaliseFlightNumber)
  .pipe(z.string().regex(FLIGHT_NUMBER_PATTERN, "a flight number looks like AF1234 or AF84: the airline's two characters, then up to four digits"));

export { StockItem, Role, STOCK_ITEMS, ROLES } from './enums.ts';

export const Gate = z.object({
  id: GateId,
  terminal: z.string().min(1).max(20),
});
export type Gate = z.infer<typeof Gate>;

export const FlightStatus = z.enum(['scheduled', 'delayed', 'cancelled']);
export type FlightStatus = z.infer<typeof FlightStatus>;

/**
 * Why the flight is disrupted, in APPR's terms: outside the carrier's control (weather, air traffic
 * control...) APPR owes no food or hotel; EU 261 and UK261 owe care whatever the cause.
 */
export const DisruptionCause = z.enum(['within_control', 'safety', 'outside_control']);
export type DisruptionCause = z.infer<typeof DisruptionCause>;

/** ISO 3166-1 alpha-2, e.g. FR: the passenger-rights regime and "intra-EU" depend on countries, not airports. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'a country code is two capital letters, like FR');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** IANA time zone, e.g. Europe/Paris: "the next day" for a hotel night is the airport's local day. */
export const TimeZone = z.string().max(64).refine(isTimeZone, 'unknown time zone: use an IANA name like Europe/Paris');

export const Flight = z.object({
  /** Flight number plus scheduled date, so the same number flown daily stays distinct. */
  id: z.string().min(3).max(40),
  number: FlightNumber,
  origin: z.string().length(3),
  destination: z.string().length(3),
  destinationName: z.string().max(60),
  distanceKm: z.number().int().nonnegative().max(20000),
  gate: GateId,
  scheduledDeparture: z.iso.datetime(),
  estimatedDeparture: z.iso.datetime(),
  status: FlightStatus,
  // Optional so flights recorded before entitlements existed stay valid.
  originCountry: CountryCode.optional(),
  destinationCountry: CountryCode.optional(),
  originTimeZone: TimeZone.optional(),
  /** When passengers were told of the delay or cancellation: Canada's APPR owes care only on short notice. */
  delayAnnouncedAt: z.iso.datetime().optional(),
  /** Unknown counts as within the carrier's control, so a missing entry never costs a passenger care. */
  disruptionCause: DisruptionCause.optional(),
});
export type Flight = z.infer<typeof Flight>;

/** What every device may know about a colleague: never the PIN. */
export const StaffMember = z.object({
  id: StaffId,
  firstName: z.string().min(1).max(40),
  lastName: z.string().min(1).max(40),
  role: Role,
  gates: z.array(GateId).max(100),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const Party = z.object({
  adults: z.number().int().min(0).max(20),
  children: z.number().int().min(0).max(20),
  infants: z.number().int().min(0).max(20),
});
export type Party = z.infer<typeof Party>;

export const RequestStatus = z.enum(['received', 'claimed', 'delivered', 'cancelled']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export interface HistoryEntry {
  at: string;
  seq: number;
  action: string;
  by: string;
  /** What exactly: items handed out, the reason for a cancellation, who it was passed to. */
  detail?: string;
}

/** A free-text note a staff member leaves on a request for colleagues. */
export interface StaffNote {
  at: string;
  by: StaffId;
  byName: string;
  text: string;
}

export type ItemCounts = Partial<Record<StockItem, number>>;

/** One message of the written thread between the passenger (from their phone) and the gate's staff. */
export interface ThreadMessage {
  at: string;
  seq: number;
  from: 'passenger' | 'staff';
  /** The staff member's first name, as staff introduce themselves; null for the passenger. */
  byName: string | null;
  text: string;
}

export interface CareRequest {
  id: string;
  ticket: string;
  gate: GateId;
  flightId: string;
  flightNumber: string;
  surname: string;
  needs: Need[];
  party: Party;
  language: Language;
  /** A child travelling alone: Art. 11 priority whatever the delay. */
  unaccompaniedMinor: boolean;
  /** From the boarding pass when one was scanned: matches the passenger on the flight's list. */
  checkInSequence?: number;
  note: string;
  device: string;
  status: RequestStatus;
  createdAt: string;
  claimedBy: StaffId | null;
  claimedByName: string | null;
  claimedAt: string | null;
  deliveredAt: string | null;
  /** Stock handed out so far, over one or several (partial) deliveries. */
  handedOut: ItemCounts;
  cancelReason: string | null;
  staffNotes: StaffNote[];
  history: HistoryEntry[];
  /** The passenger ↔ staff thread, oldest first (personal data: purged). Absent on older requests. */
  thread?: ThreadMessage[];
  /**
   * Phone links of this ticket: a "lost phone" revocation bumps the generation, killing every
   * link made before it; the purge closes them for good. The links themselves never enter the state.
   */
  phoneGeneration?: number;
  phoneClosed?: boolean;
  /** The passenger's word for the team after delivery (personal data: purged). Never tied to an agent. */
  thanks?: { at: string; text: string };
  /** Requests the passenger asked for from this ticket's phone, oldest first: the phone follows them too. */
  phoneAsks?: string[];
  /** Set on a request asked for from a phone: the ticket whose link asked. */
  askedFromRequestId?: string;
}

export type Stock = Record<StockItem, number>;

export interface HubState {
  v: number;
  /** Sequence number of the last operation folded into this state. */
  seq: number;
  gates: Record<string, Gate>;
  flights: Record<string, Flight>;
  staff: Record<string, StaffMember>;
  stock: Record<string, Stock>;
  requests: Record<string, CareRequest>;
  /** Notices to passengers, every one ever published (the history), by id. */
  notices: Record<string, Notice>;
  vouchers: Record<string, Voucher>;
  policy: Policy;
  /** Care rules per airline, by IATA code. */
  airlines: Record<string, AirlineConfig>;
  /** Every policy change, oldest first: who, when and what. */
  policyLog: PolicyChange[];
  /** Places that take vouchers, by id (absent on states from before outlets). */
  outlets?: Record<string, Outlet>;
  /** Value spent twice by offline outlets, by the id of the receipt that went over (staff only). */
  redemptionConflicts?: Record<string, RedemptionConflict>;
  /** Passenger lists by flight id, staff only (personal data: purged). Absent on states from before lists. */
  passengerLists?: Record<string, PassengerList>;
  /** The airport served; absent on hubs set up before it was recorded (see airportTimeZone). */
  airport?: Airport;
  /** Hotels by id, their room blocks by blockKey, shuttle runs and room allocations by id (absent on older states: see hotel-state.ts). */
  hotels?: Record<string, Hotel>;
  roomBlocks?: Record<string, RoomBlock>;
  shuttles?: Record<string, Shuttle>;
  roomAllocations?: Record<string, RoomAllocation>;
}
