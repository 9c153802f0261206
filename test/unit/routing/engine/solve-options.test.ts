/** solve / solveAsync: progress reports, same answer either way, units kept, any seed feasible. */
import { describe, expect, it } from 'vitest';
import { solve, solveAsync } from '../../../../shared/routing/engine/index';
import type { SolveProgress, VroomProblem } from '../../../../shared/routing/vroom-format';
import { depotVehicle, expectFeasible, onLine, opts, taskIds } from './helpers';

describe('solve options', () => {
  it('reports progress and solveAsync gives the same answer as solve', async () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [3] }), depotVehicle(2, { capacity: [3] })],
      jobs: [1, 2, 3, 4, 1, 2].map((l, i) => ({ id: i + 1, location_index: l, delivery: [1] })),
    });
    const seen: SolveProgress[] = [];
    const a = solve(p, opts({ maxIterations: 100, onProgress: (x) => seen.push(x) }));
    const b = await solveAsync(p, opts({ maxIterations: 100 }));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]!.bestCost).toBe(a.summary.cost);
    expect(b.routes).toEqual(a.routes);
    expectFeasible(p, a);
  });

  it('times and distances are reported in the instance units without rounding', () => {
    const d = [
      [0, 1.25, 2.5],
      [1.25, 0, 1.25],
      [2.5, 1.25, 0],
    ];
    const p: VroomProblem = {
      vehicles: [depotVehicle(1)],
      jobs: [{ id: 1, location_index: 2, service: 0.5 }],
      matrices: { car: { durations: d, distances: d } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.summary.distance).toBe(5);
    expect(s.routes[0]!.steps[2]!.arrival).toBe(5.5);
  });

  it('different seeds still give feasible answers', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [2] }), { id: 2, start_index: 4 }],
      jobs: [1, 2, 3, 4].map((l) => ({ id: l, location_index: l, delivery: [1] })),
    });
    for (const seed of [1, 2, 3]) {
      const s = solve(p, opts({ seed }));
      expectFeasible(p, s);
      expect(taskIds(s).length).toBe(4);
    }
  });
});
