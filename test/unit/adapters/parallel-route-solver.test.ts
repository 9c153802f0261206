import { afterAll, describe, expect, it } from 'vitest';
import { InProcessRouteSolver } from '../../../shared/adapters/routing/in-process-route-solver';
import { workersForMemory } from '../../../shared/adapters/routing/lambda-vcpus';
import { ParallelRouteSolver } from '../../../shared/adapters/routing/parallel-route-solver';
import type { RouteSolveOptions, RouteSolver } from '../../../shared/ports/route-solver';
import { checkSolution } from '../../../shared/routing/checker/index';
import { RoutingInputError } from '../../../shared/routing/engine/errors';
import type { SolveProgress, VroomProblem, VroomSolution } from '../../../shared/routing/vroom-format';
import { euclid, lcg } from '../routing/engine/helpers';

/** Twenty jobs with time windows around a depot, three vehicles. */
function problem(): VroomProblem {
  const rnd = lcg(11);
  const points: Array<[number, number]> = [[500, 500]];
  for (let i = 0; i < 20; i++) points.push([Math.round(rnd() * 1000), Math.round(rnd() * 1000)]);
  return {
    vehicles: [1, 2, 3].map((id) => ({
      id,
      start_index: 0,
      end_index: 0,
      capacity: [5],
      time_window: [0, 30_000],
    })),
    jobs: points.slice(1).map((_, i) => ({
      id: i + 1,
      location_index: i + 1,
      delivery: [1],
      service: 60,
      time_windows: [[i * 400, i * 400 + 8000]],
    })),
    matrices: { car: { durations: euclid(points) } },
  };
}

const inProcess = new InProcessRouteSolver();

/** A solver that answers with what `answer` makes of an in-process solve, and records its options. */
class Scripted implements RouteSolver {
  seen: RouteSolveOptions[] = [];
  constructor(private readonly answer: (o: RouteSolveOptions) => Promise<VroomSolution>) {}
  solve(_p: VroomProblem, options: RouteSolveOptions): Promise<VroomSolution> {
    this.seen.push(options);
    return this.answer(options);
  }
}

/** A solution that claims to cost nothing, with its routes' steps reversed (windows broken). */
function tampered(s: VroomSolution): VroomSolution {
  return {
    ...s,
    summary: { ...s.summary, cost: 0 },
    routes: s.routes.map((r) => ({ ...r, cost: 0, steps: [...r.steps].reverse() })),
  };
}

