import { afterAll, describe, expect, it } from 'vitest';
import { InProcessRouteSolver } from '../../../shared/adapters/routing/in-process-route-solver';
import { WorkerThreadRouteSolver } from '../../../shared/adapters/routing/worker-thread-route-solver';
import { RoutingInputError } from '../../../shared/routing/engine/errors';
import type { VroomProblem, VroomSolution } from '../../../shared/routing/vroom-format';
import { euclid, lcg } from '../routing/engine/helpers';

/** Twelve jobs with time windows around a depot, two vehicles. */
function problem(): VroomProblem {
  const rnd = lcg(7);
  const points: Array<[number, number]> = [[500, 500]];
  for (let i = 0; i < 12; i++) points.push([Math.round(rnd() * 1000), Math.round(rnd() * 1000)]);
  return {
    vehicles: [1, 2].map((id) => ({
      id,
      start_index: 0,
      end_index: 0,
      capacity: [4],
      time_window: [0, 20_000],
    })),
    jobs: points.slice(1).map((_, i) => ({
      id: i + 1,
      location_index: i + 1,
      delivery: [1],
      service: 60,
      time_windows: [[i * 500, i * 500 + 6000]],
    })),
    matrices: { car: { durations: euclid(points) } },
  };
}

/** A solution without what depends on the clock (computing times, progress timestamps). */
function timeless(s: VroomSolution) {
  const { computing_times: _, ...summary } = s.summary;
  return { routes: s.routes, unassigned: s.unassigned, summary, iterations: s.stats?.iterations };
}

describe('the route solver in a worker thread', () => {
  const worker = new WorkerThreadRouteSolver();
  afterAll(() => worker.close());

  it('returns the same solution as the in-process solver for the same seed and iterations', async () => {
    const options = { timeLimitMs: 1e9, maxIterations: 300, seed: 3 };
    const inProcess = await new InProcessRouteSolver().solve(problem(), options);
    const inWorker = await worker.solve(problem(), options);
    expect(inProcess.routes.length).toBeGreaterThan(0);
    expect(timeless(inWorker)).toEqual(timeless(inProcess));
    // a second solve reuses the idle worker and is as deterministic
    expect(timeless(await worker.solve(problem(), options))).toEqual(timeless(inProcess));
  });

  it('reports progress across the thread and in process, and the same answer with it as without', async () => {
    const options = { timeLimitMs: 1e9, maxIterations: 300, seed: 3 };
    const inWorker: number[] = [];
    const inProcess: number[] = [];
    const a = await worker.solve(problem(), { ...options, onProgress: (p) => inWorker.push(p.bestCost) });
    const b = await new InProcessRouteSolver().solve(problem(), {
      ...options,
      onProgress: (p) => inProcess.push(p.bestCost),
    });
    expect(inWorker.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(inProcess);
    // the best cost never gets worse
    expect([...inWorker].sort((x, y) => y - x)).toEqual(inWorker);
    expect(a.routes).toEqual(b.routes);
    expect(a.routes).toEqual((await worker.solve(problem(), options)).routes);
  });

  it("re-creates the engine's RoutingInputError on the caller's side", async () => {
    const broken = { ...problem(), jobs: [{ id: 1, location_index: 99 }] };
    const failure = worker.solve(broken, { timeLimitMs: 1000 });
    await expect(failure).rejects.toBeInstanceOf(RoutingInputError);
    await expect(failure).rejects.toThrow(/99|index/);
    // the worker survives a bad problem
    expect((await worker.solve(problem(), { timeLimitMs: 1e9, maxIterations: 10 })).code).toBe(0);
  });

  it('stops on abort with the best solution so far, across the thread', async () => {
    const abort = new AbortController();
    // a budget no test would wait for: only the abort can end this solve
    const solving = worker.solve(problem(), { timeLimitMs: 3_600_000, signal: abort.signal });
    abort.abort();
    const solution = await solving;
    expect(solution.code).toBe(0);
    expect(solution.routes.length + solution.unassigned.length).toBeGreaterThan(0);
  });
});
