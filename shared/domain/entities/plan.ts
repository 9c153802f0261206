import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, storedFields } from '../common';

/** One stop of a vehicle's route: arrival = when service starts there (UTC). */
export const planStopSchema = z.object({
  requestId: idSchema,
  kind: z.enum(['pickup', 'dropoff', 'visit']),
  arrival: isoInstantSchema,
  departure: isoInstantSchema,
});

export const planRouteSchema = z.object({
  vehicleId: idSchema,
  driverId: idSchema.optional(),
  stops: z.array(planStopSchema),
  distanceM: z.number().min(0),
  durationS: z.number().min(0),
});
export type PlanRoute = z.infer<typeof planRouteSchema>;

/** The plan of one day; each re-plan writes a new version (optimistic locking). */
export const planSchema = z.object({
  ...storedFields,
  date: localDateSchema,
  routes: z.array(planRouteSchema),
  unassigned: z.array(z.object({ requestId: idSchema, reason: z.string() })),
  status: z.enum(['draft', 'published']),
  /** When the drivers were sent their routes (the last publish). */
  publishedAt: isoInstantSchema.optional(),
});
export type Plan = z.infer<typeof planSchema>;