describe('the parallel route solver: independent searches, the best checked one kept', () => {
  it('gives each search its own seed (the first the caller’s) and keeps the best solution the checker accepts', async () => {
    const few = await inProcess.solve(problem(), { timeLimitMs: 1e9, maxIterations: 1, seed: 1 });
    const many = await inProcess.solve(problem(), { timeLimitMs: 1e9, maxIterations: 400, seed: 1 });
    const [cFew, cMany] = [checkSolution(problem(), few), checkSolution(problem(), many)];
    expect(cFew.feasible && cMany.feasible).toBe(true);
    expect([cMany.unassigned, cMany.cost]).not.toEqual([cFew.unassigned, cFew.cost]);
    const better = cMany.unassigned < cFew.unassigned || cMany.cost < cFew.cost ? many : few;
    const broken = tampered(better);
    expect(checkSolution(problem(), broken).feasible).toBe(false);

    const answers = [few, broken, many];
    const solvers = answers.map((a) => new Scripted(async () => a));
    let k = 0;
    const parallel = new ParallelRouteSolver(3, () => solvers[k++]!);
    const got = await parallel.solve(problem(), { timeLimitMs: 1000, seed: 5 });
    expect(got).toBe(better);
    const seeds = solvers.map((s) => s.seen[0]!.seed);
    expect(seeds[0]).toBe(5);
    expect(new Set(seeds).size).toBe(3);
  });

  it('returns the first search’s solution when the checker accepts none (the caller refuses it)', async () => {
    const s = tampered(await inProcess.solve(problem(), { timeLimitMs: 1e9, maxIterations: 50, seed: 1 }));
    const other = tampered(
      await inProcess.solve(problem(), { timeLimitMs: 1e9, maxIterations: 50, seed: 2 }),
    );
    const solvers = [new Scripted(async () => s), new Scripted(async () => other)];
    let k = 0;
    const got = await new ParallelRouteSolver(2, () => solvers[k++]!).solve(problem(), { timeLimitMs: 1000 });
    expect(got).toBe(s);
  });

  it('keeps the searches that answered when one fails, and rejects with the first error when all do', async () => {
    const ok = await inProcess.solve(problem(), { timeLimitMs: 1e9, maxIterations: 50, seed: 1 });
    const failing = new Scripted(async () => {
      throw new Error('worker died');
    });
    let k = 0;
    const mixed = [failing, new Scripted(async () => ok)];
    expect(await new ParallelRouteSolver(2, () => mixed[k++]!).solve(problem(), { timeLimitMs: 1000 })).toBe(
      ok,
    );
    const parallel = new ParallelRouteSolver(2, () => new InProcessRouteSolver());
    await expect(
      parallel.solve({ vehicles: [], jobs: [] } as unknown as VroomProblem, { timeLimitMs: 100 }),
    ).rejects.toThrow(RoutingInputError);
  });

  it('passes an abort to every search, each of which returns its best so far', async () => {
    const controller = new AbortController();
    const progress: SolveProgress[] = [];
    const signals: Array<AbortSignal | undefined> = [];
    let k = 0;
    const parallel = new ParallelRouteSolver(2, () => {
      k++;
      return new Scripted((o) => {
        signals.push(o.signal);
        return inProcess.solve(problem(), o);
      });
    });
    expect(k).toBe(2);
    // no time or iteration limit: only the abort ends the searches
    const solving = parallel.solve(problem(), {
      timeLimitMs: 1e9,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        controller.abort();
      },
    });
    const got = await solving;
    expect(signals).toEqual([controller.signal, controller.signal]);
    expect(checkSolution(problem(), got).feasible).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('reports the best of all searches, improving only, its time never going back', async () => {
    const progress: SolveProgress[] = [];
    const parallel = new ParallelRouteSolver(3, () => new InProcessRouteSolver());
    await parallel.solve(problem(), {
      timeLimitMs: 1e9,
      maxIterations: 300,
      onProgress: (p) => progress.push(p),
    });
    expect(progress.length).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.bestCost).toBeLessThan(progress[i - 1]!.bestCost);
      expect(progress[i]!.elapsedMs).toBeGreaterThanOrEqual(progress[i - 1]!.elapsedMs);
    }
  });
});

describe('the parallel route solver in worker threads', () => {
  const parallel = new ParallelRouteSolver(2);
  afterAll(() => parallel.close());

  // starting two threads with the TypeScript loader takes seconds on a busy machine: a wait, not a timing
  it('returns the better of the two seeds’ solutions, as each alone would find it', {
    timeout: 60_000,
  }, async () => {
    const options = { timeLimitMs: 1e9, maxIterations: 150, seed: 3 };
    const got = checkSolution(problem(), await parallel.solve(problem(), options));
    const alone = await Promise.all(
      [3, 3 + 7919].map(async (seed) =>
        checkSolution(problem(), await inProcess.solve(problem(), { ...options, seed })),
      ),
    );
    const best = alone.sort((a, b) => a.unassigned - b.unassigned || a.cost - b.cost)[0]!;
    expect(got.feasible).toBe(true);
    expect([got.unassigned, got.cost]).toEqual([best.unassigned, best.cost]);
  });
});

describe('one search per vCPU of a Lambda function', () => {
  it('counts vCPUs of 1769 MB (to the nearest), at least one, six at Lambda’s 10 240 MB', () => {
    expect(workersForMemory(512)).toBe(1);
    expect(workersForMemory(1769)).toBe(1);
    expect(workersForMemory(2600)).toBe(1);
    expect(workersForMemory(3538)).toBe(2);
    expect(workersForMemory(10_240)).toBe(6);
  });
});
