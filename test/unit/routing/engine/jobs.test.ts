/** Jobs: setup and service, several time windows, multi-dimensional loads, capacity, skills and locks, penalties and priorities. */
import { describe, expect, it } from 'vitest';
import { solve } from '../../../../shared/routing/engine/index';
import type { VroomProblem } from '../../../../shared/routing/vroom-format';
import { depotVehicle, expectFeasible, onLine, opts, taskIds } from './helpers';

describe('jobs', () => {
  it('applies setup only when arriving from another location, and service', () => {
    const p = onLine({
      vehicles: [depotVehicle(1)],
      jobs: [
        { id: 1, location_index: 2, setup: 5, service: 7 },
        { id: 2, location_index: 2, setup: 5, service: 3 },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const steps = s.routes[0]!.steps;
    expect(steps[1]!.setup).toBe(5);
    expect(steps[2]!.setup).toBe(0);
    expect(s.routes[0]!.service).toBe(10);
    expect(steps[3]!.arrival).toBe(20 + 5 + 10 + 20);
  });

  it('uses the second of several time windows when the first is missed', () => {
    const p = onLine({
      vehicles: [{ id: 1, start_index: 0, time_window: [0, 1000] }],
      jobs: [
        {
          id: 1,
          location_index: 3,
          time_windows: [
            [0, 10],
            [100, 200],
          ],
        },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const st = s.routes[0]!.steps[1]!;
    expect(st.arrival + st.waiting_time).toBe(100);
  });

  it('tracks multi-dimensional load: deliveries loaded at start, pickups picked up', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [5, 5] })],
      jobs: [
        { id: 1, location_index: 1, delivery: [3, 0], pickup: [0, 4] },
        { id: 2, location_index: 2, delivery: [2, 1] },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const r = s.routes[0]!;
    expect(r.steps[0]!.load).toEqual([5, 1]);
    expect(s.unassigned).toEqual([]);
  });

  it('leaves a job out when capacity is exceeded, with a capacity reason', () => {
    const p = onLine({
      vehicles: [{ id: 1, start_index: 0, capacity: [2] }],
      jobs: [{ id: 1, location_index: 1, delivery: [3] }],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.unassigned[0]!.reason_code).toBe('capacity');
    expect(s.unassigned[0]!.reason).toBe('capacity: needs [3] but the largest vehicle has [2]');
  });

  it('respects skills and vehicle locks', () => {
    const p = onLine({
      vehicles: [
        { id: 1, start_index: 0, skills: [1] },
        { id: 2, start_index: 4, skills: [2] },
      ],
      jobs: [
        { id: 1, location_index: 4, skills: [1] },
        { id: 2, location_index: 0, skills: [2] },
        { id: 3, location_index: 0, vehicle: 2 },
        { id: 4, location_index: 2, skills: [3] },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(taskIds(s, 1)).toEqual(['job:1']);
    expect(taskIds(s, 2).sort()).toEqual(['job:2', 'job:3']);
    expect(s.unassigned.map((u) => [u.id, u.reason_code])).toEqual([[4, 'skills']]);
  });

  it('drops an optional job whose penalty is below its cost, keeps the mandatory one', () => {
    const p = onLine({
      vehicles: [depotVehicle(1)],
      jobs: [
        { id: 1, location_index: 4, penalty: 5 },
        { id: 2, location_index: 4, penalty: 500 },
        { id: 3, location_index: 1 },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    // job 2 is worth serving (80 < 500); then job 1 is free (same location): served too
    expect(s.unassigned).toEqual([]);
    const q: VroomProblem = { ...p, jobs: [{ id: 1, location_index: 4, penalty: 5 }, p.jobs![2]!] };
    const s2 = solve(q, opts());
    expect(s2.unassigned.map((u) => [u.id, u.reason_code])).toEqual([[1, 'not_worth_it']]);
  });

  it('serves the higher priority job when only one fits', () => {
    const p = onLine({
      vehicles: [{ id: 1, start_index: 0, max_tasks: 1 }],
      jobs: [
        { id: 1, location_index: 1, priority: 10 },
        { id: 2, location_index: 4, priority: 90 },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(taskIds(s)).toEqual(['job:2']);
    expect(s.summary.priority).toBe(90);
  });
});
