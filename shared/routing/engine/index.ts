/**
 * Routing engine entry points. Pure TypeScript: no I/O, no clock (options.now), seeded randomness.
 */
import type { SolveOptions, VroomProblem, VroomSolution } from '../vroom-format';
import { compile } from './compile/index';
import type { Model } from './model';
import { checkOptions } from './options';
import { buildSolution } from './output/build-solution';
import { Search } from './search/search';

export { RoutingInputError } from './errors';
export { insertTask } from './insert-task';

function prepare(problem: VroomProblem, options: SolveOptions): { m: Model; search: Search } {
  checkOptions(options);
  const m = compile(problem);
  const search = new Search(m, options);
  search.start();
  return { m, search };
}

function finish(m: Model, search: Search, options: SolveOptions, t0: number): VroomSolution {
  search.report();
  return buildSolution(
    m,
    search.result(),
    { iterations: search.iterations, seed: options.seed ?? 1, progress: search.progress },
    options.now() - t0,
  );
}

/** Solves synchronously within options.timeLimitMs / maxIterations. */
export function solve(problem: VroomProblem, options: SolveOptions): VroomSolution {
  const t0 = options?.now?.() ?? 0;
  const { m, search } = prepare(problem, options);
  search.run();
  return finish(m, search, options, t0);
}

/** Same as solve, but yields to the event loop every ~25 ms (abort signals and timers work). */
export async function solveAsync(problem: VroomProblem, options: SolveOptions): Promise<VroomSolution> {
  const t0 = options?.now?.() ?? 0;
  const { m, search } = prepare(problem, options);
  while (!search.run(25)) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return finish(m, search, options, t0);
}
