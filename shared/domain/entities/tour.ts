import { z } from 'zod';
import {
  geoPointSchema,
  idSchema,
  isoInstantSchema,
  localDateSchema,
  localTimeSchema,
  nameSchema,
  storedFields,
} from '../common';

/**
 * A provider's tour: one vehicle (a regional brigade's car) over several working days across the
 * hromady that agreed to its service. It leaves its home depot on the first day, spends each night
 * at one of the tour's allowed overnight places and comes back on the last day. Its own partition
 * (`TOUR#<id>`): it belongs to the provider, not to one hromada; `hromadaId` is the provider's home
 * hromada (its registry, its audit). Each hromada reads only its own visits on it.
 */
/** The longest tour planning budget a request or a provider may set (the jobs function's timeout fits it). */
export const TOUR_SECONDS_MAX = 600;

const placeSchema = z.strictObject({ id: idSchema, name: nameSchema, location: geoPointSchema });
export type TourPlace = z.infer<typeof placeSchema>;

const daySchema = z
  .strictObject({ date: localDateSchema, start: localTimeSchema, end: localTimeSchema })
  .refine((d) => d.start < d.end, { message: 'the working day must end after it starts', path: ['end'] });

export const tourCreateSchema = z
  .strictObject({
    /** The hromada whose registry holds the provider. */
    providerHromadaId: idSchema,
    name: nameSchema,
    vehicle: z.strictObject({ name: nameSchema, plate: nameSchema.optional() }),
    depot: placeSchema,
    /** Where the brigade may spend a night (a hotel, a hromada's guest room…): a few places. */
    overnightPlaces: z.array(placeSchema).min(1).max(6),
    /** The working days, in order, each with its hours (local time). */
    days: z.array(daySchema).min(1).max(10),
    /**
     * The planner's budget for the whole tour, seconds (a background job, like a day's plan);
     * absent: the provider's `tourSeconds`, else TOUR_SECONDS_DEFAULT.
     */
    seconds: z.number().int().min(1).max(TOUR_SECONDS_MAX).optional(),
  })
  .refine((t) => t.days.every((d, i) => i === 0 || (t.days[i - 1]?.date ?? '') < d.date), {
    message: 'days must be distinct and in date order',
    path: ['days'],
  })
  .refine(
    (t) => new Set([t.depot.id, ...t.overnightPlaces.map((p) => p.id)]).size === t.overnightPlaces.length + 1,
    {
      message: 'place ids must be distinct',
      path: ['overnightPlaces'],
    },
  );
export type TourCreate = z.output<typeof tourCreateSchema>;

const stopSchema = z.object({
  visitId: idSchema,
  hromadaId: idSchema,
  arrival: localTimeSchema,
  departure: localTimeSchema,
});
export type TourStop = z.infer<typeof stopSchema>;

export const tourSchema = z.object({
  ...storedFields,
  providerId: idSchema,
  name: nameSchema,
  vehicle: z.object({ name: nameSchema, plate: nameSchema.optional() }),
  depot: placeSchema,
  overnightPlaces: z.array(placeSchema),
  /** The hromady with a visit on the tour (served or not). */
  hromadaIds: z.array(idSchema),
  days: z.array(
    z.object({
      date: localDateSchema,
      start: localTimeSchema,
      end: localTimeSchema,
      /** Where the day starts and ends: the depot's or an overnight place's id. */
      from: idSchema,
      to: idSchema,
      leave: localTimeSchema.optional(),
      arrive: localTimeSchema.optional(),
      stops: z.array(stopSchema),
    }),
  ),
  unassigned: z.array(z.object({ visitId: idSchema, hromadaId: idSchema, reason: z.string() })),
  drivingMinutes: z.number().int().nonnegative(),
  km: z.number().nonnegative(),
  /** Cancelled by the provider: its visits went back to unplanned (RT11). */
  cancelled: z
    .object({ at: isoInstantSchema, by: z.string().min(1), reason: z.string().optional() })
    .optional(),
});
export type Tour = z.infer<typeof tourSchema>;
