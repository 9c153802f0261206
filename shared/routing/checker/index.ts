/**
 * Independent solution checker: recomputes a VroomSolution from scratch, using only the problem's
 * matrices, and lists every constraint it breaks. It shares nothing with the engine but the contract.
 *
 * Violation strings start with a kind in brackets, e.g. `[time_window] vehicle 3 step 4 pickup 12: ...`.
 * Kinds: code, summary, route, duplicate_route, unknown_vehicle, unknown_task, duplicate_task,
 * unassigned, start, end, location, travel, setup, service, waiting, time_window, shift, capacity, load,
 * skills, precedence, max_ride_time, exclusive, max_tasks, max_travel_time, max_distance, max_duration,
 * break, vehicle_lock, done_steps, locked_steps, cost, duration, distance, matrix, violations, zone.
 *
 * Declared violations: a route under way — it starts with a passenger on board (pickup done,
 * delivery not) or with a frozen head (`locked_steps`) — may break a window (a break's too), the
 * shift, a ride time or a route limit, when it says so in VROOM's `violations` (on the step:
 * `delay`, `lead_time`, `max_ride_time`; on the route: `max_tasks`, `max_travel_time`,
 * `max_distance`, `max_duration`). Those are counted in `waived`, not listed; any other route that
 * declares violations is itself a violation.
 *
 * Schedule model: travel from the previous located step to the next; a break happens at the previous
 * location unless the break step names another location_index (then the travel is charged before it).
 * Service start = arrival + waiting_time (must lie in a task window and in the shift); departure =
 * `departure` when given (≥ arrival + waiting + setup + service), else that sum. Setup is due only when
 * the location changes. Done steps (`done: true`) must repeat the vehicle's `done_steps` in order before
 * any other task; they are neither scheduled nor costed.
 *
 * Layout: one file per constraint family (structure, times, breaks, capacity, shipments, exclusive,
 * skills-and-locks, limits, declared-violations, totals), applied step by step by route.ts; this
 * file only puts them together. It imports nothing from the engine.
 */
import type { VroomProblem, VroomSolution } from '../vroom-format';
import { indexProblem } from './problem-index';
import { checkRoute } from './route';
import { checkNothingOnBoard } from './shipments';
import { checkSummary, checkUnassigned, noTotals } from './totals';
import { Violations } from './violations';
import { checkZones, type ZoneCheck } from './zones';

export { violationKind } from './violations';

export interface CheckResult {
  feasible: boolean;
  violations: string[];
  /** Recomputed total cost (fixed + travel). */
  cost: number;
  /** Recomputed total distance (0 when the matrices have no distances). */
  distance: number;
  /** Recomputed total travel time. */
  duration: number;
  /** Routes with at least one (not done) task. */
  routes: number;
  /** Task steps neither served nor done (VROOM counting: an unassigned shipment counts twice). */
  unassigned: number;
  /** Broken limits declared by routes that carry a passenger on board (see above). */
  waived: number;
}

/** What the VROOM format cannot carry: danger zones and where each location is (zones.ts). */
export interface CheckContext {
  zones?: ZoneCheck;
}

export type { ZoneCheck } from './zones';

export function checkSolution(
  problem: VroomProblem,
  solution: VroomSolution,
  context: CheckContext = {},
): CheckResult {
  const out = new Violations();
  const index = indexProblem(problem, out);
  if (solution.code !== 0)
    out.add('code', `solution code ${solution.code}${solution.error ? `: ${solution.error}` : ''}`);
  const totals = noTotals();
  const routeVehicles = new Set<number>();
  for (const route of solution.routes ?? []) {
    const vid = route.vehicle;
    const veh = index.vehicles.get(vid);
    if (!veh) {
      out.add('unknown_vehicle', `route for unknown vehicle ${vid}`);
      continue;
    }
    if (routeVehicles.has(vid)) {
      out.add('duplicate_route', `vehicle ${vid} has more than one route`);
      continue;
    }
    routeVehicles.add(vid);
    checkRoute(problem, index, veh, route, out, totals);
  }
  // vehicles without a route but with obligations
  for (const veh of problem.vehicles) {
    if (routeVehicles.has(veh.id)) continue;
    if ((veh.locked_steps ?? []).length > 0)
      out.add('locked_steps', `vehicle ${veh.id}: has locked_steps but no route`);
    checkNothingOnBoard(problem, index, veh, (kind, msg) => out.add(kind, msg));
  }
  if (context.zones) checkZones(problem, solution, context.zones, out);
  const unassigned = checkUnassigned(solution, index, out);
  checkSummary(problem, solution, totals, out);
  return {
    feasible: out.list.length === 0,
    violations: out.list,
    cost: totals.cost,
    distance: totals.distance,
    duration: totals.duration,
    routes: totals.usedRoutes,
    unassigned,
    waived: out.waived,
  };
}
