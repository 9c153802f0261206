/** Day of service: done steps, passengers on board, locked heads, insertTask into a day under way. */
import { describe, expect, it } from 'vitest';
import { insertTask, RoutingInputError, solve, solveAsync } from '../../../../shared/routing/engine/index';
import type { VroomProblem } from '../../../../shared/routing/vroom-format';
import {
  depotVehicle,
  euclid,
  expectFeasible,
  lcg,
  lineMatrix,
  onLine,
  opts,
  ride,
  taskIds,
} from './helpers';

const M5 = lineMatrix(5);

describe('day of service', () => {
  it("keeps an on-board passenger's drop-off window when the locked next stop is another pickup", () => {
    // On board: shipment 1 (drop-off at 3 in [300, 400]). The driver already drives to pick up
    // shipment 2 (locked). Going to 3 next is feasible once shipment 2's drop-off is counted, so
    // nothing may be relaxed: the drop-off must wait for its window.
    const p: VroomProblem = {
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          capacity: [4],
          time_window: [0, 1000],
          done_steps: [{ type: 'pickup', id: 1, departure: 0 }],
          locked_steps: [{ type: 'pickup', id: 2 }],
        },
      ],
      shipments: [
        {
          amount: [1],
          max_ride_time: 500,
          pickup: { id: 1, location_index: 0 },
          delivery: { id: 11, location_index: 3, time_windows: [[300, 400]] },
        },
        {
          amount: [1],
          max_ride_time: 500,
          pickup: { id: 2, location_index: 1 },
          delivery: { id: 12, location_index: 4 },
        },
      ],
      matrices: { car: { durations: M5, distances: M5 } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    const drop = s.routes[0]!.steps.find((st) => st.type === 'delivery' && st.id === 11)!;
    expect(drop.arrival + drop.waiting_time).toBeGreaterThanOrEqual(300);
    expect(s.unassigned).toEqual([]);
  });

  it('echoes done steps, keeps on-board passengers on their vehicle, measures ride from the done pickup', () => {
    const p = onLine({
      vehicles: [
        {
          id: 1,
          start_index: 2,
          end_index: 0,
          capacity: [2],
          time_window: [100, 1000],
          done_steps: [
            { type: 'job', id: 9 },
            { type: 'pickup', id: 1, departure: 80 },
          ],
        },
        { id: 2, start_index: 4, end_index: 4, capacity: [2], time_window: [100, 1000] },
      ],
      jobs: [{ id: 9, location_index: 1 }],
      shipments: [
        {
          amount: [2],
          max_ride_time: 60,
          pickup: { id: 1, location_index: 1 },
          delivery: { id: 1, location_index: 4 },
        },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const r = s.routes.find((x) => x.vehicle === 1)!;
    expect(r.steps.slice(0, 2).map((x) => [x.type, x.id, x.done])).toEqual([
      ['job', 9, true],
      ['pickup', 1, true],
    ]);
    expect(r.steps.find((x) => x.type === 'start')!.load).toEqual([2]);
    const del = r.steps.find((x) => x.type === 'delivery')!;
    expect(del.arrival + del.waiting_time - 80).toBeLessThanOrEqual(60);
    expect(s.unassigned).toEqual([]);
  });

  it('still delivers an on-board passenger whose ride time is already lost (as soon as possible)', () => {
    const p = onLine({
      vehicles: [
        {
          id: 1,
          start_index: 2,
          time_window: [100, 1000],
          done_steps: [{ type: 'pickup', id: 1, departure: 0 }],
        },
      ],
      shipments: [
        { max_ride_time: 50, pickup: { id: 1, location_index: 1 }, delivery: { id: 1, location_index: 4 } },
      ],
    });
    const s = solve(p, opts());
    expect(s.unassigned).toEqual([]);
    expect(taskIds(s, 1)).toEqual(['delivery:1']);
    const drop = s.routes[0]!.steps.find((x) => x.type === 'delivery')!;
    expect(drop.arrival).toBe(120);
    // the broken ride time is declared (120 - 0 - 50), and the checker accepts exactly that
    expect(drop.violations).toEqual([{ cause: 'max_ride_time', duration: 70 }]);
    expect(s.routes[0]!.violations).toEqual([{ cause: 'max_ride_time', duration: 70 }]);
    expectFeasible(p, s);
  });

  it('delivers an on-board passenger after the shift ends, declares it, and gives that vehicle nothing new', () => {
    // vehicle 1 is at 0 at 900, its shift ends at 1000, the passenger goes to 4 (400 away) and the
    // vehicle returns to 0: drop-off 1300 (300 late), back 1700 (700 late). A job at 4 fits vehicle 2.
    const far = lineMatrix(5, 100);
    const p: VroomProblem = {
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          capacity: [4],
          time_window: [900, 1000],
          max_travel_time: 500,
          done_steps: [{ type: 'pickup', id: 1, departure: 850 }],
        },
        depotVehicle(2, { capacity: [4], time_window: [0, 5000] }),
      ],
      jobs: [{ id: 7, location_index: 4 }],
      shipments: [ride(1, 1, 4)],
      matrices: { car: { durations: far } },
    };
    const s = solve(p, opts());
    expect(s.unassigned).toEqual([]);
    expect(taskIds(s, 1)).toEqual(['delivery:1']);
    expect(taskIds(s, 2)).toEqual(['job:7']);
    const r1 = s.routes.find((r) => r.vehicle === 1)!;
    const drop = r1.steps.find((x) => x.type === 'delivery')!;
    expect(drop.arrival).toBe(1300);
    expect(drop.violations).toEqual([{ cause: 'delay', duration: 300 }]);
    expect(r1.steps.at(-1)!.violations).toEqual([{ cause: 'delay', duration: 700 }]);
    expect(r1.violations).toEqual([
      { cause: 'delay', duration: 700 },
      { cause: 'max_travel_time', duration: 300 },
    ]);
    expect(s.routes.find((r) => r.vehicle === 2)!.violations).toBeUndefined();
    expectFeasible(p, s);
  });

  it('takes a break the frozen head made late as soon as it can, and declares the delay', () => {
    // the driver is on the way to job 1 (locked), 400 away: the break window [100, 300] is gone
    const far = lineMatrix(5, 100);
    const p: VroomProblem = {
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          time_window: [0, 5000],
          breaks: [{ id: 9, service: 30, time_windows: [[100, 300]] }],
          locked_steps: [{ type: 'job', id: 1 }],
        },
      ],
      jobs: [
        { id: 1, location_index: 4 },
        { id: 2, location_index: 3 },
      ],
      matrices: { car: { durations: far } },
    };
    const s = solve(p, opts());
    expect(s.unassigned).toEqual([]);
    const steps = s.routes[0]!.steps.filter((x) => x.type !== 'start' && x.type !== 'end');
    expect(steps.map((x) => `${x.type}:${x.id}`)).toEqual(['job:1', 'break:9', 'job:2']);
    expect(steps[1]!.arrival + steps[1]!.waiting_time).toBe(400);
    expect(steps[1]!.violations).toEqual([{ cause: 'delay', duration: 100 }]);
    expect(s.routes[0]!.violations).toEqual([{ cause: 'delay', duration: 100 }]);
    expectFeasible(p, s);
  });

  it('delivers an on-board passenger before a break that needs an empty vehicle', () => {
    const p = onLine({
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          capacity: [4],
          time_window: [0, 1000],
          breaks: [{ id: 1, service: 30, time_windows: [[50, 200]], max_load: [0] }],
          done_steps: [{ type: 'pickup', id: 1, departure: 0 }],
        },
      ],
      jobs: [{ id: 7, location_index: 2 }],
      shipments: [ride(1, 1, 3)],
    });
    const s = solve(p, opts());
    expect(s.unassigned).toEqual([]);
    const types = s.routes[0]!.steps.filter((x) => !x.done).map((x) => x.type);
    expect(types.indexOf('delivery')).toBeLessThan(types.indexOf('break'));
    expect(s.routes[0]!.violations).toBeUndefined();
    expectFeasible(p, s);
  });

  it('places the delivery of a locked pickup after the frozen head', () => {
    const p = onLine({
      vehicles: [{ id: 1, start_index: 0, capacity: [1], locked_steps: [{ type: 'pickup', id: 1 }] }],
      jobs: [{ id: 5, location_index: 2 }],
      shipments: [
        { amount: [1], pickup: { id: 1, location_index: 1 }, delivery: { id: 2, location_index: 3 } },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(taskIds(s)).toEqual(['pickup:1', 'job:5', 'delivery:2']);
  });

  it('keeps locked steps as the frozen head of the route, in order', () => {
    const p = onLine({
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          locked_steps: [
            { type: 'job', id: 3 },
            { type: 'job', id: 1 },
          ],
        },
        depotVehicle(2),
      ],
      jobs: [1, 2, 3, 4].map((i) => ({ id: i, location_index: i })),
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(taskIds(s, 1).slice(0, 2)).toEqual(['job:3', 'job:1']);
  });
});

describe('degenerate input', () => {
  it('no vehicles: everything unassigned with a reason', () => {
    const p: VroomProblem = {
      vehicles: [],
      jobs: [{ id: 1, location_index: 0 }],
      matrices: { car: { durations: [[0]] } },
    };
    const s = solve(p, opts());
    expect(s.routes).toEqual([]);
    expect(s.unassigned.map((u) => u.reason_code)).toEqual(['no_vehicle']);
  });

  it('no jobs: empty solution', () => {
    const p: VroomProblem = {
      vehicles: [{ id: 1, start_index: 0 }],
      matrices: { car: { durations: [[0]] } },
    };
    const s = solve(p, opts());
    expect(s.routes).toEqual([]);
    expect(s.summary.cost).toBe(0);
  });

  it('one location for everything', () => {
    const p: VroomProblem = {
      vehicles: [depotVehicle(1)],
      jobs: [1, 2, 3].map((i) => ({ id: i, location_index: 0, service: 5 })),
      matrices: { car: { durations: [[0]] } },
    };
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.summary.service).toBe(15);
  });

  it('all jobs infeasible: time window unreachable within the shift', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { time_window: [0, 100] })],
      jobs: [
        { id: 1, location_index: 4, time_windows: [[200, 300]] },
        { id: 2, location_index: 4, time_windows: [[0, 10]] },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.routes).toEqual([]);
    expect(s.unassigned.map((u) => u.reason_code)).toEqual(['time_window', 'time_window']);
  });

  it('reports a busy vehicle as "not free between"', () => {
    const p = onLine({
      vehicles: [{ id: 1, start_index: 0, skills: [1] }],
      jobs: [
        { id: 1, location_index: 1, skills: [1], service: 100, time_windows: [[0, 10]] },
        { id: 2, location_index: 1, skills: [1], service: 100, time_windows: [[0, 10]] },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.unassigned).toHaveLength(1);
    expect(s.unassigned[0]!.reason).toBe('no vehicle with skills [1] is free between 0 and 10');
  });

  it('throws RoutingInputError for malformed input', () => {
    const good = onLine({
      vehicles: [{ id: 1, start_index: 0 }],
      jobs: [{ id: 1, location_index: 1 }],
    });
    const bad: VroomProblem[] = [
      { ...good, jobs: [{ id: 1, location_index: 7 }] },
      { ...good, vehicles: [{ id: 1, profile: 'bike' }] },
      { ...good, jobs: [{ id: 1, location_index: 1, time_windows: [[-5, 10]] }] },
      { ...good, jobs: [{ id: 1, location_index: 1, time_windows: [[50, 10]] }] },
      { ...good, matrices: { car: { durations: [[0, 1], [1]] } } },
      { ...good, jobs: [{ id: 1, location_index: 1, service: -1 }] },
    ];
    for (const p of bad) expect(() => solve(p, opts())).toThrow(RoutingInputError);
  });
});

