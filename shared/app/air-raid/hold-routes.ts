/**
 * The routes that fall due inside an air-raid alert without being on the road when it reached
 * their day (those of its start day that had not set off, and every route of a later day after
 * midnight): a route whose next stop is due inside the alert waits for it. Pure: the caller loads
 * the plan and the day's requests.
 *
 * For each route (but `except`, the routes the alert paused at its start), the first stop not made
 * when the alert reached the day (`entry`: its start, or the later day's local midnight) and every
 * stop after it move later so that this stop is planned at `until` (whole
 * minutes); a route whose next stop is due after `until` is left as it is. The rule reads the plan
 * as it stands, so running it every minute moves each route only by what is new.
 */
import type { Plan, PlanRoute } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { stopsMade } from './routes-under-way';

export interface HeldRoutes {
  routes: PlanRoute[];
  /** Stops moved by this run. */
  moved: number;
  /** The most minutes one route moved by in this run. */
  minutes: number;
  /** The minutes each route moved by in this run, by vehicle (routes not moved are absent). */
  byVehicle: Record<string, number>;
}

export function holdRoutes(
  plan: Plan,
  requests: ServiceRequest[],
  entry: Date,
  until: Date,
  except: ReadonlySet<string> = new Set(),
): HeldRoutes {
  const byId = new Map(requests.map((r) => [r.id, r]));
  let moved = 0;
  let most = 0;
  const byVehicle: Record<string, number> = {};
  const routes = plan.routes.map((route) => {
    if (except.has(route.vehicleId)) return route;
    const made = stopsMade(route, byId, entry);
    const next = route.stops[made];
    if (!next) return route;
    const minutes = Math.floor((until.getTime() - Date.parse(next.arrival)) / 60_000);
    if (minutes <= 0) return route;
    const later = (iso: string) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
    most = Math.max(most, minutes);
    byVehicle[route.vehicleId] = minutes;
    const stops = route.stops.map((stop, i) => {
      if (i < made) return stop;
      moved++;
      return { ...stop, arrival: later(stop.arrival), departure: later(stop.departure) };
    });
    return { ...route, stops };
  });
  return { routes, moved, minutes: most, byVehicle };
}
