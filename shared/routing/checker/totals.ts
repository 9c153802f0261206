/**
 * Totals: each route's cost (fixed + travel, from the matrices and the vehicle's costs), duration,
 * distance, setup, service and waiting as reported; the summary as the sum of the routes; every task
 * served once or listed as unassigned, never both.
 */
import type { VroomProblem, VroomRoute, VroomSolution } from '../vroom-format';
import { close, fmt, key } from './numbers';
import type { ProblemIndex } from './problem-index';
import type { RouteState } from './route-state';
import type { Violations } from './violations';

export interface SolutionTotals {
  cost: number;
  distance: number;
  duration: number;
  setup: number;
  service: number;
  waiting: number;
  usedRoutes: number;
}

export const noTotals = (): SolutionTotals => ({
  cost: 0,
  distance: 0,
  duration: 0,
  setup: 0,
  service: 0,
  waiting: 0,
  usedRoutes: 0,
});

/** Checks the route's reported totals against the walk and adds them to the solution's. */
export function checkRouteTotals(w: RouteState, route: VroomRoute, totals: SolutionTotals): void {
  const { veh, matrix, where, report } = w;
  const used = w.taskCount > 0;
  const costs = veh.costs ?? {};
  const travelCost = matrix.costs
    ? w.cumCost
    : ((costs.per_hour ?? 3600) / 3600) * w.cumDuration + ((costs.per_km ?? 0) / 1000) * w.cumDistance;
  const routeCost = (used ? (costs.fixed ?? 0) : 0) + travelCost;
  if (!close(route.cost ?? 0, routeCost))
    report('cost', `${where}: route cost ${fmt(route.cost)} != ${fmt(routeCost)}`);
  if (!close(route.duration ?? 0, w.cumDuration)) {
    report('duration', `${where}: route duration ${fmt(route.duration)} != travel ${fmt(w.cumDuration)}`);
  }
  if (matrix.distances && route.distance !== undefined && !close(route.distance, w.cumDistance)) {
    report('distance', `${where}: route distance ${fmt(route.distance)} != ${fmt(w.cumDistance)}`);
  }
  if (route.setup !== undefined && !close(route.setup, w.setupSum))
    report('route', `${where}: route setup ${route.setup} != ${w.setupSum}`);
  if (route.service !== undefined && !close(route.service, w.serviceSum)) {
    report('route', `${where}: route service ${route.service} != ${w.serviceSum}`);
  }
  if (route.waiting_time !== undefined && !close(route.waiting_time, w.waitingSum)) {
    report('route', `${where}: route waiting_time ${fmt(route.waiting_time)} != ${fmt(w.waitingSum)}`);
  }
  totals.cost += routeCost;
  totals.distance += w.cumDistance;
  totals.duration += w.cumDuration;
  totals.setup += w.setupSum;
  totals.service += w.serviceSum;
  totals.waiting += w.waitingSum;
  if (used) totals.usedRoutes++;
}

/** Each task served at most once; `unassigned` lists exactly the rest. Returns the unassigned count. */
export function checkUnassigned(solution: VroomSolution, index: ProblemIndex, out: Violations): number {
  const { tasks, servedBy } = index;
  const unassignedSeen = new Set<string>();
  for (const u of solution.unassigned ?? []) {
    const k = key(u.type, u.id);
    if (!tasks.has(k)) out.add('unknown_task', `unassigned lists unknown ${u.type} ${u.id}`);
    else if (servedBy.has(k)) out.add('unassigned', `unassigned lists ${u.type} ${u.id} but it is served`);
    if (unassignedSeen.has(k)) out.add('unassigned', `unassigned lists ${u.type} ${u.id} twice`);
    unassignedSeen.add(k);
  }
  let unassigned = 0;
  for (const [k, t] of tasks) {
    if (servedBy.has(k)) continue;
    unassigned++;
    if (!unassignedSeen.has(k))
      out.add('unassigned', `${t.type} ${t.id} neither served nor listed as unassigned`);
  }
  return unassigned;
}

export function checkSummary(
  problem: VroomProblem,
  solution: VroomSolution,
  totals: SolutionTotals,
  out: Violations,
): void {
  const sum = solution.summary;
  if (!sum) {
    out.add('summary', 'no summary');
    return;
  }
  if (!close(sum.cost, totals.cost)) out.add('cost', `summary cost ${fmt(sum.cost)} != ${fmt(totals.cost)}`);
  if (sum.routes !== (solution.routes ?? []).length) {
    out.add('summary', `summary routes ${sum.routes} != ${(solution.routes ?? []).length} routes`);
  }
  if (sum.unassigned !== (solution.unassigned ?? []).length) {
    out.add(
      'summary',
      `summary unassigned ${sum.unassigned} != ${(solution.unassigned ?? []).length} listed`,
    );
  }
  if (!close(sum.duration ?? 0, totals.duration)) {
    out.add('duration', `summary duration ${fmt(sum.duration)} != ${fmt(totals.duration)}`);
  }
  if (sum.distance !== undefined && Object.values(problem.matrices).some((m) => m.distances)) {
    if (!close(sum.distance, totals.distance))
      out.add('distance', `summary distance ${fmt(sum.distance)} != ${fmt(totals.distance)}`);
  }
  if (sum.setup !== undefined && !close(sum.setup, totals.setup))
    out.add('summary', `summary setup ${sum.setup} != ${totals.setup}`);
  if (sum.service !== undefined && !close(sum.service, totals.service)) {
    out.add('summary', `summary service ${sum.service} != ${totals.service}`);
  }
  if (sum.waiting_time !== undefined && !close(sum.waiting_time, totals.waiting)) {
    out.add('summary', `summary waiting_time ${fmt(sum.waiting_time)} != ${fmt(totals.waiting)}`);
  }
}
