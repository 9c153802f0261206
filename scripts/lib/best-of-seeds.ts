/**
 * The model of k parallel searches measured on one core: the same problem solved with k seeds one
 * after another, each at the full budget, and the best that the checker accepts kept — what k
 * workers of ParallelRouteSolver (its seed sequence) would return on k free vCPUs.
 */
import type { RouteSolver } from '../../shared/ports/route-solver';
import { checkSolution } from '../../shared/routing/checker/index';
import type { VroomProblem, VroomSolution } from '../../shared/routing/vroom-format';

/** ParallelRouteSolver's seed of search `k` (0-based) for the caller's seed 1. */
export const searchSeed = (k: number, seed = 1) => seed + k * 7919;

export interface SeedResult {
  seed: number;
  feasible: boolean;
  /** Tasks left out as the checker counts them (a ride's pickup and drop-off: two). */
  unassigned: number;
  /** Jobs and shipments left out: requests, as the saved plan counts them. */
  leftOut: number;
  cost: number;
  distance: number;
  routes: number;
}

export async function solveSeeds(
  solver: RouteSolver,
  problem: VroomProblem,
  seconds: number,
  count: number,
): Promise<SeedResult[]> {
  const out: SeedResult[] = [];
  for (let k = 0; k < count; k++) {
    const seed = searchSeed(k);
    const solution = await solver.solve(problem, { timeLimitMs: seconds * 1000, seed });
    out.push({ seed, ...pickCheck(checkSolution(problem, solution), solution) });
  }
  return out;
}

export function pickCheck(c: ReturnType<typeof checkSolution>, s: VroomSolution): Omit<SeedResult, 'seed'> {
  return {
    feasible: c.feasible,
    unassigned: c.unassigned,
    leftOut: s.unassigned.filter((u) => u.type !== 'delivery').length,
    cost: c.cost,
    distance: c.distance,
    routes: c.routes,
  };
}

/** Fewest left out, then the lowest cost; infeasible ones never win. */
export function better(a: Omit<SeedResult, 'seed'>, b: Omit<SeedResult, 'seed'>): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  return a.leftOut < b.leftOut || (a.leftOut === b.leftOut && a.cost < b.cost);
}

/** The best of the first k results, for k = 1 … results.length. */
export function bestOfK(results: SeedResult[]): SeedResult[] {
  const out: SeedResult[] = [];
  for (const r of results) out.push(out.length === 0 || better(r, out.at(-1)!) ? r : out.at(-1)!);
  return out;
}
