/*
 * Plain value lists of the hotel module, without zod: the kiosk and the phone read them through
 * core/plain.ts, and the zod enums in hotel-model.ts are built from them.
 */

export const ROOM_TYPES = ['single', 'double', 'family', 'accessible'] as const;
export type RoomType = (typeof ROOM_TYPES)[number];

/** Beds per room type. Infants sleep in a cot in their parents' room, so they need no bed. */
export const ROOM_BEDS: Readonly<Record<RoomType, number>> = { single: 1, double: 2, family: 4, accessible: 2 };

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];

export const HOTEL_TRANSPORTS = ['shuttle', 'taxi'] as const;
export type HotelTransport = (typeof HOTEL_TRANSPORTS)[number];

/** What became of a room allocation: only `allocated` and `checked_in` hold a room. */
export const ALLOCATION_STATUSES = ['allocated', 'checked_in', 'released', 'no_show'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/**
 * What an airline does with an unaccompanied minor who must stay overnight: a room with a second
 * room for the escort next door (`escort_room`), or the airline's own staff take charge and the
 * hotel planner leaves the child to them (`airline_escort`).
 */
export const MINOR_RULES = ['escort_room', 'airline_escort'] as const;
export type MinorRule = (typeof MINOR_RULES)[number];
