import { describe, expect, it } from 'vitest';
import { checkSolution, violationKind } from '../../../../shared/routing/checker/index';
import type { VroomProblem, VroomSolution } from '../../../../shared/routing/vroom-format';
import { build, lineMatrix, type RoutePlan } from './build';

/**
 * Six points on a line (x = 0, 10, ..., 50), travel = distance. Depot 0.
 * job 1 @1 delivers 1 (service 5); job 2 @2 picks up 1 (setup 3, service 5);
 * shipment A: pickup 10 @3 -> delivery 11 @4, amount 2, service 2, max ride 100;
 * shipment B: pickup 20 @5 -> delivery 21 @1, amount 1.
 */
function baseProblem(): VroomProblem {
  return {
    vehicles: [
      { id: 1, start_index: 0, end_index: 0, capacity: [4], time_window: [0, 1000], skills: [1] },
      { id: 2, start_index: 0, end_index: 0, capacity: [4], time_window: [0, 1000] },
    ],
    jobs: [
      { id: 1, location_index: 1, delivery: [1], service: 5, time_windows: [[0, 1000]] },
      { id: 2, location_index: 2, pickup: [1], setup: 3, service: 5 },
    ],
    shipments: [
      {
        amount: [2],
        pickup: { id: 10, location_index: 3, service: 2 },
        delivery: { id: 11, location_index: 4, service: 2 },
        max_ride_time: 100,
      },
      { amount: [1], pickup: { id: 20, location_index: 5 }, delivery: { id: 21, location_index: 1 } },
    ],
    matrices: { car: lineMatrix(6) },
  };
}

const V1: RoutePlan = {
  vehicle: 1,
  steps: [
    { type: 'job', id: 1 },
    { type: 'job', id: 2 },
    { type: 'pickup', id: 10 },
    { type: 'delivery', id: 11 },
  ],
};
const V2: RoutePlan = {
  vehicle: 2,
  steps: [
    { type: 'pickup', id: 20 },
    { type: 'delivery', id: 21 },
  ],
};

function kinds(problem: VroomProblem, solution: VroomSolution): string[] {
  return [...new Set(checkSolution(problem, solution).violations.map(violationKind))].sort();
}

function expectOnly(problem: VroomProblem, solution: VroomSolution, kind: string): void {
  const res = checkSolution(problem, solution);
  expect(res.feasible).toBe(false);
  expect(res.violations.length).toBeGreaterThan(0);
  expect([...new Set(res.violations.map(violationKind))]).toEqual([kind]);
}

