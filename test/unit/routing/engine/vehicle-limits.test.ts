/** Vehicles: open routes, route limits (max_tasks, max_travel_time, max_distance, max_duration) and breaks. */
import { describe, expect, it } from 'vitest';
import { solve } from '../../../../shared/routing/engine/index';
import type { VroomProblem } from '../../../../shared/routing/vroom-format';
import { depotVehicle, euclid, expectFeasible, LINE5, onLine, opts } from './helpers';

describe('vehicle limits', () => {
  it('open routes have no start/end steps', () => {
    const p = onLine({
      vehicles: [{ id: 1 }],
      jobs: [
        { id: 1, location_index: 1 },
        { id: 2, location_index: 3 },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(s.routes[0]!.steps.map((x) => x.type)).toEqual(['job', 'job']);
    expect(s.summary.cost).toBe(20);
  });

  it('max_tasks, max_travel_time and max_distance split the work', () => {
    const base: VroomProblem = {
      vehicles: [depotVehicle(1), { id: 2, start_index: 4, end_index: 4 }],
      jobs: [1, 2, 3].map((i) => ({ id: i, location_index: i })),
      matrices: { car: { durations: LINE5, distances: LINE5 } },
    };
    for (const lim of [{ max_tasks: 1 }, { max_travel_time: 25 }, { max_distance: 25 }]) {
      const p: VroomProblem = { ...base, vehicles: base.vehicles.map((v) => ({ ...v, ...lim })) };
      const s = solve(p, opts());
      expectFeasible(p, s);
      for (const r of s.routes) {
        if ('max_tasks' in lim) expect(r.steps.filter((x) => x.type === 'job').length).toBeLessThanOrEqual(1);
        if ('max_travel_time' in lim) expect(r.duration).toBeLessThanOrEqual(25);
        if ('max_distance' in lim) expect(r.distance).toBeLessThanOrEqual(25);
      }
    }
  });

  it('max_duration counts waiting and delays the start departure', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { time_window: [0, 1000], max_duration: 100 })],
      jobs: [{ id: 1, location_index: 2, service: 10, time_windows: [[500, 600]] }],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const st = s.routes[0]!.steps;
    expect(st[0]!.arrival).toBe(480);
    expect(st[2]!.arrival - st[0]!.arrival).toBeLessThanOrEqual(100);
  });

  it('an empty route with start != end counts its start -> end leg against max_distance and max_travel_time', () => {
    // start (0,0), end (100,0), task at (50,50): the route is 2 x 71 = 142 long, its detour only 42
    const pts: Array<[number, number]> = [
      [0, 0],
      [100, 0],
      [50, 50],
    ];
    const m = euclid(pts);
    const base: VroomProblem = {
      vehicles: [{ id: 1, start_index: 0, end_index: 1 }],
      jobs: [{ id: 1, location_index: 2 }],
      shipments: [{ pickup: { id: 2, location_index: 2 }, delivery: { id: 2, location_index: 2 } }],
      matrices: { car: { durations: m, distances: m } },
    };
    for (const limit of [{ max_distance: 120 }, { max_travel_time: 120 }]) {
      const p: VroomProblem = { ...base, vehicles: [{ ...base.vehicles[0]!, ...limit }] };
      const s = solve(p, opts());
      expectFeasible(p, s);
      expect(s.routes).toEqual([]);
      expect(s.unassigned.map((u) => u.reason_code)).toEqual(Array(3).fill(Object.keys(limit)[0]));
      const roomy: VroomProblem = {
        ...base,
        vehicles: [{ ...base.vehicles[0]!, ...limit, ...{ [Object.keys(limit)[0]!]: 145 } }],
      };
      const s2 = solve(roomy, opts());
      expectFeasible(roomy, s2);
      expect(s2.unassigned).toEqual([]);
    }
  });

  it('explains a job beyond max_distance', () => {
    const p: VroomProblem = {
      vehicles: [depotVehicle(1, { max_distance: 50 })],
      jobs: [{ id: 1, location_index: 4 }],
      matrices: { car: { durations: LINE5, distances: LINE5 } },
    };
    const s = solve(p, opts());
    expect(s.unassigned[0]!.reason_code).toBe('max_distance');
  });
});

describe('breaks', () => {
  it('schedules a break inside its window', () => {
    const p = onLine({
      vehicles: [
        {
          id: 1,
          start_index: 0,
          end_index: 0,
          time_window: [0, 1000],
          breaks: [{ id: 7, time_windows: [[100, 150]], service: 30 }],
        },
      ],
      jobs: [
        { id: 1, location_index: 1, service: 60 },
        { id: 2, location_index: 2, service: 60 },
        { id: 3, location_index: 3, service: 60 },
      ],
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const br = s.routes[0]!.steps.find((x) => x.type === 'break')!;
    expect(br.arrival + br.waiting_time).toBeGreaterThanOrEqual(100);
    expect(br.arrival + br.waiting_time).toBeLessThanOrEqual(150);
    expect(s.unassigned).toEqual([]);
  });

  it('break max_load: the break is taken when the load is low enough', () => {
    const p = onLine({
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
    });
    const s = solve(p, opts());
    expectFeasible(p, s);
    const br = s.routes[0]!.steps.find((x) => x.type === 'break')!;
    expect(br.load).toEqual([0]);
  });
});
