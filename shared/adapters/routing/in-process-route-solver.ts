import type { RouteSolveOptions, RouteSolver } from '../../ports/route-solver';
import { solve } from '../../routing/engine/index';
import type { VroomProblem, VroomSolution } from '../../routing/vroom-format';

/** Solves on the caller's thread (Lambda: one invocation per process; unit tests). */
export class InProcessRouteSolver implements RouteSolver {
  async solve(problem: VroomProblem, options: RouteSolveOptions): Promise<VroomSolution> {
    return solve(problem, { ...options, now: () => performance.now() });
  }
}
