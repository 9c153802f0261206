import { describe, expect, it } from 'vitest';
import { keepLockedOrder, outOfOrder } from '../../../../shared/app/planning/board/locks';
import type { DayPoints } from '../../../../shared/app/planning/day-points';
import type { UnderWay } from '../../../../shared/app/planning/day-under-way';
import type { EngineStep } from '../../../../shared/app/planning/pipeline';
import type { VroomProblem, VroomSolution } from '../../../../shared/routing/vroom-format';

const stop = (requestId: string, locked: boolean) => ({
  requestId,
  kind: 'visit' as const,
  arrival: '2026-11-24T08:00:00.000Z',
  departure: '2026-11-24T09:00:00.000Z',
  ...(locked ? { locked } : {}),
});

/** One vehicle whose plan has a (locked), b, c (locked) ahead. */
const underWay: UnderWay = {
  taskId: new Map([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]),
  vehicles: [{ done: [], ahead: [stop('a', true), stop('b', false), stop('c', true)], doneSteps: [] }],
};

const problem = (): VroomProblem => ({
  vehicles: [{ id: 1, start_index: 0, end_index: 0 }],
  jobs: [1, 2, 3].map((id) => ({ id, location_index: id })),
  matrices: { car: { durations: [[0]] } },
});

const solutionOf = (ids: number[]): VroomSolution => ({
  code: 0,
  summary: {
    cost: 0,
    routes: 1,
    unassigned: 0,
    setup: 0,
    service: 0,
    duration: 0,
    waiting_time: 0,
    priority: 0,
    distance: 0,
    computing_times: { loading: 0, solving: 0, routing: 0 },
  },
  unassigned: [],
  routes: [
    {
      vehicle: 1,
      cost: 0,
      setup: 0,
      service: 0,
      duration: 0,
      waiting_time: 0,
      priority: 0,
      distance: 0,
      steps: ids.map((id) => ({
        type: 'job' as const,
        id,
        arrival: 0,
        duration: 0,
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: [],
        distance: 0,
      })),
    },
  ],
});

describe('locked requests keep their order on their vehicle', () => {
  it('sees the locked stops out of their plan order, unlocked ones free', () => {
    const locked = [
      [
        { type: 'job' as const, id: 1 },
        { type: 'job' as const, id: 3 },
      ],
    ];
    expect(outOfOrder(solutionOf([2, 1, 3]), locked)).toEqual([]);
    expect(outOfOrder(solutionOf([3, 2, 1]), locked)).toEqual([1]);
  });

  it('solves again with the locked stops as the frozen head when the first answer broke their order', async () => {
    const seen: Array<VroomProblem['vehicles'][number]['locked_steps']> = [];
    const answers = [solutionOf([3, 2, 1]), solutionOf([1, 3, 2])];
    const step: EngineStep = {
      what: 'plan',
      run: async (p) => {
        seen.push(p.vehicles[0]!.locked_steps);
        return answers.shift()!;
      },
    };
    const p = problem();
    const shares: number[] = [];
    const keep = keepLockedOrder((share) => {
      shares.push(share);
      return step;
    });
    const solution = await keep.run(p, underWay, {} as DayPoints);
    // each of the two runs has half the budget
    expect(shares.slice(1)).toEqual([0.5]);
    expect(seen).toEqual([
      undefined,
      [
        { type: 'job', id: 1 },
        { type: 'job', id: 3 },
      ],
    ]);
    // the checker is given the problem the answer was made for
    expect(p.vehicles[0]!.locked_steps).toEqual(seen[1]);
    expect(solution.routes[0]!.steps.map((s) => s.id)).toEqual([1, 3, 2]);
  });

  it('keeps the first answer when the order held', async () => {
    let calls = 0;
    const step: EngineStep = {
      what: 'plan',
      run: async () => {
        calls++;
        return solutionOf([1, 2, 3]);
      },
    };
    await keepLockedOrder(() => step).run(problem(), underWay, {} as DayPoints);
    expect(calls).toBe(1);
  });
});
