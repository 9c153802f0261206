/**
 * Which routes of a published plan are under way at an instant, and which of their stops are
 * not yet made. Pure: the caller loads the plan and the day's requests.
 *
 * A stop counts as made (as day-under-way.ts counts it) when its request is done, no-show or
 * cancelled, or a pickup whose rider is on board, or its planned departure is at or before `at`;
 * and every stop before it too. A route is under way when some stop is not yet made and its first
 * stop is planned no later than ON_ROAD_LEAD_MINUTES after `at` (the driver has set off).
 */
import type { Plan, PlanRoute } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';

export const ON_ROAD_LEAD_MINUTES = 30;

const FINISHED: ReadonlySet<ServiceRequest['status']> = new Set(['done', 'no-show', 'cancelled']);

/** How many stops at the head of the route are made at `at`. */
export function stopsMade(route: PlanRoute, requests: ReadonlyMap<string, ServiceRequest>, at: Date): number {
  let made = 0;
  for (const stop of route.stops) {
    const status = requests.get(stop.requestId)?.status;
    const finished =
      (status !== undefined && FINISHED.has(status)) ||
      (stop.kind === 'pickup' && status === 'on-board') ||
      Date.parse(stop.departure) <= at.getTime();
    if (!finished) break;
    made++;
  }
  return made;
}

/** The routes on the road at `at`. */
export function routesUnderWay(plan: Plan, requests: ServiceRequest[], at: Date): PlanRoute[] {
  if (plan.status !== 'published') return [];
  const byId = new Map(requests.map((r) => [r.id, r]));
  const lead = at.getTime() + ON_ROAD_LEAD_MINUTES * 60_000;
  return plan.routes.filter((route) => {
    const first = route.stops[0];
    if (!first || Date.parse(first.arrival) > lead) return false;
    return stopsMade(route, byId, at) < route.stops.length;
  });
}

/**
 * The routes with every stop not made at `at` moved `minutes` later (the made ones stay); the
 * number of stops moved.
 */
export function shiftRoutes(
  plan: Plan,
  vehicleIds: ReadonlySet<string>,
  requests: ServiceRequest[],
  at: Date,
  minutes: number,
): { routes: PlanRoute[]; moved: number } {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const later = (iso: string) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
  let moved = 0;
  const routes = plan.routes.map((route) => {
    if (!vehicleIds.has(route.vehicleId)) return route;
    const made = stopsMade(route, byId, at);
    const stops = route.stops.map((stop, i) => {
      if (i < made) return stop;
      moved++;
      return { ...stop, arrival: later(stop.arrival), departure: later(stop.departure) };
    });
    return { ...route, stops };
  });
  return { routes, moved };
}
