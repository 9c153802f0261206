/**
 * The day's plan as the API answers it (GET and every change): each route says whether its vehicle
 * is in service, each stop whether it is locked, and a vehicle out of service for the day is listed
 * as an empty route with `inService: false`, so the board can show it and put it back. Pure.
 */
import { z } from 'zod';
import { type Plan, planSchema } from '../../../domain/entities/plan';

const stored = planSchema.shape.routes.element;
const stopView = stored.shape.stops.element.extend({ locked: z.boolean() });
const routeView = stored.extend({
  stops: z.array(stopView),
  /** false: the dispatcher took this vehicle out of service for the day (its route is empty). */
  inService: z.boolean(),
});

export const planViewSchema = planSchema.extend({ routes: z.array(routeView) });
export type PlanView = z.infer<typeof planViewSchema>;

export function planView(plan: Plan): PlanView {
  const out = plan.outOfService ?? [];
  const routes = plan.routes
    .filter((r) => !out.includes(r.vehicleId))
    .map((r) => ({
      ...r,
      stops: r.stops.map((s) => ({ ...s, locked: s.locked ?? false })),
      inService: true,
    }));
  const benched = out.map((vehicleId) => ({
    vehicleId,
    stops: [],
    distanceM: 0,
    durationS: 0,
    inService: false,
  }));
  return { ...plan, routes: [...routes, ...benched] };
}
