import type { RouteSolveOptions, RouteSolver } from '../../ports/route-solver';
import { solve, solveAsync } from '../../routing/engine/index';
import type { VroomProblem, VroomSolution } from '../../routing/vroom-format';

/**
 * Solves on the caller's thread (Lambda: one invocation per process; unit tests). When progress is
 * asked for, the engine yields to the event loop between chunks so that the caller can write it.
 */
export class InProcessRouteSolver implements RouteSolver {
  async solve(problem: VroomProblem, options: RouteSolveOptions): Promise<VroomSolution> {
    const engineOptions = { ...options, now: () => performance.now() };
    return options.onProgress ? solveAsync(problem, engineOptions) : solve(problem, engineOptions);
  }
}
