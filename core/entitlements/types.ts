import type { Flight, FlightStatus } from '../model.ts';
import type { AirlineConfig, Money, Regime } from './airline-config.ts';

/** What a passenger can be owed under the care rules (not compensation, which is decided later). */
export type EntitlementKind = 'meal' | 'communication' | 'hotel' | 'transport' | 'priority_care';

/** Which rule grants it: a law, or the airline's own promise. */
export type EntitlementSource = Regime | 'airline_policy';

/**
 * Stable codes the apps turn into words (i18next key `entitlement.<kind>.<reason>`), never English.
 * - delay_threshold: the expected delay reaches the regime's threshold for this distance
 * - cancellation: the flight is cancelled (EU/UK care is owed at once)
 * - short_notice_wait: APPR, told of the delay less than 12 h before departure and 2 h waited
 * - overnight: the new departure is the next local day or later
 * - priority_passenger: EU/UK Art. 11, reduced mobility or unaccompanied child, whatever the delay
 */
export type ReasonCode = 'delay_threshold' | 'cancellation' | 'short_notice_wait' | 'overnight' | 'priority_passenger';

/** EU 261 Art. 6 distance bands; UK261 uses the same. */
export type DistanceBand = 'up_to_1500' | '1500_to_3500' | 'over_3500';

export interface ThresholdCrossed {
  /** The delay that triggers it, counted from the scheduled departure. */
  delayMinutes: number;
  distanceBand: DistanceBand | null;
  /** Both ends inside the regime's territory (e.g. intra-EU over 1500 km gets care from 3 h). */
  withinRegion: boolean;
  /** APPR: owed only when passengers were told less than this many hours before departure. */
  noticeUnderHours: number | null;
}

export interface VoucherSuggestion {
  voucherKind: 'meal' | 'hotel' | 'taxi';
  /** Per person for meals, per room-night for hotels, per trip for taxis; null when the airline set none. */
  unit: Money | null;
  quantity: number;
  total: Money | null;
}

export interface Entitlement {
  kind: EntitlementKind;
  source: EntitlementSource;
  reason: ReasonCode;
  /** Article that grants it, for staff and for a dispute: e.g. "EU 261/2004 Art. 9(1)(a)". */
  legalBasis: string;
  /**
   * When it becomes owed (ISO instant); null means owed now. EU 261 / UK261 care is owed as soon as
   * a delay at or past the threshold is expected (Art. 6(1)), so it is null there; APPR counts the wait.
   */
  from: string | null;
  /**
   * The latest moment it must be offered, or null when the rule sets none: under EU 261 / UK261
   * Art. 6(2) care is offered "in any event" within the threshold, i.e. by scheduled departure + threshold.
   */
  offerBy: string | null;
  threshold: ThresholdCrossed | null;
  /** Interpolation values for the app's sentence; times are ISO instants, formatted by the app. */
  params: Record<string, string | number>;
  voucher: VoucherSuggestion | null;
}

/** The part of a flight the rules read. */
export type EntitlementFlight = Pick<
  Flight,
  | 'distanceKm'
  | 'scheduledDeparture'
  | 'estimatedDeparture'
  | 'status'
  | 'originCountry'
  | 'destinationCountry'
  | 'originTimeZone'
  | 'delayAnnouncedAt'
  | 'disruptionCause'
>;

export interface PassengerProfile {
  /** Everyone the request covers: vouchers are per person. */
  persons: number;
  reducedMobility: boolean;
  unaccompaniedChild: boolean;
}

export interface EntitlementInput {
  flight: EntitlementFlight;
  airline: AirlineConfig;
  passenger?: PassengerProfile;
}

/**
 * What starts care under a rule: EU 261 / UK261 owe it once a delay that long is expected
 * (announced); APPR and airline policies once the passenger has waited that long.
 */
export type ThresholdBasis = 'expected_delay' | 'wait';

/** The next care threshold the delay has not reached yet: "if the delay reaches 3 h (at 18:30), meals". */
export interface NextThreshold {
  source: EntitlementSource;
  basis: ThresholdBasis;
  delayMinutes: number;
  /** ISO instant at which the wait reaches it (scheduled departure + threshold). */
  at: string;
}

export interface EntitlementAssessment {
  sources: EntitlementSource[];
  status: FlightStatus;
  delayMinutes: number;
  distanceBand: DistanceBand;
  /** New departure is the next local day or later. */
  overnight: boolean;
  /** One per kind, the earliest any rule grants; sorted by kind. */
  entitlements: Entitlement[];
  /** For a delayed flight with no meals owed yet, the earliest threshold that would bring them; else null. */
  nextThreshold: NextThreshold | null;
}

/**
 * Every i18next key the engine can produce (`entitlement.<kind>.<reason>`), so an app's catalogs
 * can be checked for completeness in every language.
 */
export const ENTITLEMENT_MESSAGE_KEYS: readonly string[] = [
  'entitlement.priority_care.priority_passenger',
  'entitlement.meal.delay_threshold',
  'entitlement.meal.cancellation',
  'entitlement.meal.short_notice_wait',
  'entitlement.meal.priority_passenger',
  'entitlement.communication.delay_threshold',
  'entitlement.communication.cancellation',
  'entitlement.communication.short_notice_wait',
  'entitlement.communication.priority_passenger',
  'entitlement.hotel.overnight',
  'entitlement.hotel.priority_passenger',
  'entitlement.transport.overnight',
  'entitlement.transport.priority_passenger',
];

/** Keys of the sentence for a delay still under every threshold (`entitlement.next.<basis>`). */
export const NEXT_THRESHOLD_MESSAGE_KEYS: readonly string[] = ['entitlement.next.expected_delay', 'entitlement.next.wait'];

export const ENTITLEMENT_KINDS: readonly EntitlementKind[] = ['priority_care', 'meal', 'communication', 'hotel', 'transport'];
