import { z } from 'zod';
import { CABINS } from './passenger-list.ts';

/** A list is one flight: the largest aircraft carry under 900. */
export const MAX_LISTED_PASSENGERS = 1000;

const SSR_CODE = /^[A-Z]{4}$/;

/** The stored form, as the passengers.import operation carries it (already normalised). */
export const ListedPassengerSchema = z
  .object({
    surname: z.string().trim().min(1, 'surname is required').max(40, 'a surname is at most 40 characters'),
    givenName: z.string().trim().max(40, 'a given name is at most 40 characters'),
    bookingRef: z.string().regex(/^([A-Z0-9]{5,7})?$/, 'a booking reference is 5 to 7 letters or digits'),
    cabin: z.enum(CABINS),
    seat: z.string().regex(/^(\d{1,3}[A-L])?$/, 'a seat looks like 23A'),
    sequence: z.number().int().min(1).max(99999),
    ssr: z.array(z.string().regex(SSR_CODE, 'a special-service code is four letters such as WCHR')).max(10),
  })
  .strict();
