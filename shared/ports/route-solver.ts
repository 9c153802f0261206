import type { SolveProgress, VroomProblem, VroomSolution } from '../routing/vroom-format';

/** What a use case may ask of a solve; the adapter supplies the clock. */
export interface RouteSolveOptions {
  /** Wall-clock budget. */
  timeLimitMs: number;
  /** Seed of the engine's PRNG. */
  seed?: number;
  /** Deterministic budget for tests. */
  maxIterations?: number;
  /** An abort returns the best solution found so far. */
  signal?: AbortSignal;
  /** The best solution so far, as the engine improves it (the adapter may report less often). */
  onProgress?: (progress: SolveProgress) => void;
}

/**
 * Solves a routing problem (the engine in shared/routing). In Lambda it runs in the function's own
 * process; on the one-machine platform in a worker thread, so that one plan does not stall the API.
 * Malformed input rejects with the engine's RoutingInputError.
 */
export interface RouteSolver {
  solve(problem: VroomProblem, options: RouteSolveOptions): Promise<VroomSolution>;
}