describe('checkSolution: feasible solutions', () => {
  it('accepts the hand-made base solution and recomputes its totals', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    const res = checkSolution(p, s);
    expect(res.violations).toEqual([]);
    expect(res.feasible).toBe(true);
    // v1: 0-1-2-3-4-0 = 10+10+10+10+40; v2: 0-5-1-0 = 50+40+10
    expect(res.duration).toBe(180);
    expect(res.distance).toBe(180);
    expect(res.cost).toBe(180);
    expect(res.routes).toBe(2);
    expect(res.unassigned).toBe(0);
    // the hand schedule of v1
    const steps = s.routes[0]!.steps;
    expect(steps.map((x) => x.arrival)).toEqual([0, 10, 25, 43, 55, 97]);
    expect(steps.map((x) => x.load[0])).toEqual([1, 0, 1, 3, 1, 1]);
  });

  it('accepts unassigned tasks listed in unassigned (both ends of a shipment)', () => {
    const p = baseProblem();
    const s = build(p, [V1]);
    expect(s.unassigned).toHaveLength(2);
    const res = checkSolution(p, s);
    expect(res.violations).toEqual([]);
    expect(res.unassigned).toBe(2);
    expect(res.routes).toBe(1);
  });

  it('accepts an open route (no end) and a route without start', () => {
    const p = baseProblem();
    delete p.vehicles[0]!.end_index;
    delete p.vehicles[1]!.start_index;
    const s = build(p, [V1, V2]);
    expect(s.routes[0]!.steps.at(-1)!.type).toBe('delivery');
    expect(s.routes[1]!.steps[0]!.type).toBe('pickup');
    expect(checkSolution(p, s).violations).toEqual([]);
  });

  it('accepts waiting for a later time window among several', () => {
    const p = baseProblem();
    p.jobs![0]!.time_windows = [
      [0, 5],
      [100, 120],
    ];
    const s = build(p, [V1]);
    expect(s.routes[0]!.steps[1]!.waiting_time).toBe(90);
    expect(checkSolution(p, s).violations).toEqual([]);
  });

  it('applies the cost model: fixed, per_hour, per_km, and a costs matrix', () => {
    const p = baseProblem();
    p.vehicles[0]!.costs = { fixed: 1000, per_hour: 7200, per_km: 500 };
    const s = build(p, [V1, V2]);
    const res = checkSolution(p, s);
    expect(res.violations).toEqual([]);
    expect(res.cost).toBeCloseTo(1000 + 2 * 80 + 0.5 * 80 + 100, 9);

    const q = baseProblem();
    q.matrices.car!.costs = lineMatrix(6).durations.map((r) => r.map((x) => 3 * x));
    const t = build(q, [V1]);
    expect(kinds(q, t)).toEqual(['cost']);
    t.routes[0]!.cost = 240;
    t.summary.cost = 240;
    expect(checkSolution(q, t).violations).toEqual([]);
  });

  it('accepts a break in its window, done steps and locked steps', () => {
    const p = baseProblem();
    p.vehicles[0]!.breaks = [{ id: 7, time_windows: [[0, 100]], service: 10 }];
    p.vehicles[1]!.done_steps = [{ type: 'pickup', id: 20, departure: 0 }];
    p.vehicles[0]!.locked_steps = [{ type: 'job', id: 1 }];
    const s = build(p, [
      { vehicle: 1, steps: [{ type: 'job', id: 1 }, { type: 'break', id: 7 }, ...V1.steps.slice(1)] },
      { vehicle: 2, steps: [{ type: 'delivery', id: 21 }] },
    ]);
    const res = checkSolution(p, s);
    expect(res.violations).toEqual([]);
    // on board from the start: 1 passenger
    expect(s.routes[1]!.steps.find((x) => x.type === 'start')!.load).toEqual([1]);
    expect(res.unassigned).toBe(0);
  });

  it('tolerates rounding below 1e-6 relative', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.summary.cost *= 1 + 1e-8;
    s.routes[0]!.steps[2]!.arrival += 1e-9;
    expect(checkSolution(p, s).violations).toEqual([]);
  });
});