function randomProblem(seed: number, n: number): VroomProblem {
  const rnd = lcg(seed);
  const pts: Array<[number, number]> = [[50, 50]];
  for (let i = 0; i < n; i++) pts.push([Math.floor(rnd() * 100), Math.floor(rnd() * 100)]);
  return {
    vehicles: Array.from({ length: 4 }, (_, k) => ({
      id: k + 1,
      start_index: 0,
      end_index: 0,
      capacity: [10],
      time_window: [0, 1000] as [number, number],
    })),
    jobs: Array.from({ length: n }, (_, i) => {
      const a = Math.floor(rnd() * 600);
      return {
        id: i + 1,
        location_index: i + 1,
        delivery: [1],
        service: 5,
        time_windows: [[a, a + 200]] as [number, number][],
      };
    }),
    matrices: { car: { durations: euclid(pts) } },
  };
}

describe('search control', () => {
  it('is deterministic for a seed and maxIterations', () => {
    const p = randomProblem(3, 25);
    const a = solve(p, opts({ maxIterations: 300, seed: 7 }));
    const b = solve(p, opts({ maxIterations: 300, seed: 7 }));
    expect(a.routes).toEqual(b.routes);
    expect(a.stats!.iterations).toBe(300);
    expect(a.stats!.seed).toBe(7);
  });

  it('abort returns the best solution so far', async () => {
    const p = randomProblem(4, 25);
    const ctl = new AbortController();
    let calls = 0;
    const s = await solveAsync(p, {
      timeLimitMs: 1e12,
      now: () => 0,
      signal: ctl.signal,
      onProgress: () => {
        calls++;
        if (calls === 1) ctl.abort();
      },
    });
    expectFeasible(p, s);
    expect(s.unassigned).toEqual([]);
    expect(calls).toBeGreaterThan(0);
  });

  it('stops at the time limit using the injected clock', () => {
    const p = randomProblem(5, 20);
    let t = 0;
    const s = solve(p, { timeLimitMs: 100, now: () => (t += 1) });
    expectFeasible(p, s);
    expect(s.stats!.iterations).toBeLessThan(100);
  });

  it('insertTask adds one job and keeps the rest in order and feasible', () => {
    const p = randomProblem(6, 20);
    const base: VroomProblem = { ...p, jobs: p.jobs!.slice(0, 19) };
    const s0 = solve(base, opts({ maxIterations: 200 }));
    const s1 = insertTask(p, s0, { type: 'job', id: 20 }, opts());
    expectFeasible(p, s1);
    expect(taskIds(s1)).toContain('job:20');
    for (const r of s0.routes) {
      const after = taskIds(s1, r.vehicle).filter((x) => x !== 'job:20');
      expect(after).toEqual(taskIds(s0, r.vehicle));
    }
  });

  it('insertTask inserts a shipment by its pickup id', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [1] })],
      jobs: [{ id: 1, location_index: 2 }],
      shipments: [
        { amount: [1], pickup: { id: 5, location_index: 1 }, delivery: { id: 6, location_index: 3 } },
      ],
    });
    const s0 = solve({ ...p, shipments: [] }, opts());
    const s1 = insertTask(p, s0, { type: 'shipment', id: 5 }, opts());
    expectFeasible(p, s1);
    const ids = taskIds(s1);
    expect(ids).toContain('job:1');
    expect(ids.indexOf('pickup:5')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('delivery:6')).toBeGreaterThan(ids.indexOf('pickup:5'));
  });

  it('insertTask moves one other request when the new one does not fit directly', () => {
    const p = onLine({
      vehicles: [
        { id: 1, start_index: 0, skills: [1], max_tasks: 1 },
        { id: 2, start_index: 4, max_tasks: 1 },
      ],
      jobs: [
        { id: 1, location_index: 1 },
        { id: 2, location_index: 2, skills: [1] },
      ],
    });
    const s0 = solve({ ...p, jobs: [p.jobs![0]!] }, opts());
    expect(taskIds(s0, 1)).toEqual(['job:1']);
    const s1 = insertTask(p, s0, { type: 'job', id: 2 }, opts());
    expectFeasible(p, s1);
    expect(taskIds(s1, 1)).toEqual(['job:2']);
    expect(taskIds(s1, 2)).toEqual(['job:1']);
  });
});
