import type { RouteSolveOptions, RouteSolver } from '../../ports/route-solver';
import { checkSolution } from '../../routing/checker/index';
import type { SolveProgress, VroomProblem, VroomSolution } from '../../routing/vroom-format';
import { WorkerThreadRouteSolver } from './worker-thread-route-solver';

/**
 * Runs `count` independent searches of the same problem at once, each on its own solver (a worker
 * thread, so each on its own core) with its own seed — the first with the caller's seed, so one
 * search is exactly the single solver — and keeps the best solution the independent checker
 * accepts (fewest tasks left out, then the lowest recomputed cost). Progress is the best of all
 * searches so far, reported when it improves. An abort reaches every search; each returns its
 * best so far. When the checker accepts none, the first search's solution is returned, and the
 * caller's own check refuses it as it would refuse a single search's.
 */
export class ParallelRouteSolver implements RouteSolver {
  private readonly solvers: RouteSolver[];

  constructor(
    readonly count: number,
    makeSolver: () => RouteSolver = () => new WorkerThreadRouteSolver(),
  ) {
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`workers must be a whole number ≥ 1: ${count}`);
    this.solvers = Array.from({ length: count }, makeSolver);
  }

  async solve(problem: VroomProblem, options: RouteSolveOptions): Promise<VroomSolution> {
    const seed = options.seed ?? 1;
    const progress = options.onProgress ? mergedProgress(options.onProgress) : undefined;
    const settled = await Promise.allSettled(
      this.solvers.map((solver, k) =>
        solver.solve(problem, {
          ...options,
          seed: seed + k * 7919,
          ...(progress ? { onProgress: progress } : {}),
        }),
      ),
    );
    const solved = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (solved.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
    return bestChecked(problem, solved) ?? solved[0]!;
  }

  /** Stops the solvers' idle workers (tests; the process's exit ends them anyway). */
  async close(): Promise<void> {
    await Promise.all(this.solvers.map((s) => (s as { close?: () => Promise<void> }).close?.()));
  }
}

/** The checker's verdict on each solution; the best feasible one, or none. */
export function bestChecked(problem: VroomProblem, solutions: VroomSolution[]): VroomSolution | undefined {
  let best: { solution: VroomSolution; unassigned: number; cost: number } | undefined;
  for (const solution of solutions) {
    const check = checkSolution(problem, solution);
    if (!check.feasible) continue;
    const better =
      !best ||
      check.unassigned < best.unassigned ||
      (check.unassigned === best.unassigned && check.cost < best.cost);
    if (better) best = { solution, unassigned: check.unassigned, cost: check.cost };
  }
  return best?.solution;
}

/**
 * The searches' progress as one: the best cost of any, reported when it improves, with an elapsed
 * time that never goes back (the job's progress writer takes a step back for a second solve).
 */
function mergedProgress(report: (p: SolveProgress) => void): (p: SolveProgress) => void {
  let best: number | undefined;
  let elapsedMs = 0;
  return (p) => {
    elapsedMs = Math.max(elapsedMs, p.elapsedMs);
    if (best !== undefined && p.bestCost >= best) return;
    best = p.bestCost;
    report({ ...p, elapsedMs });
  };
}