describe('checkSolution: one violation kind each', () => {
  it('travel: arrival before previous departure + travel', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.steps[2]!.arrival -= 1;
    s.routes[0]!.steps[2]!.waiting_time += 1;
    s.routes[0]!.waiting_time += 1;
    s.summary.waiting_time += 1;
    expectOnly(p, s, 'travel');
  });

  it('time_window: service start outside every window', () => {
    const p = baseProblem();
    p.jobs![0]!.time_windows = [[0, 5]];
    expectOnly(p, build(p, [V1, V2]), 'time_window');
  });

  it('shift: end arrival after the shift end', () => {
    const p = baseProblem();
    p.vehicles[0]!.time_window = [0, 90];
    expectOnly(p, build(p, [V1, V2]), 'shift');
  });

  it('shift: leaving the start before the shift', () => {
    const p = baseProblem();
    p.vehicles[1]!.time_window = [50, 1000];
    expectOnly(p, build(p, [V1, { ...V2, startAt: 0 }]), 'shift');
  });

  it('capacity: load above capacity', () => {
    const p = baseProblem();
    p.vehicles[0]!.capacity = [2];
    expectOnly(p, build(p, [V1, V2]), 'capacity');
  });

  it('load: reported load differs from the recomputed profile', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.steps[3]!.load = [2];
    expectOnly(p, s, 'load');
  });

  it('skills: vehicle lacks a skill', () => {
    const p = baseProblem();
    p.jobs![0]!.skills = [2];
    expectOnly(p, build(p, [V1, V2]), 'skills');
  });

  it('precedence: delivery before pickup', () => {
    const p = baseProblem();
    const s = build(p, [
      V1,
      {
        vehicle: 2,
        steps: [
          { type: 'delivery', id: 21 },
          { type: 'pickup', id: 20 },
        ],
      },
    ]);
    expect(kinds(p, s)).toContain('precedence');
  });

  it('precedence: pickup and delivery on different vehicles', () => {
    const p = baseProblem();
    const s = build(p, [
      { vehicle: 1, steps: [...V1.steps, { type: 'pickup', id: 20 }] },
      { vehicle: 2, steps: [{ type: 'delivery', id: 21 }] },
    ]);
    expect(kinds(p, s)).toContain('precedence');
  });

  it('max_ride_time: delivery service start - pickup departure above the limit', () => {
    const p = baseProblem();
    p.shipments![0]!.max_ride_time = 9.5; // ride = 55 - 45 = 10
    expectOnly(p, build(p, [V1, V2]), 'max_ride_time');
    p.shipments![0]!.max_ride_time = 10;
    expect(kinds(p, build(p, [V1, V2]))).toEqual([]);
  });

  it('exclusive: another task between an exclusive pickup and its delivery', () => {
    const p = baseProblem();
    p.shipments![1]!.exclusive = true;
    const s = build(p, [
      {
        vehicle: 2,
        steps: [
          { type: 'pickup', id: 20 },
          { type: 'pickup', id: 10 },
          { type: 'delivery', id: 11 },
          { type: 'delivery', id: 21 },
        ],
      },
      { vehicle: 1, steps: V1.steps.slice(0, 2) },
    ]);
    expectOnly(p, s, 'exclusive');
  });

  it('exclusive: someone else already on board at the exclusive pickup', () => {
    const p = baseProblem();
    p.shipments![1]!.exclusive = true;
    p.vehicles[1]!.done_steps = [{ type: 'pickup', id: 10 }];
    const s = build(p, [
      {
        vehicle: 2,
        steps: [
          { type: 'delivery', id: 11 },
          { type: 'pickup', id: 20 },
          { type: 'delivery', id: 21 },
        ],
      },
      { vehicle: 1, steps: V1.steps.slice(0, 2) },
    ]);
    expect(kinds(p, s)).toEqual([]);
    const t = build(p, [
      {
        vehicle: 2,
        steps: [
          { type: 'pickup', id: 20 },
          { type: 'delivery', id: 21 },
          { type: 'delivery', id: 11 },
        ],
      },
      { vehicle: 1, steps: V1.steps.slice(0, 2) },
    ]);
    expectOnly(p, t, 'exclusive');
  });

  it('max_tasks', () => {
    const p = baseProblem();
    p.vehicles[0]!.max_tasks = 3;
    expectOnly(p, build(p, [V1, V2]), 'max_tasks');
  });

  it('max_travel_time', () => {
    const p = baseProblem();
    p.vehicles[0]!.max_travel_time = 79;
    expectOnly(p, build(p, [V1, V2]), 'max_travel_time');
  });

  it('max_distance', () => {
    const p = baseProblem();
    p.vehicles[0]!.max_distance = 79;
    expectOnly(p, build(p, [V1, V2]), 'max_distance');
  });

  it('max_duration: end arrival - start departure', () => {
    const p = baseProblem();
    p.vehicles[0]!.max_duration = 96;
    expectOnly(p, build(p, [V1, V2]), 'max_duration');
    // a later departure from the start shortens nothing here, but is measured from the departure
    p.vehicles[0]!.max_duration = 97;
    expect(kinds(p, build(p, [{ ...V1, startAt: 5 }, V2]))).toEqual([]);
  });

  it('break: not served on a used vehicle', () => {
    const p = baseProblem();
    p.vehicles[0]!.breaks = [{ id: 7, time_windows: [[0, 100]], service: 10 }];
    expectOnly(p, build(p, [V1, V2]), 'break');
  });

  it('break: outside its window', () => {
    const p = baseProblem();
    p.vehicles[0]!.breaks = [{ id: 7, time_windows: [[0, 12]], service: 10 }];
    const s = build(p, [
      { vehicle: 1, steps: [...V1.steps.slice(0, 2), { type: 'break', id: 7 }, ...V1.steps.slice(2)] },
      V2,
    ]);
    expectOnly(p, s, 'break');
  });

  it('break: load above max_load', () => {
    const p = baseProblem();
    p.vehicles[0]!.breaks = [{ id: 7, service: 10, max_load: [0] }];
    const s = build(p, [
      { vehicle: 1, steps: [...V1.steps.slice(0, 3), { type: 'break', id: 7 }, V1.steps[3]!] },
      V2,
    ]);
    expectOnly(p, s, 'break');
  });

  it('vehicle_lock: task on another vehicle', () => {
    const p = baseProblem();
    p.jobs![0]!.vehicle = 2;
    expectOnly(p, build(p, [V1, V2]), 'vehicle_lock');
  });

  it('done_steps: not echoed at the head of the route', () => {
    const p = baseProblem();
    p.vehicles[1]!.done_steps = [{ type: 'pickup', id: 20, departure: 0 }];
    const s = build(p, [V1, { vehicle: 2, steps: [{ type: 'delivery', id: 21 }] }]);
    s.routes[1]!.steps = s.routes[1]!.steps.filter((x) => !x.done);
    expectOnly(p, s, 'done_steps');
  });

  it('done_steps: on-board passenger must be delivered by the same vehicle, ride time counted', () => {
    const p = baseProblem();
    p.vehicles[1]!.done_steps = [{ type: 'pickup', id: 20, departure: 0 }];
    const s = build(p, [{ vehicle: 1, steps: [...V1.steps, { type: 'delivery', id: 21 }] }]);
    expect(kinds(p, s)).toContain('precedence');
    p.shipments![1]!.max_ride_time = 5; // delivered at 10 after leaving the pickup at 0
    expectOnly(p, build(p, [V1, { vehicle: 2, steps: [{ type: 'delivery', id: 21 }] }]), 'max_ride_time');
  });

  it('locked_steps: route head differs', () => {
    const p = baseProblem();
    p.vehicles[0]!.locked_steps = [{ type: 'job', id: 2 }];
    expectOnly(p, build(p, [V1, V2]), 'locked_steps');
  });

  it('cost: route cost misreported', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.cost += 0.01;
    s.summary.cost += 0.01;
    expectOnly(p, s, 'cost');
  });

  it('distance: summary distance misreported', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.summary.distance += 1;
    expectOnly(p, s, 'distance');
  });

  it('duration: cumulative step duration misreported', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.steps[2]!.duration = 5;
    expectOnly(p, s, 'duration');
  });

  it('duplicate_task: a task served twice', () => {
    const p = baseProblem();
    const s = build(p, [V1, { vehicle: 2, steps: [{ type: 'job', id: 1 }, ...V2.steps] }]);
    expect(kinds(p, s)).toContain('duplicate_task');
  });

  it('unassigned: a task neither served nor listed', () => {
    const p = baseProblem();
    const s = build(p, [V1]);
    s.unassigned = s.unassigned.filter((u) => u.type !== 'delivery');
    s.summary.unassigned = s.unassigned.length;
    expectOnly(p, s, 'unassigned');
  });

  it('unassigned: a served task listed as unassigned', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.unassigned.push({ type: 'job', id: 1 });
    s.summary.unassigned = 1;
    expectOnly(p, s, 'unassigned');
  });

  it('summary: counts misreported', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.summary.routes = 3;
    expectOnly(p, s, 'summary');
  });

  it('start: wrong start location or missing start step', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.steps[0]!.location_index = 3;
    expectOnly(p, s, 'start');
    const t = build(p, [V1, V2]);
    t.routes[0]!.steps.shift();
    expect(kinds(p, t)).toContain('start');
  });

  it('end: missing end step on a closed route', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    const end = s.routes[1]!.steps.pop()!;
    s.routes[1]!.duration = end.duration - 10;
    expect(kinds(p, s)).toContain('end');
  });

  it('setup: missing when the location changes, charged when it does not', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.steps[2]!.setup = 0;
    s.routes[0]!.setup = 0;
    s.summary.setup = 0;
    expectOnly(p, s, 'setup');

    const q = baseProblem();
    q.jobs!.push({ id: 3, location_index: 2, setup: 4, service: 1 });
    const t = build(q, [
      { vehicle: 1, steps: [...V1.steps.slice(0, 2), { type: 'job', id: 3 }, ...V1.steps.slice(2)] },
      V2,
    ]);
    expect(t.routes[0]!.steps[3]!.setup).toBe(0);
    expect(kinds(q, t)).toEqual([]);
    t.routes[0]!.steps[3]!.setup = 4;
    expect(kinds(q, t)).toContain('setup');
  });

  it('service: wrong service duration', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.steps[1]!.service = 1;
    expect(kinds(p, s)).toContain('service');
  });

  it('location: step location differs from the task', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[0]!.steps[1]!.location_index = 2;
    expectOnly(p, s, 'location');
  });

  it('duplicate_route and unknown_vehicle', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes.push(structuredClone(s.routes[1]!));
    expect(kinds(p, s)).toContain('duplicate_route');
    const t = build(p, [V1, V2]);
    t.routes[1]!.vehicle = 9;
    expect(kinds(p, t)).toContain('unknown_vehicle');
  });

  it('unknown_task: a step naming a task that does not exist', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.routes[1]!.steps[1]!.id = 99;
    expect(kinds(p, s)).toContain('unknown_task');
  });

  it('code: error code reported', () => {
    const p = baseProblem();
    const s = build(p, [V1, V2]);
    s.code = 2;
    expectOnly(p, s, 'code');
  });
});

