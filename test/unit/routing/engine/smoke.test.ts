import { describe, expect, it } from 'vitest';
import { RoutingInputError, solve } from '../../../../shared/routing/engine/index';
import type { VroomProblem } from '../../../../shared/routing/vroom-format';

const now = () => 0;

function line(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.abs(i - j) * 10));
}

describe('engine smoke', () => {
  it('solves a tiny VRP', () => {
    const p: VroomProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
      jobs: [1, 2, 3].map((i) => ({ id: i, location_index: i })),
      matrices: { car: { durations: line(4) } },
    };
    const s = solve(p, { timeLimitMs: 1e9, now, maxIterations: 50 });
    expect(s.unassigned).toEqual([]);
    expect(s.summary.cost).toBe(60);
    expect(s.routes[0]!.steps.map((x) => x.type)).toEqual(['start', 'job', 'job', 'job', 'end']);
  });
  it('throws RoutingInputError on a non-square matrix', () => {
    const p: VroomProblem = {
      vehicles: [{ id: 1, start_index: 0 }],
      jobs: [{ id: 1, location_index: 1 }],
      matrices: { car: { durations: [[0, 1]] } },
    };
    expect(() => solve(p, { timeLimitMs: 10, now })).toThrow(RoutingInputError);
  });
});
