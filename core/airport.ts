import { z } from 'zod';
import { TimeZone } from './model.ts';

/** The airport the hub serves: its time zone is the one clock every screen, CSV and report uses. */
export const AirportPayload = z
  .object({
    code: z.string().regex(/^[A-Z]{3}$/, 'an airport code is three capital letters, like CDG'),
    timeZone: TimeZone,
  })
  .strict();
export type Airport = z.infer<typeof AirportPayload>;

export { airportTimeZone } from './airport-zone.ts';
