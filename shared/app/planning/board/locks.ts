/**
 * Locked requests: the dispatcher pins a request to its vehicle and to its order among that
 * vehicle's other locked stops. In the routing problem (day-problem.ts) a locked request's task
 * carries the engine's vehicle lock (`vehicle`: any position on that vehicle, which the checker
 * verifies). The engine has no "keep this relative order" constraint, so re-planning solves with
 * the vehicle locks and, when a vehicle's locked stops came out in another order, solves once more
 * with those stops as that vehicle's frozen head (`locked_steps`, in their order, after the stop
 * the driver is driving to), which both the engine and the checker enforce. Pure.
 */
import type { Plan, PlanRoute } from '../../../domain/entities/plan';
import type { StepRef, VroomProblem, VroomSolution } from '../../../routing/vroom-format';
import type { Stop, UnderWay } from '../day-under-way';
import type { EngineStep } from '../pipeline';

const stepType = (kind: Stop['kind']): StepRef['type'] =>
  kind === 'visit' ? 'job' : kind === 'pickup' ? 'pickup' : 'delivery';

const key = (s: StepRef) => `${s.type}/${s.id}`;

/** Per vehicle of the day (engine id = index + 1), its locked stops still ahead, in plan order. */
export function lockedAhead(underWay: UnderWay): StepRef[][] {
  return underWay.vehicles.map(({ ahead }) =>
    ahead
      .filter((s) => s.locked && underWay.taskId.has(s.requestId))
      .map((s) => ({ type: stepType(s.kind), id: underWay.taskId.get(s.requestId)! })),
  );
}

/** Every locked request's task rides its vehicle (in place: the problem is being built). */
export function lockTasks(problem: VroomProblem, underWay: UnderWay | undefined): void {
  if (!underWay) return;
  lockedAhead(underWay).forEach((steps, k) => {
    for (const step of steps) pinTask(problem, step.id, k + 1);
  });
}

/** Pins one task (a job or a shipment, by its id) to an engine vehicle. */
export function pinTask(problem: VroomProblem, taskId: number, vehicle: number): void {
  const job = problem.jobs?.find((j) => j.id === taskId);
  if (job) job.vehicle = vehicle;
  const shipment = problem.shipments?.find((s) => s.pickup.id === taskId);
  if (shipment) shipment.vehicle = vehicle;
}

/** The engine vehicles whose locked stops are not in their plan order in `solution`. */
export function outOfOrder(solution: VroomSolution, locked: StepRef[][]): number[] {
  const bad: number[] = [];
  locked.forEach((steps, k) => {
    if (steps.length < 2) return;
    const want = steps.map(key);
    const wanted = new Set(want);
    const route = solution.routes.find((r) => r.vehicle === k + 1);
    const got = (route?.steps ?? [])
      .filter((s) => !s.done && s.id !== undefined && s.type !== 'break')
      .map((s) => key({ type: s.type as StepRef['type'], id: s.id! }))
      .filter((x) => wanted.has(x));
    if (got.join(' ') !== want.join(' ')) bad.push(k + 1);
  });
  return bad;
}

/** The problem with these vehicles' locked stops as their frozen head, in plan order. */
export function freezeLocked(problem: VroomProblem, locked: StepRef[][], vehicles: number[]): VroomProblem {
  return {
    ...problem,
    vehicles: problem.vehicles.map((v) => {
      if (!vehicles.includes(v.id)) return v;
      const head = v.locked_steps ?? [];
      const taken = new Set(head.map(key));
      const rest = (locked[v.id - 1] ?? []).filter((s) => !taken.has(key(s)));
      return { ...v, locked_steps: [...head, ...rest] };
    }),
  };
}

/**
 * An engine step that keeps each vehicle's locked stops in their order: the step as given, and
 * if some vehicle's locked stops came out of order, the step again on the problem with those
 * stops frozen at the head of that vehicle's route. `step(share)` makes the step with that share
 * of the time budget: a day where the order could break gives each run half, so that the two
 * together stay within the budget the dispatcher asked for.
 */
export function keepLockedOrder(step: (share: number) => EngineStep): EngineStep {
  const whole = step(1);
  return {
    what: whole.what,
    run: async (problem, underWay, day) => {
      const locked = lockedAhead(underWay);
      if (!locked.some((steps) => steps.length > 1)) return whole.run(problem, underWay, day);
      const half = step(0.5);
      const first = await half.run(problem, underWay, day);
      const bad = outOfOrder(first, locked);
      if (bad.length === 0) return first;
      // the checker must see the problem the answer was made for
      problem.vehicles = freezeLocked(problem, locked, bad).vehicles;
      return half.run(problem, underWay, day);
    },
  };
}

/** The new routes with the lock flags the plan had (a lock follows its request to a new place). */
export function withLockFlags<T extends { routes: PlanRoute[]; changed: PlanRoute[] }>(
  merged: T,
  plan: Plan | undefined,
): T {
  const locked = new Set(
    (plan?.routes ?? []).flatMap((r) => r.stops.filter((s) => s.locked).map((s) => s.requestId)),
  );
  if (locked.size === 0) return merged;
  const flag = (route: PlanRoute): PlanRoute => ({
    ...route,
    stops: route.stops.map((s) => (locked.has(s.requestId) ? { ...s, locked: true } : s)),
  });
  return { ...merged, routes: merged.routes.map(flag), changed: merged.changed.map(flag) };
}
