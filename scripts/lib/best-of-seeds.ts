/**
 * The model of k parallel searches measured on one core: the same problem solved with k seeds one
 * after another, each at the full budget, and the best that the checker accepts kept — what k
 * workers of ParallelRouteSolver (its seed sequence) would return on k free vCPUs.
 */
import type { RouteSolver } from '../../shared/ports/route-solver';
import { checkSolution } from '../../shared/routing/checker/index';
import type { VroomProblem } from '../../shared/routing/vroom-format';

/** ParallelRouteSolver's seed of search `k` (0-based) for the caller's seed 1. */
export const searchSeed = (k: number, seed = 1) => seed + k * 7919;

export interface SeedResult {
  seed: number;
  feasible: boolean;
  unassigned: number;
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
    const check = checkSolution(problem, await solver.solve(problem, { timeLimitMs: seconds * 1000, seed }));
    out.push({ seed, ...pickCheck(check) });
  }
  return out;
}

export function pickCheck(c: ReturnType<typeof checkSolution>): Omit<SeedResult, 'seed'> {
  return {
    feasible: c.feasible,
    unassigned: c.unassigned,
    cost: c.cost,
    distance: c.distance,
    routes: c.routes,
  };
}

/** Fewest left out, then the lowest cost; infeasible ones never win. */
export function better(a: Omit<SeedResult, 'seed'>, b: Omit<SeedResult, 'seed'>): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  return a.unassigned < b.unassigned || (a.unassigned === b.unassigned && a.cost < b.cost);
}

/** The best of the first k results, for k = 1 … results.length. */
export function bestOfK(results: SeedResult[]): SeedResult[] {
  const out: SeedResult[] = [];
  for (const r of results) out.push(out.length === 0 || better(r, out.at(-1)!) ? r : out.at(-1)!);
  return out;
}
