/**
 * The engine steps of the board's hand edits. None re-plans the day: the routes ahead are given to
 * the engine as they stand (solutionAhead) and it only recomputes their schedules, or, for an
 * assignment, inserts one request on one vehicle with its insertion (insertTask). The pipeline's
 * checker then checks the whole changed plan.
 */
import type { ServiceRequest } from '../../../domain/entities/service-request';
import { ConflictError, UnprocessableError } from '../../../domain/errors';
import { insertTask, solve } from '../../../routing/engine/index';
import type { StepRef, VroomProblem, VroomSolution } from '../../../routing/vroom-format';
import { solutionAhead, type UnderWay } from '../day-under-way';
import type { EngineStep } from '../pipeline';
import { refusalReason } from './board-reasons';
import { pinTask } from './locks';

const ENGINE_NOW = () => performance.now();

/** The routes as they stand, rescheduled by the engine (a removed request's stops are gone). */
export function rescheduled(problem: VroomProblem, current: VroomSolution): VroomSolution {
  const anchor = current.routes.flatMap((r) => r.steps).find((s) => s.type === 'job' || s.type === 'pickup');
  if (!anchor) return solve(problem, { timeLimitMs: 0, maxIterations: 0, now: ENGINE_NOW, seed: 1 });
  // insertTask keeps every route's order and inserts nothing when its task is already routed
  const type = anchor.type === 'job' ? 'job' : 'shipment';
  return insertTask(problem, current, { type, id: anchor.id! }, { timeLimitMs: 0, now: ENGINE_NOW, seed: 1 });
}

/** The routes ahead as they stand: a lock or a vehicle's service changed, no stop moved. */
export function keepStep(): EngineStep {
  return {
    what: 'board edit',
    run: async (problem, underWay) => rescheduled(problem, solutionAhead(underWay)),
  };
}

/** The routes ahead without one request (the dispatcher took it off its route). */
export function removeStep(requestId: string): EngineStep {
  return {
    what: 'board edit',
    run: async (problem, underWay) => {
      const id = underWay.taskId.get(requestId)!;
      refuseIfStarted(problem, underWay, requestId, { next: false });
      // the request leaves the problem: its task, and the driver's next stop if it was that
      problem.jobs = (problem.jobs ?? []).filter((j) => j.id !== id);
      problem.shipments = (problem.shipments ?? []).filter((s) => s.pickup.id !== id);
      for (const v of problem.vehicles)
        if (v.locked_steps) v.locked_steps = v.locked_steps.filter((s) => s.id !== id);
      return rescheduled(problem, without(solutionAhead(underWay), id));
    },
  };
}

/**
 * One request onto one vehicle at its best position (the engine's insertion, the task pinned to
 * that vehicle), every other stop as it was. Refused with the reason in Ukrainian when it does not
 * fit, or fits only by moving another request.
 */
export function assignStep(request: ServiceRequest, vehicleId: string): EngineStep {
  return {
    what: 'board edit',
    run: async (problem, underWay, day) => {
      const k = day.vehicles.findIndex((v) => v.vehicle.id === vehicleId);
      if (k < 0)
        throw new UnprocessableError(`Vehicle ${vehicleId} does not work on ${day.requests[0]?.date}`, {
          reason: 'це авто цього дня не працює',
        });
      const id = underWay.taskId.get(request.id)!;
      refuseIfStarted(problem, underWay, request.id, { next: true });
      pinTask(problem, id, k + 1);
      const current = without(solutionAhead(underWay), id);
      const type = problem.shipments?.some((s) => s.pickup.id === id) ? 'shipment' : 'job';
      const solution = insertTask(
        problem,
        current,
        { type, id },
        { timeLimitMs: 50, now: ENGINE_NOW, seed: 1 },
      );
      const left = solution.unassigned.find((u) => u.id === id);
      if (left)
        throw new UnprocessableError(`Request ${request.id} does not fit vehicle ${vehicleId}`, {
          reason: refusalReason(left.reason_code),
        });
      if (order(solution, id) !== order(current, id))
        throw new UnprocessableError(
          `Request ${request.id} fits vehicle ${vehicleId} only by moving another`,
          {
            reason: refusalReason('crowded'),
          },
        );
      return solution;
    },
  };
}

/** A request whose stops are being made (or, for a move, being driven to) stays where it is. */
function refuseIfStarted(
  problem: VroomProblem,
  underWay: UnderWay,
  requestId: string,
  { next }: { next: boolean },
): void {
  const id = underWay.taskId.get(requestId);
  if (underWay.vehicles.some((v) => v.done.some((s) => s.requestId === requestId)))
    throw new ConflictError(`Request ${requestId} is under way`, undefined, {
      reason: 'поїздка вже почалася',
    });
  // the stop a vehicle on the road is driving to is its locked head (day-problem.ts)
  if (next && problem.vehicles.some((v) => v.locked_steps?.some((s) => s.id === id)))
    throw new ConflictError(`The driver is on the way to request ${requestId}`, undefined, {
      reason: 'водій уже їде до цієї зупинки',
    });
}

/** The solution without one task's steps. */
function without(solution: VroomSolution, id: number): VroomSolution {
  const routes = solution.routes
    .map((r) => ({ ...r, steps: r.steps.filter((s) => s.id !== id || s.type === 'break') }))
    .filter((r) => r.steps.length > 0);
  return { ...solution, routes };
}

/** Every vehicle's sequence of tasks but one, to see that nothing else moved. */
function order(solution: VroomSolution, but: number): string {
  return solution.routes
    .map((r) => ({ vehicle: r.vehicle, steps: r.steps.filter(isTask).filter((s) => s.id !== but) }))
    .filter((r) => r.steps.length > 0)
    .sort((a, b) => a.vehicle - b.vehicle)
    .map((r) => `${r.vehicle}:${r.steps.map((s) => `${s.type}/${s.id}`).join(',')}`)
    .join(' ');
}

const isTask = (s: { type: string; done?: boolean }): s is StepRef & { done?: boolean } =>
  !s.done && (s.type === 'job' || s.type === 'pickup' || s.type === 'delivery');
