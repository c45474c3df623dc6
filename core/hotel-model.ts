import { z } from 'zod';
import { ALLOCATION_STATUSES, HOTEL_TRANSPORTS, MEALS, MINOR_RULES, ROOM_TYPES } from './hotel-values.ts';
import type {
  AllocationStatus as AllocationStatusValue,
  HotelTransport as HotelTransportValue,
  Meal as MealValue,
  RoomType as RoomTypeValue,
} from './hotel-values.ts';
import { Currency } from './policy-model.ts';

export const RoomType = z.enum(ROOM_TYPES);
export const Meal = z.enum(MEALS);
export const HotelTransport = z.enum(HOTEL_TRANSPORTS);
export const AllocationStatus = z.enum(ALLOCATION_STATUSES);
export const MinorRule = z.enum(MINOR_RULES);
export type RoomType = RoomTypeValue;
export type Meal = MealValue;
export type HotelTransport = HotelTransportValue;
export type AllocationStatus = AllocationStatusValue;
export type MinorRule = z.infer<typeof MinorRule>;

const Uuid = z.uuid({ message: 'must be a UUID' });
export const HotelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a hotel id is up to 40 lowercase letters, digits and dashes, like ibis-cdg');
/** The calendar day a night starts on, at the airport. */
export const Night = z.iso.date({ message: 'a night is a date like 2026-12-01' });
const Text = (what: string, max: number) => z.string().trim().min(1, `${what} is required`).max(max, `${what} is at most ${max} characters`);

/** A hotel the duty manager works with: what passengers are told, and how they get there. */
export const HotelPayload = z
  .object({
    id: HotelId,
    name: Text('a hotel name', 80),
    address: Text('an address', 200),
    distanceKm: z.number().min(0, 'a distance cannot be negative').max(200, 'a hotel is at most 200 km away'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{6,30}$/, 'a phone number has 6 to 30 digits, spaces, dashes or brackets, like +33 1 49 19 19 19'),
    /** When the check-in desk is open, as the hotel words it ("24 h", "06:00–23:30"). */
    deskHours: Text('desk hours', 60),
    transport: HotelTransport,
    /** Where passengers wait for the shuttle or the taxi at the airport. */
    pickupPoint: Text('a pickup point', 120),
    meals: z
      .array(Meal)
      .max(MEALS.length)
      .refine((m) => new Set(m).size === m.length, 'each meal is listed once'),
  })
  .strict();
export interface Hotel {
  id: string;
  name: string;
  address: string;
  distanceKm: number;
  phone: string;
  deskHours: string;
  transport: HotelTransportValue;
  pickupPoint: string;
  meals: MealValue[];
}

/** How many rooms of one type a hotel holds for the airport on one night, at what rate. */
export const RoomBlockPayload = z
  .object({
    hotelId: HotelId,
    night: Night,
    type: RoomType,
    count: z.number().int('rooms are counted whole').min(0, 'a count cannot be negative').max(2000, 'a block is at most 2000 rooms'),
    rateCents: z.number().int().min(0, 'a rate cannot be negative').max(1_000_000, 'a rate is at most 10000.00 a night'),
    currency: Currency,
  })
  .strict();
export type RoomBlock = z.infer<typeof RoomBlockPayload>;

/** One shuttle run from the airport to a hotel. */
export const ShuttlePayload = z
  .object({
    shuttleId: Uuid,
    hotelId: HotelId,
    departsAt: z.iso.datetime({ message: 'a shuttle departure is an ISO date-time' }),
    seats: z.number().int('seats are counted whole').min(1, 'a shuttle has at least one seat').max(100, 'a shuttle has at most 100 seats'),
  })
  .strict();
export interface Shuttle {
  id: string;
  hotelId: string;
  departsAt: string;
  seats: number;
}

export const TransportChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shuttle'), shuttleId: Uuid }).strict(),
  z.object({ kind: z.literal('taxi') }).strict(),
]);
export type TransportChoice = z.infer<typeof TransportChoice>;

const RoomsPayload = z
  .object({
    hotelId: HotelId,
    night: Night,
    rooms: z.array(RoomType).min(1, 'allocate at least one room').max(20, 'a party gets at most 20 rooms'),
    transport: TransportChoice,
    /** Beds this allocation covers; without it, the rest of the party. */
    people: z.number().int().min(1).max(60).optional(),
    /** Only when true may an allocation cover part of a party (the rest elsewhere). */
    split: z.boolean().optional(),
  })
  .strict();

export const RoomAllocatePayload = RoomsPayload.extend({ allocationId: Uuid, requestId: Uuid }).strict();
export const RoomMovePayload = RoomsPayload.extend({ allocationId: Uuid, newAllocationId: Uuid }).strict();
export const RoomReleasePayload = z
  .object({
    allocationId: Uuid,
    /** `no_show`: the party never came to the hotel; either way the rooms and seats are free again. */
    outcome: z.enum(['released', 'no_show']),
  })
  .strict();
export const RoomCheckInPayload = z.object({ allocationId: Uuid }).strict();

export interface RoomAllocation {
  id: string;
  requestId: string;
  flightId: string;
  hotelId: string;
  night: string;
  rooms: RoomTypeValue[];
  /** Beds covered (adults and children; infants sleep in a cot). */
  people: number;
  /** Seats taken in the shuttle or taxi (infants included). */
  seats: number;
  transport: TransportChoice;
  /** Sum of the rooms' rates for the night, fixed when allocated: what the hotel bills. */
  costCents: number;
  currency: string;
  status: AllocationStatusValue;
  allocatedAt: string;
  allocatedBy: string;
  allocatedByName: string;
  /** When the status last changed (check-in, release, no-show). */
  changedAt: string | null;
}
