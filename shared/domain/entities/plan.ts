import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, storedFields } from '../common';
import { e164Schema } from '../phone';

/** One stop of a vehicle's route: arrival = when service starts there (UTC). */
export const planStopSchema = z.object({
  requestId: idSchema,
  kind: z.enum(['pickup', 'dropoff', 'visit']),
  arrival: isoInstantSchema,
  departure: isoInstantSchema,
  /** Kept on its vehicle, in its order among the vehicle's locked stops, when the day is re-planned. */
  locked: z.boolean().optional(),
});

export const planRouteSchema = z.object({
  vehicleId: idSchema,
  driverId: idSchema.optional(),
  stops: z.array(planStopSchema),
  distanceM: z.number().min(0),
  durationS: z.number().min(0),
});
export type PlanRoute = z.infer<typeof planRouteSchema>;

/**
 * Where the plan's travel times came from, so that the dispatcher knows: cells the routing
 * service could not give were estimated offline (straight line × detour at an average speed).
 */
export const planTravelTimesSchema = z.object({
  source: z.enum(['offline', 'ors']),
  /** Cells (point pairs) filled with the offline estimate although the service was asked. */
  estimatedCells: z.number().int().min(0),
  /** Matrix requests made to the service for this plan (0: all from the cache). */
  calls: z.number().int().min(0),
  /** Cells read from the travel-times cache. */
  cachedCells: z.number().int().min(0),
});
export type PlanTravelTimes = z.infer<typeof planTravelTimesSchema>;

/** The plan of one day; each re-plan writes a new version (optimistic locking). */
export const planSchema = z.object({
  ...storedFields,
  date: localDateSchema,
  routes: z.array(planRouteSchema),
  unassigned: z.array(z.object({ requestId: idSchema, reason: z.string() })),
  status: z.enum(['draft', 'published']),
  /** When the drivers were sent their routes (the last publish). */
  publishedAt: isoInstantSchema.optional(),
  /** The travel times of the last full planning (absent: the day had nothing to route). */
  travelTimes: planTravelTimesSchema.optional(),
  /**
   * What each vehicle's driver was last sent, by vehicle id: the phone and a digest of the route
   * text. A publish sends only routes whose text or driver changed, and tells a driver whose route
   * was taken away. Carried across re-plans.
   */
  sent: z.record(idSchema, z.object({ to: e164Schema, digest: z.string().min(1).max(64) })).optional(),
  /** Vehicles the dispatcher took out of service for this day: re-planning leaves them out. */
  outOfService: z.array(idSchema).optional(),
});
export type Plan = z.infer<typeof planSchema>;
