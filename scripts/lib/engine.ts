/**
 * Loads the routing engine lazily, so that the scripts (and the type check) work before the engine
 * exists. Only the public signature is used.
 */
import type { SolveOptions, VroomProblem, VroomSolution } from '../../shared/routing/vroom-format';

export interface EngineApi {
  solve(problem: VroomProblem, options: SolveOptions): VroomSolution;
  insertTask(
    problem: VroomProblem,
    current: VroomSolution,
    task: { type: 'job' | 'shipment'; id: number },
    options: SolveOptions,
  ): VroomSolution;
  RoutingInputError?: new (...args: never[]) => Error;
}

/** ROUTING_ENGINE_MODULE=/abs/path.ts overrides the engine module (harness tests with a stub). */
export async function loadEngine(): Promise<EngineApi> {
  const override = process.env.ROUTING_ENGINE_MODULE;
  const url = override
    ? new URL(`file://${override}`)
    : new URL('../../shared/routing/engine/index.ts', import.meta.url);
  try {
    const mod = (await import(url.href)) as Partial<EngineApi>;
    if (typeof mod.solve !== 'function') throw new Error('engine has no solve()');
    return mod as EngineApi;
  } catch (err) {
    throw new Error(`cannot load the routing engine from ${url.pathname}: ${(err as Error).message}`);
  }
}

/** Monotonic clock in ms for SolveOptions.now. */
export const nowMs = (): number => performance.now();
