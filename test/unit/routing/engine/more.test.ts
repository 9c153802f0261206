import { describe, expect, it } from 'vitest';
import { solve, solveAsync } from '../../../../shared/routing/engine/index';
import type { SolveProgress, VroomProblem } from '../../../../shared/routing/vroom-format';
import { expectFeasible, lineMatrix, opts, taskIds } from './helpers';

const M5 = lineMatrix(5);

describe('more features', () => {
  it('break max_load: the break is taken when the load is low enough', () => {
    const p: VroomProblem = {
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          capacity: [4],
          breaks: [{ id: 1, service: 10, max_load: [0] }],
        },
      ],
      jobs: [
        { id: 1, location_index: 2, delivery: [2] },
        { id: 2, location_index: 4, delivery: [2] },
      ],
      matrices: { car: { durations: M5 } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    const br = s.routes[0]!.steps.find((x) => x.type === 'break')!;
    expect(br.load).toEqual([0]);
  });

  it('max_duration with ride times: a dial-a-ride route that must wait is shifted later', () => {
    const p: VroomProblem = {
      vehicles: [
        { id: 1, start_index: 0, end_index: 0, capacity: [3], time_window: [0, 1000], max_duration: 120 },
      ],
      shipments: [
        {
          amount: [1],
          max_ride_time: 40,
          pickup: { id: 1, location_index: 1, service: 2 },
          delivery: { id: 1, location_index: 3, service: 2, time_windows: [[600, 620]] },
        },
        {
          amount: [1],
          max_ride_time: 40,
          pickup: { id: 2, location_index: 2, service: 2 },
          delivery: { id: 2, location_index: 4, service: 2, time_windows: [[610, 640]] },
        },
      ],
      matrices: { car: { durations: M5 } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.unassigned).toEqual([]);
    const st = s.routes[0]!.steps;
    expect(st[st.length - 1]!.arrival - st[0]!.departure!).toBeLessThanOrEqual(120);
  });

  it('exclusive ride cannot share the vehicle with goods already on board', () => {
    const p: VroomProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [4] }],
      jobs: [{ id: 9, location_index: 3, delivery: [1] }],
      shipments: [
        {
          amount: [1],
          exclusive: true,
          pickup: { id: 1, location_index: 1 },
          delivery: { id: 1, location_index: 2 },
        },
      ],
      matrices: { car: { durations: M5 } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    // the parcel (loaded at the start) must be dropped (job 9) before the exclusive pickup
    expect(s.unassigned).toEqual([]);
    expect(taskIds(s)).toEqual(['job:9', 'pickup:1', 'delivery:1']);
    expect(s.routes[0]!.steps.find((x) => x.type === 'pickup')!.load).toEqual([1]);
  });

  it('reports progress and solveAsync gives the same answer as solve', async () => {
    const p: VroomProblem = {
      vehicles: [
        { id: 1, start_index: 0, end_index: 0, capacity: [3] },
        { id: 2, start_index: 0, end_index: 0, capacity: [3] },
      ],
      jobs: [1, 2, 3, 4, 1, 2].map((l, i) => ({ id: i + 1, location_index: l, delivery: [1] })),
      matrices: { car: { durations: M5 } },
    };
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
      vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
      jobs: [{ id: 1, location_index: 2, service: 0.5 }],
      matrices: { car: { durations: d, distances: d } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.summary.distance).toBe(5);
    expect(s.routes[0]!.steps[2]!.arrival).toBe(5.5);
  });

  it('different seeds still give feasible answers', () => {
    const p: VroomProblem = {
      vehicles: [
        { id: 1, start_index: 0, end_index: 0, capacity: [2] },
        { id: 2, start_index: 4 },
      ],
      jobs: [1, 2, 3, 4].map((l) => ({ id: l, location_index: l, delivery: [1] })),
      matrices: { car: { durations: M5 } },
    };
    for (const seed of [1, 2, 3]) {
      const s = solve(p, opts({ seed }));
      expectFeasible(p, s);
      expect(taskIds(s).length).toBe(4);
    }
  });

  it('uses a custom costs matrix instead of travel time', () => {
    const costs = lineMatrix(5, 1);
    costs[0]![4] = 100; // expensive direct arc
    costs[4]![0] = 100;
    const p: VroomProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
      jobs: [{ id: 1, location_index: 4 }],
      matrices: { car: { durations: M5, costs } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.summary.cost).toBe(200);
    expect(s.summary.duration).toBe(80);
  });

  it('explains a job beyond max_distance', () => {
    const p: VroomProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, max_distance: 50 }],
      jobs: [{ id: 1, location_index: 4 }],
      matrices: { car: { durations: M5, distances: M5 } },
    };
    const s = solve(p, opts());
    expect(s.unassigned[0]!.reason_code).toBe('max_distance');
  });
});
