import { z } from 'zod';
import {
  addressSchema,
  geoPointSchema,
  idSchema,
  isoInstantSchema,
  localDateSchema,
  localTimeSchema,
  nameSchema,
  storedFields,
  textSchema,
} from '../common';

/**
 * A visit of a provider's brigade to one of a hromada's residents (or a settlement), to be put on
 * the provider's multi-day tour. Kept in the hromada's partition: it is the hromada's data, and a
 * dispatcher of another hromada never reads it. Once a tour is planned, the visit carries where it
 * is on it (`planned`).
 */
export const tourVisitFields = {
  providerId: idSchema,
  residentId: idSchema.optional(),
  settlementId: idSchema,
  /** Street and house; absent: the settlement itself (e.g. the starosta's office). */
  address: addressSchema.optional(),
  /** Local date of the visit: it is served on this date only. */
  date: localDateSchema,
  /** When the brigade may start, local time. */
  from: localTimeSchema,
  to: localTimeSchema,
  durationMinutes: z.number().int().min(5).max(480),
  /** A confidential visit: nobody else in the car; address and person masked for others. */
  confidential: z.boolean().default(true),
  /** Short purpose for the brigade, e.g. `оцінка потреб`. */
  purpose: textSchema(2, 80).optional(),
  /** Where it is served, when neither the resident's home nor the settlement has a point. */
  location: geoPointSchema.optional(),
  /** Set with `location` when the point is not the place itself (e.g. the hromada centre). */
  locationNote: textSchema(1, 160).optional(),
};

export const tourVisitCreateSchema = z
  .strictObject({ id: idSchema.optional(), ...tourVisitFields })
  .refine((v) => v.from < v.to, { message: 'the window must end after it starts', path: ['to'] });
export type TourVisitCreate = z.output<typeof tourVisitCreateSchema>;

export const tourVisitSchema = z.object({
  ...storedFields,
  ...tourVisitFields,
  /** Where it is served: the point given, else the resident's home, else the settlement's point. */
  location: geoPointSchema,
  residentName: nameSchema.optional(),
  settlementName: nameSchema,
  /** Where it is on a planned tour. */
  planned: z
    .object({ tourId: idSchema, date: localDateSchema, arrival: localTimeSchema, departure: localTimeSchema })
    .optional(),
  /** Cancelled by its hromada (RT12): never planned again, taken off its tour. */
  cancelled: z
    .object({ at: isoInstantSchema, by: z.string().min(1), reason: z.string().optional() })
    .optional(),
});
export type TourVisit = z.infer<typeof tourVisitSchema>;