describe('checkSolution: schedule details', () => {
  it('measures ride time from an explicit (delayed) pickup departure', () => {
    const p = baseProblem();
    p.shipments![0]!.max_ride_time = 10;
    const s = build(p, [V1, V2]);
    // pickup 10 arrives 43, service 2 -> may leave at 45; leave at 50 instead, deliver at 60
    const steps = s.routes[0]!.steps;
    steps[3]!.departure = 50;
    steps[4]!.arrival = 60;
    steps[5]!.arrival = 102;
    expect(kinds(p, s)).toEqual([]);
    steps[3]!.departure = 44; // earlier than arrival + service: counted from 45, ride 15
    expect(kinds(p, s)).toEqual(['max_ride_time', 'travel']);
  });

  it('delayed departure from the start counts in max_duration from the departure', () => {
    const p = baseProblem();
    p.vehicles[0]!.max_duration = 97;
    const s = build(p, [V1, V2]);
    const start = s.routes[0]!.steps[0]!;
    start.departure = 0;
    expect(kinds(p, s)).toEqual([]);
    start.departure = -5; // departure before its own arrival is not a thing; measured anyway
    expect(kinds(p, s)).toEqual(['max_duration']);
  });

  it('done steps may be echoed after the start step too, but not after a planned task', () => {
    const p = baseProblem();
    p.vehicles[1]!.done_steps = [{ type: 'pickup', id: 20, departure: 0 }];
    const s = build(p, [V1, { vehicle: 2, steps: [{ type: 'delivery', id: 21 }] }]);
    const r = s.routes[1]!;
    const done = r.steps.shift()!;
    r.steps.splice(1, 0, done); // start, done pickup, delivery, end
    expect(kinds(p, s)).toEqual([]);
    r.steps.splice(1, 1);
    r.steps.splice(2, 0, done); // start, delivery, done pickup, end
    expect(kinds(p, s)).toContain('done_steps');
  });

  it('a break in done_steps counts as taken', () => {
    const p = baseProblem();
    p.vehicles[0]!.breaks = [{ id: 7, time_windows: [[0, 10]], service: 10 }];
    p.vehicles[0]!.done_steps = [{ type: 'break', id: 7, departure: 10 }];
    const s = build(p, [V1, V2]);
    expect(checkSolution(p, s).violations).toEqual([]);
  });

  it('on-board shipment without a route for its vehicle', () => {
    const p = baseProblem();
    p.vehicles[1]!.done_steps = [{ type: 'pickup', id: 20, departure: 0 }];
    const s = build(p, [V1]);
    s.unassigned = s.unassigned.filter((u) => u.id !== 20);
    s.summary.unassigned = s.unassigned.length;
    expect(kinds(p, s)).toEqual(['precedence']);
  });

  it('declared violations: waived only on a route that starts with a passenger on board, only for the causes it names', () => {
    // vehicle 2 has passenger B (pickup 20) on board and must drop them at 1; its shift ends at 5
    const p = baseProblem();
    p.vehicles[1]!.done_steps = [{ type: 'pickup', id: 20, departure: 0 }];
    p.vehicles[1]!.time_window = [0, 5];
    p.vehicles[1]!.max_travel_time = 15;
    const plan: RoutePlan = { vehicle: 2, steps: [{ type: 'delivery', id: 21 }] };
    const undeclared = build(p, [V1, plan]);
    // drop-off at 10 and back at 20: two shift breaches and max_travel_time (20 > 15)
    expect(checkSolution(p, undeclared).violations.map(violationKind)).toEqual([
      'shift',
      'shift',
      'max_travel_time',
    ]);

    const declared = build(p, [V1, plan]);
    const r2 = declared.routes[1]!;
    const drop = r2.steps.find((x) => x.type === 'delivery')!;
    const end = r2.steps.find((x) => x.type === 'end')!;
    drop.violations = [{ cause: 'delay', duration: 5 }];
    end.violations = [{ cause: 'delay', duration: 15 }];
    r2.violations = [
      { cause: 'delay', duration: 15 },
      { cause: 'max_travel_time', duration: 5 },
    ];
    const ok = checkSolution(p, declared);
    expect(ok.violations).toEqual([]);
    expect(ok.waived).toBe(3);

    // a step-level cause must also be in the route's list; a wrong cause waives nothing
    drop.violations = [{ cause: 'lead_time', duration: 5 }];
    expect(kinds(p, declared)).toEqual(['shift']);
    r2.violations = [{ cause: 'delay', duration: 15 }];
    drop.violations = [{ cause: 'delay', duration: 5 }];
    expect(kinds(p, declared)).toEqual(['max_travel_time']);

    // the same declarations on a route with nobody on board are themselves a violation
    delete p.vehicles[1]!.done_steps;
    const empty = build(p, [
      V1,
      {
        vehicle: 2,
        steps: [
          { type: 'pickup', id: 20 },
          { type: 'delivery', id: 21 },
        ],
      },
    ]);
    empty.routes[1]!.violations = [{ cause: 'max_travel_time' }];
    expect(kinds(p, empty)).toContain('violations');
    expect(kinds(p, empty)).toContain('max_travel_time');
  });

  it('a break step with its own location charges the travel before it', () => {
    const p = baseProblem();
    p.vehicles[0]!.breaks = [{ id: 7, service: 10 }];
    const s = build(p, [V1, V2]);
    const steps = s.routes[0]!.steps;
    // after job 1 (@1, leaves 15) take the break at location 2 (arrive 25, leave 35), then job 2 @2
    steps.splice(2, 0, {
      type: 'break',
      id: 7,
      location_index: 2,
      arrival: 25,
      duration: 20,
      distance: 20,
      setup: 0,
      service: 10,
      waiting_time: 0,
      load: [0],
    });
    // job 2 is now at the same location as the break: no setup; shift the rest by +7 (10 - 3)
    const job2 = steps[3]!;
    job2.arrival = 35;
    job2.setup = 0;
    for (const x of steps.slice(4)) x.arrival += 7;
    s.routes[0]!.setup = 0;
    s.routes[0]!.service += 10;
    s.summary.setup = 0;
    s.summary.service += 10;
    expect(checkSolution(p, s).violations).toEqual([]);
  });

  it('multi-dimensional capacity is checked per dimension', () => {
    const p = baseProblem();
    for (const v of p.vehicles) v.capacity = [4, 1];
    p.jobs![0]!.delivery = [1, 1];
    p.jobs![1]!.pickup = [0, 2];
    const s = build(p, [V1, V2]);
    const res = checkSolution(p, s);
    // job 2, pickup 10 and delivery 11 carry 2 parcels with room for 1
    expect(res.violations.map(violationKind)).toEqual(['capacity', 'capacity', 'capacity']);
    expect(res.violations[0]).toContain('step 2 job 2');
  });

  it('cost with a custom costs matrix ignores per_hour/per_km but keeps fixed', () => {
    const p = baseProblem();
    p.matrices.car!.costs = lineMatrix(6).durations.map((row) => row.map((x) => x / 10));
    p.vehicles[0]!.costs = { fixed: 5, per_hour: 100000, per_km: 100000 };
    const s = build(p, [V1]);
    s.routes[0]!.cost = 5 + 8;
    s.summary.cost = 13;
    const res = checkSolution(p, s);
    expect(res.violations).toEqual([]);
    expect(res.cost).toBe(13);
  });
});

describe('checkSolution: epoch-second times', () => {
  it('stays strict (sub-second) on absolute epoch times', () => {
    const p = baseProblem();
    const T0 = 1_790_000_000;
    for (const v of p.vehicles) v.time_window = [T0, T0 + 1000];
    p.jobs![0]!.time_windows = [[T0, T0 + 1000]];
    const s = build(p, [V1, V2]);
    expect(checkSolution(p, s).violations).toEqual([]);
    s.routes[0]!.steps[2]!.arrival -= 0.5;
    s.routes[0]!.steps[2]!.waiting_time += 0.5;
    s.routes[0]!.waiting_time += 0.5;
    s.summary.waiting_time += 0.5;
    expect(kinds(p, s)).toEqual(['travel']);
  });
});
