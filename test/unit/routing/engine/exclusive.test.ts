/** Exclusive visits (jobs) and rides (shipments): the engine never returns a solution that shares the car. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../../shared/routing/checker/index';
import { insertTask, solve } from '../../../../shared/routing/engine/index';
import type {
  VroomJob,
  VroomProblem,
  VroomShipment,
  VroomSolution,
} from '../../../../shared/routing/vroom-format';
import { depotVehicle, euclid, expectFeasible, onLine, opts, ride, taskIds } from './helpers';

/** Riders on board when each exclusive visit is reached, per visit id (0 everywhere = the rule kept). */
function ridersAtExclusiveVisits(p: VroomProblem, s: VroomSolution): number[] {
  const exclusive = new Set((p.jobs ?? []).filter((j) => j.exclusive).map((j) => j.id));
  const out: number[] = [];
  for (const r of s.routes) {
    const vehicle = p.vehicles.find((v) => v.id === r.vehicle)!;
    const onBoard = new Set<number>();
    for (const d of vehicle.done_steps ?? []) if (d.type === 'pickup') onBoard.add(d.id);
    for (const d of vehicle.done_steps ?? []) if (d.type === 'delivery') onBoard.delete(d.id);
    for (const st of r.steps) {
      if (st.done || st.id === undefined) continue;
      if (st.type === 'pickup') onBoard.add(st.id);
      else if (st.type === 'delivery') onBoard.delete(st.id);
      else if (st.type === 'job' && exclusive.has(st.id)) out.push(onBoard.size);
    }
  }
  return out;
}

describe('exclusive visits', () => {
  // a vehicle with no end: 0 -> pickup @1 -> visit @3 -> drop-off @5 would be cheapest
  const problem = (exclusive: boolean): VroomProblem =>
    onLine({
      matrices: { car: { durations: euclid([0, 1, 2, 3, 4, 5].map((x) => [x * 10, 0])) } },
      vehicles: [{ id: 1, start_index: 0, capacity: [4] }],
      jobs: [{ id: 9, location_index: 3, service: 5, exclusive }],
      shipments: [ride(1, 1, 5)],
    });

  it('a visit without the flag shares the ride; an exclusive one is made with nobody on board', () => {
    const shared = problem(false);
    const s0 = solve(shared, opts());
    expectFeasible(shared, s0);
    expect(taskIds(s0)).toEqual(['pickup:1', 'job:9', 'delivery:1']);

    const alone = problem(true);
    const s1 = solve(alone, opts());
    expectFeasible(alone, s1);
    expect(s1.unassigned).toEqual([]);
    expect(taskIds(s1)).toEqual(['pickup:1', 'delivery:1', 'job:9']);
  });

  it('a rider on board since the start is dropped before the exclusive visit', () => {
    const p = problem(true);
    p.vehicles[0]!.done_steps = [{ type: 'pickup', id: 1 }];
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(taskIds(s)).toEqual(['delivery:1', 'job:9']);
  });

  it('an exclusive rider on board since the start is dropped before any other stop', () => {
    const p = problem(false);
    p.shipments![0]!.exclusive = true;
    p.vehicles[0]!.done_steps = [{ type: 'pickup', id: 1 }];
    const s = solve(p, opts());
    expectFeasible(p, s);
    expect(taskIds(s)).toEqual(['delivery:1', 'job:9']);
    const shared = problem(false);
    shared.vehicles[0]!.done_steps = [{ type: 'pickup', id: 1 }];
    expect(taskIds(solve(shared, opts()))).toEqual(['job:9', 'delivery:1']);
  });

  it('insertTask places an exclusive visit outside every ride', () => {
    const p = onLine({
      vehicles: [depotVehicle(1, { capacity: [4] })],
      shipments: [ride(1, 1, 4), ride(2, 2, 3)],
      jobs: [{ id: 9, location_index: 2, exclusive: true }],
    });
    const without: VroomProblem = { ...p, jobs: [] };
    const s0 = solve(without, opts());
    const s1 = insertTask(p, s0, { type: 'job', id: 9 }, opts());
    expectFeasible(p, s1);
    expect(s1.unassigned).toEqual([]);
    expect(ridersAtExclusiveVisits(p, s1)).toEqual([0]);
  });
});

/** A small random day: 1-3 vehicles, up to 6 visits and 6 rides, some exclusive, some windows. */
const smallProblem = fc
  .record({
    points: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), {
      minLength: 4,
      maxLength: 9,
    }),
    vehicles: fc.array(fc.record({ seats: fc.integer({ min: 1, max: 4 }), end: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    }),
    jobs: fc.array(
      fc.record({
        at: fc.nat(),
        exclusive: fc.boolean(),
        service: fc.integer({ min: 0, max: 10 }),
        open: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        parcel: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    rides: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        seats: fc.integer({ min: 1, max: 2 }),
        exclusive: fc.boolean(),
        maxRide: fc.option(fc.integer({ min: 40, max: 200 }), { nil: undefined }),
        open: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ points, vehicles, jobs, rides }): VroomProblem => {
    const n = points.length;
    const at = (k: number) => 1 + (k % (n - 1)); // 0 is the depot
    return {
      matrices: { car: { durations: euclid(points) } },
      vehicles: vehicles.map((v, k) => ({
        id: k + 1,
        start_index: 0,
        ...(v.end ? { end_index: 0 } : {}),
        capacity: [v.seats + 2],
        time_window: [0, 2000],
      })),
      jobs: jobs.map(
        (j, k): VroomJob => ({
          id: k + 1,
          location_index: at(j.at),
          service: j.service,
          ...(j.exclusive ? { exclusive: true } : {}),
          ...(j.parcel ? { delivery: [1] } : {}),
          ...(j.open !== undefined ? { time_windows: [[j.open, j.open + 200]] } : {}),
        }),
      ),
      shipments: rides.map(
        (r, k): VroomShipment => ({
          amount: [r.seats],
          ...(r.exclusive ? { exclusive: true } : {}),
          ...(r.maxRide !== undefined ? { max_ride_time: r.maxRide } : {}),
          pickup: {
            id: 100 + k,
            location_index: at(r.from),
            ...(r.open !== undefined ? { time_windows: [[r.open, r.open + 150]] } : {}),
          },
          delivery: { id: 100 + k, location_index: at(r.to) },
        }),
      ),
    };
  });

describe('exclusive tasks: property', () => {
  it('every solution of a random small problem with exclusive tasks passes the checker', () => {
    fc.assert(
      fc.property(smallProblem, fc.integer({ min: 1, max: 1000 }), (p, seed) => {
        const s = solve(p, opts({ maxIterations: 60, seed }));
        const check = checkSolution(p, s);
        expect(check.violations).toEqual([]);
        expect(ridersAtExclusiveVisits(p, s).every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 120, seed: 20261202 },
    );
  });

  it('inserting an exclusive visit into a solved day keeps every rule', () => {
    fc.assert(
      fc.property(smallProblem, fc.nat(), (p, k) => {
        const s0 = solve(p, opts({ maxIterations: 30 }));
        const extra: VroomJob = {
          id: 999,
          location_index: 1 + (k % (p.matrices.car!.durations.length - 1)),
          exclusive: true,
          service: 5,
        };
        const p1: VroomProblem = { ...p, jobs: [...(p.jobs ?? []), extra] };
        const s1 = insertTask(p1, s0, { type: 'job', id: 999 }, opts());
        expect(checkSolution(p1, s1).violations).toEqual([]);
        expect(ridersAtExclusiveVisits(p1, s1).every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 80, seed: 7 },
    );
  });
});
